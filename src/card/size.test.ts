import { describe, expect, it } from 'vitest';
import { compactJsonBytes, minimumJsonBytes, TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from './size.ts';

describe('compactJsonBytes', () => {
  it('counts the UTF-8 bytes of the compact JSON', () => {
    expect(compactJsonBytes({ a: 1 })).toBe(7); // {"a":1}
    expect(compactJsonBytes('é')).toBe(4); // "é": 2 quotes + 2 bytes
    expect(compactJsonBytes('日本')).toBe(8); // 2 quotes + 2 × 3 bytes
    expect(compactJsonBytes('🚨')).toBe(6); // 2 quotes + 4 bytes (a surrogate pair)
    expect(compactJsonBytes({ text: 'a\nb' })).toBe(JSON.stringify({ text: 'a\nb' }).length);
  });

  it('ignores the indentation of the text the card came from', () => {
    const card = { summary: 'x', sections: [{ text: 'y' }] };
    expect(compactJsonBytes(JSON.parse(JSON.stringify(card, null, 2)))).toBe(JSON.stringify(card).length);
  });

  it('counts a lone surrogate as JSON.stringify escapes it', () => {
    expect(compactJsonBytes('\uD800')).toBe(JSON.stringify('\uD800').length); // "\ud800"
  });

  it('gives 0 for what JSON.stringify drops', () => {
    expect(compactJsonBytes(undefined)).toBe(0);
    expect(compactJsonBytes(() => 1)).toBe(0);
  });

  it('does not throw on values JSON.stringify cannot handle', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(compactJsonBytes(deep)).toBe(200_000 * 2 + 1);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(compactJsonBytes(cyclic)).toBeGreaterThan(0);
    expect(compactJsonBytes({ big: 10n })).toBeGreaterThan(0);
  });
});

describe('minimumJsonBytes', () => {
  it('never exceeds the exact size', () => {
    for (const value of [{ a: 'é', b: [1, true, null] }, '\uD800\uD800', ['日本', { '🚨': '' }], 12345]) {
      expect(minimumJsonBytes(value)).toBeLessThanOrEqual(compactJsonBytes(value));
    }
  });

  it('stops early once the bound passes stopAt', () => {
    const big = Array.from({ length: 1000 }, () => 'x'.repeat(1000));
    const bound = minimumJsonBytes(big, 10_000);
    expect(bound).toBeGreaterThan(10_000);
    expect(bound).toBeLessThan(20_000);
  });
});

describe('the Teams limits', () => {
  it('warn above 20 KB and fail above 28 KB', () => {
    expect(TEAMS_SIZE_WARNING_BYTES).toBe(20_480);
    expect(TEAMS_SIZE_LIMIT_BYTES).toBe(28_672);
  });
});
