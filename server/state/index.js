/**
 * Chooses the state store from the environment: Redis when `REDIS_URL` is set, memory otherwise;
 * entries live `STATE_TTL_SECONDS` (a day by default).
 */
import { createMemoryStore } from './memory.js';
import { createRedisStore } from './redis.js';
import { ttlFromEnv } from './store.js';

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {import('./store.js').StateStore}
 */
export function createStateFromEnv(env = process.env) {
  const ttlMs = ttlFromEnv(env.STATE_TTL_SECONDS);
  const url = env.REDIS_URL?.trim();
  if (url) return createRedisStore({ url, ttlMs, prefix: env.REDIS_PREFIX || undefined });
  return createMemoryStore({ ttlMs });
}
