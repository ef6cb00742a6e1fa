import { describe, expect, it } from 'vitest';
import { analyze, JSON_SYNTAX_RULE } from './analyze.ts';

// The shared corpus and its contract, read from their folder at test time (see parse.test.ts).
const corpus = import.meta.glob<string>('../../fixtures/corpus/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const sources = import.meta.glob<string>('../../fixtures/corpus/SOURCES.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const card = (prefix: string) => Object.entries(corpus).find(([path]) => path.includes(`/${prefix}-`))![1];

/** The label of each corpus file, from the table in SOURCES.md: valid, sloppy or invalid. */
const labels = new Map<string, string>();
for (const line of Object.values(sources)[0]!.split('\n')) {
  const match = /^\| `([^`]+\.json)` \|.*?\*\*(valid|sloppy|invalid)\*\*/.exec(line);
  if (match) labels.set(match[1]!, match[2]!);
}

describe('analyze', () => {
  it('reports a syntax error as one json-syntax error at the parser position, and runs no rules', () => {
    const text = card('047');
    const analysis = analyze(text);
    expect(analysis.issues).toHaveLength(1);
    const [issue] = analysis.issues;
    expect(issue).toMatchObject({ rule: JSON_SYNTAX_RULE, severity: 'error', path: [] });
    expect(text[issue!.range.offset]).toBe(',');
    expect(analysis.parsed.errors[0]).toMatchObject({ line: issue!.line, column: issue!.column });
    expect(analysis.counts).toEqual({ error: 1, warning: 0, hint: 0 });
    expect(analysis.sizeBytes).toBeUndefined();
    // The best-effort card is still there for the preview.
    expect(analysis.card?.['@type']).toBe('MessageCard');
  });

  it('says the card is empty for empty text', () => {
    expect(analyze('').issues).toMatchObject([{ rule: JSON_SYNTAX_RULE, message: 'The card is empty', line: 1 }]);
  });

  it('points a missing summary at the opening brace of the card', () => {
    const text = card('057');
    const issue = analyze(text).issues.find((i) => i.rule === 'summary-or-text-required');
    expect(issue).toBeDefined();
    expect(issue!.range).toEqual({ offset: text.indexOf('{'), length: 1 });
    expect(issue).toMatchObject({ line: 1, column: 1 });
  });

  it('points a miscased field name at the name itself', () => {
    const text = card('053');
    const issue = analyze(text).issues.find((i) => i.rule === 'field-wrong-case');
    expect(issue).toBeDefined();
    expect(text.slice(issue!.range.offset, issue!.range.offset + issue!.range.length)).toBe('"Sections"');
  });

  it('marks only the opening bracket of an element written over several lines', () => {
    const text = card('005');
    const issue = analyze(text).issues.find((i) => i.rule === 'openuri-targets-required');
    expect(issue).toBeDefined();
    expect(issue!.range.length).toBe(1);
    expect(text[issue!.range.offset]).toBe('{');
  });

  it('marks a one-line value whole', () => {
    const text = '{\n  "summary": "s",\n  "themeColor": "not a colour"\n}';
    const issue = analyze(text).issues.find((i) => i.path.join() === 'themeColor');
    expect(issue).toBeDefined();
    expect(text.slice(issue!.range.offset, issue!.range.offset + issue!.range.length)).toBe('"not a colour"');
  });

  it('lists issues in text order and counts them by severity', () => {
    for (const text of Object.values(corpus)) {
      const { issues, counts } = analyze(text);
      const offsets = issues.map((i) => i.range.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(counts.error + counts.warning + counts.hint).toBe(issues.length);
      expect(counts.error).toBe(issues.filter((i) => i.severity === 'error').length);
    }
  });

  it('places every issue inside the text, with a line and column that match its offset', () => {
    for (const text of Object.values(corpus)) {
      for (const issue of analyze(text).issues) {
        expect(issue.range.offset + issue.range.length).toBeLessThanOrEqual(text.length);
        const before = text.slice(0, issue.range.offset).split(/\r\n|\r|\n/);
        expect([issue.line, issue.column]).toEqual([before.length, before[before.length - 1]!.length + 1]);
      }
    }
  });

  it('gives the card only when the text is a JSON object', () => {
    expect(analyze('{"summary": "s"}').card).toEqual({ summary: 's' });
    expect(analyze('[1]').card).toBeUndefined();
    expect(analyze('[1]').counts.error).toBeGreaterThan(0);
  });

  it('measures the UTF-8 bytes of the compact JSON', () => {
    const text = card('059');
    const expected = new TextEncoder().encode(JSON.stringify(JSON.parse(text))).length;
    expect(analyze(text).sizeBytes).toBe(expected);
  });

  it('checks for the host it is asked about, and remembers each answer', () => {
    const text = card('007');
    const teams = analyze(text);
    const workflows = analyze(text, { host: 'workflows' });
    expect(analyze(text)).toBe(teams);
    expect(analyze(text, { host: 'teams' })).toBe(teams);
    expect(workflows).not.toBe(teams);
    expect(workflows.issues.some((i) => i.rule.startsWith('workflows-'))).toBe(true);
    expect(teams.issues.some((i) => i.rule.startsWith('workflows-'))).toBe(false);
  });
});

describe('the corpus contract (fixtures/corpus/SOURCES.md)', () => {
  it('labels all 34 corpus files', () => {
    expect(labels.size).toBe(34);
  });

  for (const [path, text] of Object.entries(corpus)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const label = labels.get(name);
    const expectation =
      label === 'invalid' ? 'at least one error' : label === 'sloppy' ? 'no error and a warning' : 'no error';
    it(`${name} (${label}) gives ${expectation}`, () => {
      const { counts, issues } = analyze(text);
      const summary = issues.map((i) => `${i.severity} ${i.rule}: ${i.message}`);
      if (label === 'invalid') expect(counts.error, summary.join('\n')).toBeGreaterThan(0);
      else expect(counts.error, summary.join('\n')).toBe(0);
      if (label === 'sloppy') expect(counts.warning, summary.join('\n')).toBeGreaterThan(0);
    });
  }
});
