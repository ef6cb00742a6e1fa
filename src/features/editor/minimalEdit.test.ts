import { describe, expect, it } from 'vitest';
import { minimalEdit } from './minimalEdit.ts';

function apply(text: string, span: ReturnType<typeof minimalEdit>): string {
  if (!span) return text;
  return text.slice(0, span.offset) + span.content + text.slice(span.offset + span.length);
}

describe('minimalEdit', () => {
  it('returns nothing for equal texts', () => {
    expect(minimalEdit('abc', 'abc')).toBeUndefined();
  });

  it('replaces only the differing middle of the text', () => {
    expect(minimalEdit('{"title": "Old"}', '{"title": "New"}')).toEqual({ offset: 11, length: 3, content: 'New' });
  });

  it('describes pure insertions and deletions', () => {
    expect(minimalEdit('ac', 'abc')).toEqual({ offset: 1, length: 0, content: 'b' });
    expect(minimalEdit('abc', 'ac')).toEqual({ offset: 1, length: 1, content: '' });
  });

  it('never splits an emoji', () => {
    const before = 'x😀y';
    const after = 'x😃y';
    const span = minimalEdit(before, after)!;
    expect(span.content).toBe('😃');
    expect(apply(before, span)).toBe(after);
  });

  it('always produces the target text', () => {
    const pairs: [string, string][] = [
      ['', 'abc'],
      ['abc', ''],
      ['aaaa', 'aa'],
      ['abab', 'ab'],
      ['{\n  "a": 1\n}', '{\n  "a": 1,\n  "b": 2\n}'],
    ];
    for (const [before, after] of pairs) expect(apply(before, minimalEdit(before, after))).toBe(after);
  });
});
