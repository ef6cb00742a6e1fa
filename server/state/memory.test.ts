import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory.js';
import { ttlFromEnv, waitFor } from './store.js';

describe('the memory state store', () => {
  it('keeps lists newest first, within the bounds, as copies', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now, bounds: { keep: 3, maxNames: 2 } });
    for (let i = 0; i < 5; i++) await store.push('inbox', 'a', { receivedAt: ++now, i } as never);
    expect((await store.list('inbox', 'a')).map((e) => (e as { i: number }).i)).toEqual([4, 3, 2]);
    const first = (await store.list('inbox', 'a'))[0] as { i: number };
    first.i = 99;
    expect(((await store.list('inbox', 'a'))[0] as { i: number }).i).toBe(4);
    await store.push('inbox', 'b', { receivedAt: ++now });
    await store.push('inbox', 'c', { receivedAt: ++now });
    // "a" was pushed to least recently, so the third name pushed it out.
    expect((await store.lists('inbox')).map((l) => l.name)).toEqual(['b', 'c']);
    expect(await store.lists('workflows')).toEqual([]);
  });

  it('forgets entries older than the TTL', async () => {
    let now = 1_000;
    const store = createMemoryStore({ now: () => now, ttlMs: 100 });
    await store.push('inbox', 'old', { receivedAt: now });
    now += 50;
    await store.push('inbox', 'old', { receivedAt: now });
    expect(await store.list('inbox', 'old')).toHaveLength(2);
    now += 60;
    expect(await store.list('inbox', 'old')).toHaveLength(1);
    now += 60;
    expect(await store.lists('inbox')).toEqual([]);
  });

  it('records a hit only while every window has room, and says how long until one has', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    const windows = [
      { ms: 1_000, max: 2 },
      { ms: 10_000, max: 3 },
    ];
    expect(await store.hit('k', windows)).toBe(0);
    now = 100;
    expect(await store.hit('k', windows)).toBe(0);
    now = 200;
    expect(await store.hit('k', windows)).toBe(800); // the hit at 0 leaves the second at 1000
    now = 1_000;
    expect(await store.hit('k', windows)).toBe(0);
    now = 1_200;
    expect(await store.hit('k', windows)).toBe(8_800); // three in ten seconds: the hit at 0 leaves at 10000
    expect(await store.hit('other', windows)).toBe(0);
  });

  it('keeps a bounded number of rate keys', async () => {
    const store = createMemoryStore({ maxRateKeys: 2 });
    const one = [{ ms: 60_000, max: 1 }];
    await store.hit('a', one);
    await store.hit('b', one);
    await store.hit('c', one);
    // "a" was forgotten, so it has room again; "c" has not.
    expect(await store.hit('a', one)).toBe(0);
    expect(await store.hit('c', one)).toBeGreaterThan(0);
  });
});

describe('store helpers', () => {
  it('reads STATE_TTL_SECONDS', () => {
    expect(ttlFromEnv(undefined)).toBe(86_400_000);
    expect(ttlFromEnv('60')).toBe(60_000);
    expect(() => ttlFromEnv('-1')).toThrow(/STATE_TTL_SECONDS/);
  });

  it('waitFor is 0 with room', () => {
    expect(waitFor([], [{ ms: 10, max: 1 }], 5)).toBe(0);
    expect(waitFor([1], [{ ms: 10, max: 1 }], 5)).toBe(6);
  });
});
