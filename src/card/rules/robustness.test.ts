/**
 * lintCard must never throw, whatever JSON it is given, and must stay fast on huge cards: these
 * tests feed it odd values, hostile strings, deep nesting, random mutations of real cards, and a
 * card with 1,000 sections and 10,000 facts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST_PROFILES, type Issue } from '../types.ts';
import { lintCard, ruleInfo } from './lint.ts';
import { loadCorpus, pathExists, seededRandom, type CorpusEntry } from './testkit.ts';

const CORPUS = new URL('../../../fixtures/corpus/', import.meta.url);

function expectWellFormed(value: unknown, issues: readonly Issue[]): void {
  for (const issue of issues) {
    const info = ruleInfo(issue.rule);
    expect(info, issue.rule).toBeDefined();
    expect(['error', 'warning', 'hint']).toContain(issue.severity);
    if (issue.rule !== 'issues-truncated') expect(issue.severity, issue.rule).toBe(info?.severity);
    expect(pathExists(value, issue.path), `${issue.rule} at ${JSON.stringify(issue.path)}`).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length, issue.rule).toBeLessThan(1000);
  }
}

function lintEverywhere(value: unknown): Issue[] {
  const all: Issue[] = [];
  for (const host of HOST_PROFILES) {
    const issues = lintCard(value, { host });
    expectWellFormed(value, issues);
    all.push(...issues);
  }
  return all;
}

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

describe('lintCard on any JSON value', () => {
  it('reports not-an-object for lists and scalars, and never throws', () => {
    for (const value of [null, true, false, 0, -1, 1e308, '', 'MessageCard', [], [null], [[]], [1, 2]]) {
      const issues = lintEverywhere(value);
      expect(issues.map((i) => i.rule)).toContain('not-an-object');
      expect(issues.every((i) => i.rule === 'not-an-object')).toBe(true);
    }
  });

  it('survives every field holding every kind of value', () => {
    const odd: unknown[] = [null, true, 1.5, -0, '', ' ', 'x', [], [null], [1], {}, { a: 1 }, [[[]]]];
    const fields = [
      '@type',
      '@context',
      'summary',
      'text',
      'title',
      'themeColor',
      'sections',
      'potentialAction',
      'hideOriginalBody',
      'expectedActors',
    ];
    for (const field of fields) {
      for (const value of odd) {
        lintEverywhere({ summary: 'x', [field]: value });
        lintEverywhere({ summary: 'x', sections: [{ [field]: value, facts: [value], images: [value] }] });
        lintEverywhere({
          summary: 'x',
          potentialAction: [value, { '@type': 'ActionCard', name: 'a', inputs: [value], actions: [value] }],
        });
        lintEverywhere({
          summary: 'x',
          potentialAction: [
            { '@type': 'OpenUri', name: value, targets: value },
            { '@type': 'OpenUri', name: 'a', targets: [{ os: value, uri: value }] },
            { '@type': 'HttpPOST', name: 'a', target: value, headers: value, body: value, bodyContentType: value },
            { '@type': 'ViewAction', name: 'a', target: [value] },
            { '@type': value, name: 'a' },
            {
              '@type': 'ActionCard',
              name: 'a',
              inputs: [{ '@type': 'MultichoiceInput', id: value, choices: [{ value }], style: value, value }],
              actions: [{ '@type': 'HttpPOST', name: 'a', target: 'https://x', body: value }],
            },
          ],
        });
      }
    }
  });

  it('treats keys named like Object.prototype members as plain data', () => {
    const value = JSON.parse(
      '{"summary":"x","__proto__":{"a":1},"constructor":"c","toString":1,"hasOwnProperty":[],"sections":[{"__proto__":null,"valueOf":"v"}]}',
    );
    const issues = lintEverywhere(value);
    expect(issues.filter((i) => i.rule === 'unknown-field').length).toBeGreaterThanOrEqual(5);
  });

  it('survives nesting 100,000 levels deep, at the root and inside a card', () => {
    const deepList = nested(100_000, 0, (inner) => [inner]);
    const deepObject = nested(100_000, 0, (inner) => ({ a: inner }));
    expect(lintCard(deepList).map((i) => i.rule)).toEqual(['not-an-object']);
    for (const deep of [deepList, deepObject]) {
      const issues = lintCard({ summary: 'x', extra: deep, sections: [deep], potentialAction: [deep] });
      expect(issues.map((i) => i.rule)).toContain('unknown-field');
    }
  });

  it('stays fast on hostile strings (1 MB each)', () => {
    const mega = 1024 * 1024;
    const hostile = [
      '<p'.repeat(mega / 2),
      '['.repeat(mega),
      '[a]('.repeat(mega / 4),
      '{{'.repeat(mega / 2),
      '{{a'.repeat(mega / 3) + '.value}}',
      ' '.repeat(mega) + '#',
      '|---'.repeat(mega / 4),
      `http://${'a'.repeat(mega)}`,
      `https://localhost/${' '.repeat(mega)}`,
      '\u{1F6A8}'.repeat(mega / 2),
      '\uD800'.repeat(mega),
    ];
    const started = performance.now();
    for (const text of hostile) {
      const value = {
        summary: text,
        title: text,
        text,
        themeColor: text,
        [text.slice(0, 1000)]: text,
        sections: [{ title: text, text, activityImage: text, facts: [{ name: text, value: text }], markdown: false }],
        potentialAction: [
          { '@type': 'OpenUri', name: text, targets: [{ os: text, uri: text }] },
          {
            '@type': 'ActionCard',
            name: 'a',
            inputs: [{ '@type': 'MultichoiceInput', id: text, choices: [{ display: text, value: text }], value: text }],
            actions: [{ '@type': 'HttpPOST', name: 'a', target: text, body: text, bodyContentType: text }],
          },
        ],
      };
      lintEverywhere(value);
      // No summary: the fix suggests one from the title and activity titles.
      lintEverywhere({ title: text, sections: [{ activityTitle: text, title: text }] });
    }
    // Each string is scanned up to a bound, so 11 megabytes of text on three hosts stays quick.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('stays fast with 100,000 unknown keys and 65,534 wrongly cased ones', () => {
    const card: Record<string, unknown> = { summary: 'x' };
    for (let i = 0; i < 100_000; i++) card[`sumary${i}`] = i;
    const section: Record<string, unknown> = {};
    for (let i = 1; i < 65_536; i++) {
      section[[...'activitysubtitle'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join('')] = 'x';
    }
    const started = performance.now();
    const unknown = lintCard(card);
    const wrongCase = lintCard({ summary: 'x', sections: [section] });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(unknown.find((i) => i.rule === 'issues-truncated')?.message).toMatch(/99,900 more "unknown-field"/);
    expect(wrongCase.find((i) => i.rule === 'issues-truncated')?.message).toMatch(/65,434 more "field-wrong-case"/);
  });

  it('caps the issues of one rule and summarises the rest', () => {
    const value = { summary: 'x', sections: Array.from({ length: 1000 }, () => ({ title: null, text: 'x' })) };
    const issues = lintCard(value);
    const nulls = issues.filter((i) => i.rule === 'null-value');
    expect(nulls).toHaveLength(100);
    const summary = issues.find((i) => i.rule === 'issues-truncated');
    expect(summary?.severity).toBe('warning');
    expect(summary?.message).toMatch(/900 more "null-value" issues/);
    expect(lintCard(value, { maxIssuesPerRule: 5 }).filter((i) => i.rule === 'null-value')).toHaveLength(5);
  });

  it('gives the truncation summary the severity of the truncated rule', () => {
    const value = { summary: 'x', potentialAction: Array.from({ length: 300 }, () => ({ '@type': 'OpenUri' })) };
    const summaries = lintCard(value).filter((i) => i.rule === 'issues-truncated');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((s) => s.severity === 'error')).toBe(true);
  });
});

describe('lintCard on random mutations of real cards', () => {
  let corpus: CorpusEntry[] = [];
  beforeAll(async () => {
    corpus = (await loadCorpus(CORPUS)).entries.filter((e) => e.parseError === undefined);
  });

  const random = seededRandom(20_240_312);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const SCALARS: unknown[] = [
    null,
    true,
    false,
    0,
    42,
    -3.5,
    '',
    ' ',
    'x',
    'true',
    '#FFF',
    'http://x',
    '{{a.value}}',
    '<b>',
  ];

  function randomValue(depth: number): unknown {
    const roll = random();
    if (depth <= 0 || roll < 0.5) return pick(SCALARS);
    if (roll < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth - 1));
    const keys = ['@type', 'name', 'targets', 'sections', 'facts', 'value', 'id', 'inputs', 'actions', 'x', 'Text'];
    return Object.fromEntries(
      Array.from({ length: Math.floor(random() * 4) }, () => [pick(keys), randomValue(depth - 1)]),
    );
  }

  /** Replaces one random node of a copy of `value` by a random value. */
  function mutate(value: unknown): unknown {
    const root = structuredClone(value);
    const containers: Array<Record<string | number, unknown>> = [];
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === 'object' && node !== null) {
        containers.push(node as Record<string | number, unknown>);
        stack.push(...Object.values(node));
      }
    }
    const target = pick(containers);
    const keys = Object.keys(target);
    if (keys.length === 0 || random() < 0.2) target[Array.isArray(target) ? target.length : 'added'] = randomValue(3);
    else target[pick(keys)] = randomValue(3);
    return root;
  }

  it('never throws and only emits catalogued issues at existing paths (3,000 mutations)', () => {
    for (let round = 0; round < 3000; round++) {
      const base = pick(corpus).value;
      let value = mutate(base);
      if (random() < 0.5) value = mutate(value);
      const issues = lintCard(value, { host: pick(HOST_PROFILES) });
      expectWellFormed(value, issues);
    }
  });
});

describe('lintCard speed', () => {
  function bigCard(): Record<string, unknown> {
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: 'Nightly report',
      sections: Array.from({ length: 1000 }, (_, i) => ({
        activityTitle: `Job ${i}`,
        activitySubtitle: '2024-03-12',
        activityImage: 'https://example.com/avatar.png',
        text: `Job **${i}** finished with <b>warnings</b>`,
        facts: Array.from({ length: 10 }, (_, j) => ({ name: `Metric ${j}`, value: j % 2 ? `${i * j} ms` : i * j })),
        potentialAction: [
          { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] },
        ],
      })),
    };
  }

  it('lints a card with 1,000 sections and 10,000 facts well under 100 ms', () => {
    const card = bigCard();
    for (let i = 0; i < 3; i++) lintCard(card); // warm up the JIT
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const started = performance.now();
      lintCard(card);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[4] ?? Infinity;
    expect(median, `median of 9 runs: ${median.toFixed(1)} ms`).toBeLessThan(100);
  });
});
