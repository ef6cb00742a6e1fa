/**
 * The local inbox: a webhook on the designer's own server that answers the way a Teams incoming
 * webhook does (reference/messagecard.md section 7), so Send works before any Teams channel exists,
 * and that keeps what arrived so the app can draw it.
 */
import { randomBytes } from 'node:crypto';
import { createMemoryStore } from './state/memory.js';
import { LIST_BOUNDS } from './state/store.js';

/** Teams' documented message size limit (28 KB of the posted JSON). */
export const INBOX_SIZE_LIMIT = 28 * 1024;
/** Cards kept per inbox name; older ones are dropped. */
export const INBOX_KEEP = LIST_BOUNDS.keep;
/** Inbox names kept at once, so a stream of random names cannot grow the memory without bound. */
export const INBOX_MAX_NAMES = LIST_BOUNDS.maxNames;

/**
 * Teams' rate limits for one connector, fixed windows of `ms` allowing `max` requests (section 7).
 * The proxy-side copy of `src/webhook/rateLimit.ts` (the server runs plain JavaScript without a build).
 * @type {{ ms: number, max: number }[]}
 */
export const TEAMS_WINDOWS = [
  { ms: 1_000, max: 4 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 100 },
  { ms: 7_200_000, max: 150 },
  { ms: 86_400_000, max: 1_800 },
];

/** A valid inbox name: what may follow `/api/inbox/`. */
export const INBOX_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * @typedef {{ id: string, name: string, receivedAt: number, bytes: number, card: unknown }} InboxItem
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} WebhookAnswer
 */

/**
 * @param {number} status
 * @param {string} body
 * @returns {WebhookAnswer}
 */
function answer(status, body) {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/**
 * Teams reports most downstream failures (too large, throttled, card rejected) as HTTP 200 with this
 * text, so that senders do not disable the hook (msteams-docs#1810).
 * @param {number} inner
 */
export function wrappedFailure(inner) {
  const cv = randomBytes(12).toString('base64url');
  return answer(
    200,
    `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${inner} with ContextId tcid=0,server=local-inbox,cv=${cv}.0`,
  );
}

/** @param {unknown} value */
const present = (value) => typeof value === 'string' && value !== '';

/**
 * Creates the local connector inbox on a state store (by default its own memory store). With a shared
 * store (Redis), every instance of the server sees the same inboxes and the same Teams throttle.
 * @param {{ now?: () => number, store?: import('./state/store.js').StateStore }} [options]
 */
export function createInbox(options = {}) {
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemoryStore({ now });
  const instance = randomBytes(3).toString('hex');
  let seq = 0;

  return {
    /**
     * Takes one webhook POST and answers as Teams would.
     * @param {string} name the inbox name from the path
     * @param {Buffer} body the raw request body (the caller stops reading past the size limit)
     * @param {boolean} [overflowed] the body was longer than what was read
     * @returns {Promise<WebhookAnswer>}
     */
    async receive(name, body, overflowed = false) {
      if (overflowed || body.length > INBOX_SIZE_LIMIT) return wrappedFailure(413);
      /** @type {unknown} */
      let card;
      try {
        card = JSON.parse(body.toString('utf8'));
      } catch {
        return answer(400, 'Bad payload received by generic incoming webhook.');
      }
      if (typeof card !== 'object' || card === null || Array.isArray(card)) {
        return answer(400, 'Bad payload received by generic incoming webhook.');
      }
      const object = /** @type {Record<string, unknown>} */ (card);
      // The Adaptive Card envelope (`type: message` with attachments) needs no summary.
      const envelope = object.type === 'message' && Array.isArray(object.attachments);
      if (!envelope && !present(object.summary) && !present(object.text)) {
        return answer(400, 'Summary or Text is required.');
      }
      if ((await store.hit(`teams:${name}`, TEAMS_WINDOWS)) > 0) return wrappedFailure(429);
      const at = now();
      /** @type {InboxItem} */
      const item = {
        id: `${at.toString(36)}-${(seq++).toString(36)}-${instance}`,
        name,
        receivedAt: at,
        bytes: body.length,
        card,
      };
      await store.push('inbox', name, item);
      return answer(200, '1');
    },

    /**
     * What arrived, newest first, optionally for one name.
     * @param {string} [name]
     * @returns {Promise<InboxItem[]>}
     */
    async list(name) {
      const all = /** @type {InboxItem[]} */ (
        name !== undefined
          ? await store.list('inbox', name)
          : (await store.lists('inbox')).flatMap((box) => box.entries)
      );
      return all.sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : -1));
    },

    /** Empties every inbox (the rate-limit history stays, as Teams' would). */
    async clear() {
      await store.clear('inbox');
    },
  };
}

/** @typedef {ReturnType<typeof createInbox>} Inbox */
