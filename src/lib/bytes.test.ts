import { describe, expect, it } from 'vitest';
import { formatBytes, utf8Length } from './bytes.ts';

describe('utf8Length', () => {
  it('counts 1 to 4 bytes per character', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('ß')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\uDC00')).toBe(3);
  });
});

describe('formatBytes', () => {
  it('writes bytes, KB and MB with at most one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(20 * 1024 + 512)).toBe('20.5 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(-1)).toBe('? B');
    expect(formatBytes(Number.NaN)).toBe('? B');
  });
});
