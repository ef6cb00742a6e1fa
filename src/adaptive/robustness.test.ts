/**
 * The converter takes whatever a user pastes: every field holding every kind of value, and texts far
 * larger than Teams accepts, convert without throwing and in bounded time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertToAdaptiveCard } from './convert.ts';

const welcome = JSON.parse(
  readFileSync(fileURLToPath(new URL('../card/samples/welcome.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;

const ODD_VALUES: unknown[] = [
  null,
  true,
  'false',
  0,
  -1,
  1e308,
  '',
  ' ',
  '<b>x',
  '**',
  '[a](javascript:alert(1))',
  [],
  [null],
  {},
  { '@type': 'HttpPOST' },
  '# x\n> y\n```\nz',
];

/** Every path to a value inside the card. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return [prefix];
}

function withValue(card: unknown, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(card) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Links and images that lead somewhere other than http(s) (or a data: image). Markdown is read only in
 * text blocks and facts; button titles and fallbackText are plain text and may say anything.
 */
function unsafe(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => unsafe(v, found));
  else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if (typeof node.url === 'string' && !/^(https?:\/\/|data:image\/)/.test(node.url)) found.push(`url ${node.url}`);
    const markdown: unknown[] = node.type === 'TextBlock' ? [node.text] : [];
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts as Record<string, unknown>[]) markdown.push(fact.title, fact.value);
    }
    for (const text of markdown)
      if (typeof text === 'string' && /\]\(\s*javascript:/i.test(text)) found.push(`text ${text}`);
    Object.values(node).forEach((v) => unsafe(v, found));
  }
  return found;
}

describe('converting any value', () => {
  it('survives every field of the sample card holding every kind of value', () => {
    let converted = 0;
    for (const path of paths(welcome).filter((p) => p.length > 0)) {
      for (const value of ODD_VALUES) {
        const { card } = convertToAdaptiveCard(withValue(welcome, path, value));
        expect(card.body.length, JSON.stringify(path)).toBeGreaterThan(0);
        for (const problem of unsafe(card)) expect.fail(`${JSON.stringify(path)}: ${problem}`);
        converted++;
      }
    }
    expect(converted).toBeGreaterThan(1000);
  });

  it('converts hostile texts of Teams-like size in bounded time, and passes longer ones on unconverted', () => {
    const started = performance.now();
    convertToAdaptiveCard({ text: '**bold** _it_ [l](https://e.com) ~~s~~ # h\n\n> q\n\n'.repeat(500) });
    convertToAdaptiveCard({
      sections: [{ markdown: false, text: '<b><i>'.repeat(5_000) + 'x' + '</i></b>'.repeat(5_000) }],
    });
    convertToAdaptiveCard({ sections: [{ markdown: false, text: '<!--'.repeat(10_000) + '<p'.repeat(10_000) }] });
    convertToAdaptiveCard({ text: '<b>'.repeat(20_000) + 'x' });
    // Generous: the machine running the tests may be busy; the same work takes a fraction of this alone.
    expect(performance.now() - started).toBeLessThan(5000);

    const huge = convertToAdaptiveCard({ text: '> q\n\n'.repeat(100_000) });
    expect(huge.card.body[0]).toMatchObject({ type: 'TextBlock', text: '> q\n\n'.repeat(100_000) });
    expect(huge.notes.map((n) => n.topic)).toContain('text-too-long');
  });
});
