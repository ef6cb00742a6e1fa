/**
 * The Redis state store, used when `REDIS_URL` is set: several instances of the server share the local
 * webhooks' lists and the rate windows. Each change is one Lua script, so concurrent instances never
 * see a half-made change; keys expire (PEXPIRE) after the TTL, and entries older than it are skipped
 * on reading. Times are the instances' own clocks (keep them in sync, as any cluster needs).
 *
 * Keys, under the prefix (`mcd:` by default):
 *   SPACE:names        sorted set of the names, scored by the time of their last entry
 *   SPACE:list:NAME    list of entries (JSON), newest first
 *   rate:KEY           sorted set of hit times
 */
import { Redis } from 'ioredis';
import { DEFAULT_TTL_MS, LIST_BOUNDS, StateUnavailable } from './store.js';

const PUSH = `
local cutoff = tonumber(ARGV[3]) - tonumber(ARGV[6])
local prefix = ARGV[7]
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. cutoff)
for _, name in ipairs(stale) do redis.call('DEL', prefix .. name) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. cutoff)
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
redis.call('PEXPIRE', KEYS[2], ARGV[6])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
if extra > 0 then
  local gone = redis.call('ZPOPMIN', KEYS[1], extra)
  for i = 1, #gone, 2 do redis.call('DEL', prefix .. gone[i]) end
end
return 1
`;

const HIT = `
local now = tonumber(ARGV[1])
local longest = 0
for i = 3, #ARGV, 2 do
  local ms = tonumber(ARGV[i])
  if ms > longest then longest = ms end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
for i = 3, #ARGV, 2 do
  local ms = tonumber(ARGV[i])
  local max = tonumber(ARGV[i + 1])
  local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - ms), '+inf')
  if count >= max then
    local freeing = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - ms), '+inf', 'WITHSCORES', 'LIMIT', count - max, 1)
    local until_free = tonumber(freeing[2]) + ms - now
    if until_free > wait then wait = until_free end
  end
end
if wait > 0 then return wait end
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], longest)
return 0
`;

/**
 * @typedef {Redis & {
 *   mcdPush(...args: (string | number)[]): Promise<number>,
 *   mcdHit(...args: (string | number)[]): Promise<number>,
 * }} ScriptedRedis
 */

/**
 * The address of a Redis URL without its password, for messages.
 * @param {string} url
 */
export function redisLabel(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'redis (unreadable REDIS_URL)';
  }
}

/**
 * @param {{
 *   url: string,
 *   now?: () => number,
 *   ttlMs?: number,
 *   prefix?: string,
 *   bounds?: import('./store.js').ListBounds,
 *   warn?: (line: string) => void,
 * }} options
 * @returns {import('./store.js').StateStore}
 */
export function createRedisStore(options) {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const prefix = options.prefix ?? 'mcd:';
  const { keep, maxNames } = options.bounds ?? LIST_BOUNDS;
  const warn = options.warn ?? ((line) => console.warn(line));
  const label = redisLabel(options.url);
  const redis = /** @type {ScriptedRedis} */ (
    new Redis(options.url, {
      // Fail a command fast while Redis is away (the request gets a 503), and keep reconnecting.
      maxRetriesPerRequest: 1,
      commandTimeout: 2_000,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    })
  );
  redis.defineCommand('mcdPush', { numberOfKeys: 2, lua: PUSH });
  redis.defineCommand('mcdHit', { numberOfKeys: 1, lua: HIT });
  let down = false;
  // The URL can hold a password: only its host is ever printed.
  redis.on('error', (/** @type {{ code?: string }} */ error) => {
    if (!down) warn(`state: Redis at ${label} is not reachable (${error.code ?? 'error'}); retrying.`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) warn(`state: Redis at ${label} is reachable again.`);
    down = false;
  });
  let seq = 0;

  /**
   * Runs a Redis call, turning its failure into {@link StateUnavailable}.
   * @template T
   * @param {() => Promise<T>} call
   * @returns {Promise<T>}
   */
  async function guarded(call) {
    try {
      return await call();
    } catch (error) {
      const code = /** @type {{ code?: unknown }} */ (error).code;
      throw new StateUnavailable(
        `The shared state (Redis) is not reachable${typeof code === 'string' ? ` (${code})` : ''}.`,
        { cause: error },
      );
    }
  }

  const namesKey = (/** @type {string} */ space) => `${prefix}${space}:names`;
  const listPrefix = (/** @type {string} */ space) => `${prefix}${space}:list:`;

  /** @param {string[]} raw */
  function read(raw) {
    const cutoff = now() - ttlMs;
    return raw
      .map((text) => /** @type {{ receivedAt?: number }} */ (JSON.parse(text)))
      .filter((entry) => (entry.receivedAt ?? 0) >= cutoff);
  }

  /** @param {string} space */
  function liveNames(space) {
    return redis.zrangebyscore(namesKey(space), now() - ttlMs, '+inf');
  }

  return {
    kind: 'redis',

    push(space, name, entry) {
      return guarded(() =>
        redis.mcdPush(
          namesKey(space),
          listPrefix(space) + name,
          name,
          JSON.stringify(entry),
          entry.receivedAt,
          keep,
          maxNames,
          ttlMs,
          listPrefix(space),
        ),
      ).then(() => undefined);
    },

    list(space, name) {
      return guarded(async () => read(await redis.lrange(listPrefix(space) + name, 0, -1)));
    },

    lists(space) {
      return guarded(async () => {
        const names = await liveNames(space);
        if (names.length === 0) return [];
        const pipeline = redis.pipeline();
        for (const name of names) pipeline.lrange(listPrefix(space) + name, 0, -1);
        const results = (await pipeline.exec()) ?? [];
        return names.map((name, index) => {
          const [error, raw] = results[index] ?? [null, []];
          if (error) throw error;
          return { name, entries: read(/** @type {string[]} */ (raw)) };
        });
      });
    },

    clear(space, name) {
      return guarded(async () => {
        if (name !== undefined) {
          await redis
            .multi()
            .del(listPrefix(space) + name)
            .zrem(namesKey(space), name)
            .exec();
          return;
        }
        const names = await redis.zrange(namesKey(space), '0', '-1');
        await redis.del(namesKey(space), ...names.map((n) => listPrefix(space) + n));
      });
    },

    hit(key, windows) {
      const t = now();
      // A unique member per hit: two hits of the same millisecond are two hits.
      const member = `${t}-${process.pid}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      return guarded(() => redis.mcdHit(`${prefix}rate:${key}`, t, member, ...windows.flatMap((w) => [w.ms, w.max])));
    },

    async ping() {
      try {
        const answer = await Promise.race([
          redis.ping(),
          new Promise((resolve) => setTimeout(() => resolve('timeout'), 1_000).unref()),
        ]);
        return answer === 'PONG';
      } catch {
        return false;
      }
    },

    async close() {
      try {
        await Promise.race([redis.quit(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      } catch {
        // already closed
      }
      redis.disconnect();
    },
  };
}
