import { describe, expect, it } from 'vitest';
import { formatWait, rateLimitWait, recordSend } from './rateLimit.ts';

describe('rateLimitWait', () => {
  it('lets four cards go in a second and holds the fifth until the first leaves the window', () => {
    const sent = [1000, 1100, 1200, 1300];
    expect(rateLimitWait(sent.slice(0, 3), 1300).waitMs).toBe(0);
    const wait = rateLimitWait(sent, 1400);
    expect(wait.waitMs).toBe(600);
    expect(wait.window?.label).toBe('4 cards a second');
    expect(rateLimitWait(sent, 2000).waitMs).toBe(0);
  });

  it('holds the 61st card in 30 seconds', () => {
    const sent = Array.from({ length: 60 }, (_, i) => i * 400); // 60 cards over 24 s, never 4 in a second
    const wait = rateLimitWait(sent, 24_000);
    expect(wait.window?.label).toBe('60 cards in 30 seconds');
    expect(wait.waitMs).toBe(6_000);
  });

  it('holds the 101st card in an hour, and names the longest binding window', () => {
    const sent = Array.from({ length: 100 }, (_, i) => i * 31_000);
    const now = 100 * 31_000;
    const wait = rateLimitWait(sent, now);
    expect(wait.window?.label).toBe('100 cards an hour');
    expect(wait.waitMs).toBe(3_600_000 - now);
  });

  it('ignores sends older than a day', () => {
    expect(recordSend([0, 10, 86_400_500], 86_400_100 + 1000)).toEqual([86_400_500, 86_401_100]);
  });
});

describe('formatWait', () => {
  it.each([
    [0, '0 s'],
    [400, '0.4 s'],
    [1_200, '2 s'],
    [65_000, '1 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});
