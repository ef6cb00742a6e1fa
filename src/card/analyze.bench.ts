import { bench, describe } from 'vitest';
import { analyze } from './analyze.ts';
import { WELCOME_CARD_TEXT } from './samples.ts';

const corpus = Object.values(
  import.meta.glob<string>('../../fixtures/corpus/*.json', { query: '?raw', import: 'default', eager: true }),
);

function card(sections: number, facts: number): string {
  return JSON.stringify(
    {
      '@type': 'MessageCard',
      summary: 'Benchmark',
      sections: Array.from({ length: sections }, (_, s) => ({
        activityTitle: `Section ${s}`,
        facts: Array.from({ length: facts }, (_, f) => ({ name: `Fact ${f}`, value: `Value ${s}.${f}` })),
      })),
    },
    null,
    2,
  );
}

// Each text gets a unique suffix so analyze's memo never answers; this measures real work per keystroke.
let n = 0;
const fresh = (text: string) => `${text}${' '.repeat(n++ % 64)}`;

describe('analyze (what each keystroke costs)', () => {
  bench('the sample card (2.5 KB)', () => void analyze(fresh(WELCOME_CARD_TEXT)));
  bench('every corpus card once', () => {
    for (const text of corpus) analyze(fresh(text));
  });
  const nearLimit = card(10, 25);
  bench(`near the limit: 10 sections x 25 facts (${(nearLimit.length / 1024).toFixed(0)} KB)`, () => {
    analyze(fresh(nearLimit));
  });
  const thousand = card(1000, 1);
  bench(`1,000 sections (${(thousand.length / 1024).toFixed(0)} KB)`, () => void analyze(fresh(thousand)));
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  bench('10,000 nested arrays', () => void analyze(fresh(deep)));
});
