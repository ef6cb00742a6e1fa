/**
 * The in-memory state store (the default): everything lives in this process and is lost when it
 * stops. Entries are kept as JSON text, so what a caller reads is a copy, as from Redis.
 */
import { DEFAULT_TTL_MS, LIST_BOUNDS, waitFor } from './store.js';

/** Rate keys kept at once (the least recently hit goes first), so many clients cannot grow memory without bound. */
export const MAX_RATE_KEYS = 10_000;

/**
 * @param {{ now?: () => number, ttlMs?: number, bounds?: import('./store.js').ListBounds, maxRateKeys?: number }} [options]
 * @returns {import('./store.js').StateStore}
 */
export function createMemoryStore(options = {}) {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const { keep, maxNames } = options.bounds ?? LIST_BOUNDS;
  const maxRateKeys = options.maxRateKeys ?? MAX_RATE_KEYS;
  /** @type {Map<string, Map<string, { last: number, entries: { at: number, json: string }[] }>>} */
  const spaces = new Map();
  /** @type {Map<string, { longest: number, times: number[] }>} hit times, ascending; least recently hit first */
  const rates = new Map();
  let sweptAt = 0;

  /** Forgets the keys whose every hit has left its windows, at most once a minute. @param {number} t */
  function sweep(t) {
    if (t - sweptAt < 60_000 && t >= sweptAt) return;
    sweptAt = t;
    for (const [key, { longest, times }] of rates) {
      if ((times.at(-1) ?? -Infinity) <= t - longest) rates.delete(key);
    }
  }

  /** @param {string} space */
  function lists(space) {
    let names = spaces.get(space);
    if (!names) spaces.set(space, (names = new Map()));
    const cutoff = now() - ttlMs;
    for (const [name, list] of names) if (list.last < cutoff) names.delete(name);
    return names;
  }

  /** @param {{ at: number, json: string }[]} entries */
  function read(entries) {
    const cutoff = now() - ttlMs;
    return entries
      .filter((entry) => entry.at >= cutoff)
      .map((entry) => /** @type {unknown} */ (JSON.parse(entry.json)));
  }

  return {
    kind: 'memory',

    async push(space, name, entry) {
      const names = lists(space);
      const at = entry.receivedAt;
      if (!names.has(name) && names.size >= maxNames) {
        // Drop the name pushed to least recently.
        let oldest = '';
        let oldestAt = Infinity;
        for (const [key, list] of names) if (list.last < oldestAt) [oldest, oldestAt] = [key, list.last];
        names.delete(oldest);
      }
      const list = names.get(name) ?? { last: at, entries: [] };
      list.last = at;
      list.entries.unshift({ at, json: JSON.stringify(entry) });
      if (list.entries.length > keep) list.entries.length = keep;
      names.set(name, list);
    },

    async list(space, name) {
      return read(lists(space).get(name)?.entries ?? []);
    },

    async lists(space) {
      return [...lists(space)].map(([name, list]) => ({ name, entries: read(list.entries) }));
    },

    async clear(space, name) {
      if (name === undefined) spaces.delete(space);
      else spaces.get(space)?.delete(name);
    },

    async hit(key, windows) {
      const t = now();
      sweep(t);
      const longest = Math.max(...windows.map((w) => w.ms));
      const record = rates.get(key) ?? { longest, times: [] };
      rates.delete(key); // re-inserted below, as the most recently hit
      record.times = record.times.filter((at) => at > t - longest);
      const wait = waitFor(record.times, windows, t);
      if (wait === 0) record.times.push(t);
      if (record.times.length > 0) rates.set(key, record);
      while (rates.size > maxRateKeys) rates.delete(/** @type {string} */ (rates.keys().next().value));
      return wait;
    },

    async ping() {
      return true;
    },

    async close() {},
  };
}
