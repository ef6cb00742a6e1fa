/**
 * The server's state behind one interface: the local webhooks' lists (connector inboxes, Workflows
 * runs) and rate windows (Teams' throttle of a local inbox, the per-client limit). `memory.js` keeps it
 * in this process (the default); `redis.js` keeps it in Redis when `REDIS_URL` is set, so several
 * instances behind a load balancer share it. Both keep the same bounds and expire entries the same way.
 *
 * @typedef {{ ms: number, max: number }} Window
 *   A sliding window: at most `max` hits within any `ms` milliseconds.
 * @typedef {{ keep: number, maxNames: number }} ListBounds
 *   Entries kept per name (newest first) and names kept per space (the least recently pushed goes).
 * @typedef {{
 *   kind: 'memory' | 'redis',
 *   push(space: string, name: string, entry: { receivedAt: number }): Promise<void>,
 *   list(space: string, name: string): Promise<unknown[]>,
 *   lists(space: string): Promise<{ name: string, entries: unknown[] }[]>,
 *   clear(space: string, name?: string): Promise<void>,
 *   hit(key: string, windows: Window[]): Promise<number>,
 *   ping(): Promise<boolean>,
 *   close(): Promise<void>,
 * }} StateStore
 *   `push` adds an entry (JSON-serialisable, with the time it arrived) at the head of a name's list;
 *   `list` gives one name's unexpired entries, newest first; `lists` every name's.
 *   `hit` records a hit on `key` unless a window is full; it resolves to 0 when recorded, otherwise to
 *   the milliseconds until a place frees up (nothing is recorded then).
 */

/** How long entries live unless `STATE_TTL_SECONDS` says otherwise: a day. */
export const DEFAULT_TTL_MS = 86_400_000;

/** The bounds of every local webhook list: 100 entries per name, 50 names. */
export const LIST_BOUNDS = { keep: 100, maxNames: 50 };

/** A failure of the state store itself (Redis unreachable), answered 503 rather than 500. */
export class StateUnavailable extends Error {}

/**
 * Reads `STATE_TTL_SECONDS` (a positive number of seconds).
 * @param {string | undefined} value
 * @returns {number} milliseconds
 */
export function ttlFromEnv(value) {
  if (value === undefined || value.trim() === '') return DEFAULT_TTL_MS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error('STATE_TTL_SECONDS must be a positive number of seconds.');
  }
  return Math.round(seconds * 1000);
}

/**
 * For a sorted list of hit times, the milliseconds until every window has room at `now` (0: room now).
 * Shared by the memory store and, in Lua, by the Redis one.
 * @param {number[]} times ascending
 * @param {Window[]} windows
 * @param {number} now
 */
export function waitFor(times, windows, now) {
  let wait = 0;
  for (const { ms, max } of windows) {
    const inside = times.filter((at) => at > now - ms);
    if (inside.length >= max) {
      // The hit whose leaving makes room: the (count - max + 1)-th oldest inside the window.
      const freeing = /** @type {number} */ (inside[inside.length - max]);
      wait = Math.max(wait, freeing + ms - now);
    }
  }
  return wait;
}
