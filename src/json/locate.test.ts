import { describe, expect, it } from 'vitest';
import { lineColumnAt, nearestRange, nodeAtPath, offsetAt, rangeOfPath, valuePathAtOffset } from './locate.ts';
import { parseText } from './parse.ts';
import { at, card, parsed } from './testkit.ts';

function slice(range: { offset: number; length: number } | undefined): string | undefined {
  return range && card.slice(range.offset, range.offset + range.length);
}

describe('rangeOfPath', () => {
  it('covers exactly the value at a path', () => {
    expect(slice(rangeOfPath(parsed, ['summary']))).toBe('"Build"');
    expect(slice(rangeOfPath(parsed, ['sections', 1, 'facts', 2, 'name']))).toBe('"C"');
    expect(slice(rangeOfPath(parsed, ['sections', 0]))).toBe('{ "title": "First" }');
  });

  it('covers the key or the whole property on request', () => {
    expect(slice(rangeOfPath(parsed, ['summary'], 'key'))).toBe('"summary"');
    expect(slice(rangeOfPath(parsed, ['summary'], 'property'))).toBe('"summary": "Build"');
  });

  it('falls back to the value for array elements and the root', () => {
    expect(slice(rangeOfPath(parsed, ['sections', 0], 'key'))).toBe('{ "title": "First" }');
    expect(rangeOfPath(parsed, [], 'key')).toEqual({ offset: 0, length: card.length });
  });

  it('is undefined for a path that does not exist', () => {
    expect(rangeOfPath(parsed, ['text'])).toBeUndefined();
    expect(rangeOfPath(parsed, ['sections', 5])).toBeUndefined();
    expect(rangeOfPath(parsed, ['summary', 0])).toBeUndefined();
    expect(rangeOfPath(parsed, ['sections', 'x'])).toBeUndefined();
  });

  it('picks the last of duplicate keys, the one JSON.parse keeps', () => {
    const dup = parseText('{"a": 1, "a": 2}');
    expect(rangeOfPath(dup, ['a'])).toEqual({ offset: 14, length: 1 });
  });

  it('does not follow inherited names such as constructor', () => {
    expect(nodeAtPath(parsed.root, ['constructor'])).toBeUndefined();
  });
});

describe('nearestRange', () => {
  it('points a missing card property at the card opening brace', () => {
    expect(nearestRange(parsed, ['text'])).toEqual({ offset: 0, length: 1 });
  });

  it('points a missing child at the bracket of its deepest existing ancestor', () => {
    expect(nearestRange(parsed, ['sections', 0, 'facts', 0, 'name'])).toEqual({ offset: at('{ "title"'), length: 1 });
    expect(nearestRange(parsed, ['sections', 9])).toEqual({ offset: at('['), length: 1 });
  });

  it('covers a scalar ancestor whole when the path goes through it', () => {
    expect(slice(nearestRange(parsed, ['summary', 'x']))).toBe('"Build"');
  });

  it('gives the exact range when the path exists', () => {
    expect(slice(nearestRange(parsed, ['@type'], 'key'))).toBe('"@type"');
  });

  it('gives an empty range at the start when there is no tree', () => {
    expect(nearestRange(parseText(''), ['summary'])).toEqual({ offset: 0, length: 0 });
  });
});

describe('valuePathAtOffset', () => {
  it('gives the exact property under the cursor', () => {
    expect(valuePathAtOffset(parsed, at('"C"') + 1)).toEqual(['sections', 1, 'facts', 2, 'name']);
    expect(valuePathAtOffset(parsed, at('"summary"') + 2)).toEqual(['summary']);
  });

  it('gives the array between its elements', () => {
    expect(valuePathAtOffset(parsed, at('"facts": [') + 10)).toEqual(['sections', 1, 'facts']);
  });
});

describe('lineColumnAt and offsetAt', () => {
  it('convert both ways with 1-based lines and columns', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt(text, 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumnAt(text, 10)).toEqual({ line: 4, column: 1 });
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      expect(offsetAt(text, lineColumnAt(text, offset))).toBe(offset);
    }
  });

  it('clamp positions outside the text', () => {
    const text = 'ab\r\ncd';
    expect(lineColumnAt(text, -5)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 99)).toEqual({ line: 2, column: 3 });
    expect(offsetAt(text, { line: 1, column: 99 })).toBe(2);
    expect(offsetAt(text, { line: 9, column: 1 })).toBe(4);
    expect(offsetAt(text, { line: 0, column: 0 })).toBe(0);
  });

  it('stay fast on 5 MB of text with many calls', () => {
    const text = '{"a": "0123456789012345678901234567890123456789"},\n'.repeat(100_000);
    const started = performance.now();
    let mismatches = 0;
    for (let i = 0; i < 100_000; i++) {
      const offset = (i * 7919) % text.length;
      if (offsetAt(text, lineColumnAt(text, offset)) !== offset) mismatches++;
    }
    const elapsed = performance.now() - started;
    expect(mismatches).toBe(0);
    expect(elapsed).toBeLessThan(500);
  });
});
