/**
 * One JSON line per request: time, method, route, status, milliseconds and client address, plus,
 * for a send through the proxy, the target's origin and the upstream's status. Never a path or query
 * of a webhook URL (they are its credential), never a raw request path: the route is the API's
 * pattern (`/api/inbox/:name`), and every other path is logged as `static`.
 */
import { clientAddress } from './client.js';

/**
 * What the API handler tells the log about a request.
 * @typedef {{ target?: string, upstream?: number | string, code?: string }} Note
 */

/** @type {WeakMap<import('node:http').ServerResponse, Note>} */
const notes = new WeakMap();

/**
 * Adds to what the log line of this request will say.
 * @param {import('node:http').ServerResponse} res
 * @param {Note} note
 */
export function noteRequest(res, note) {
  notes.set(res, { ...notes.get(res), ...note });
}

/**
 * The route a path belongs to, with no part of the path the client chose.
 * @param {string | undefined} rawUrl
 */
export function routeOf(rawUrl) {
  const path = (rawUrl ?? '/').split('?')[0] ?? '/';
  if (path === '/api/send' || path === '/healthz') return path;
  if (path === '/api/inbox' || path === '/api/inbox/') return '/api/inbox';
  if (path.startsWith('/api/inbox/')) return '/api/inbox/:name';
  if (path === '/api/workflows' || path === '/api/workflows/') return '/api/workflows';
  if (path.startsWith('/api/workflows/')) return '/api/workflows/:name';
  if (path.startsWith('/api/')) return '/api/other';
  return 'static';
}

/**
 * Returns a function to call at the start of each request; it writes the line when the answer is
 * finished (or the connection closed before).
 * @param {{ write: (line: string) => void, trustProxy?: number, now?: () => number }} options
 */
export function createRequestLog(options) {
  const now = options.now ?? (() => performance.now());
  const trustProxy = options.trustProxy ?? 0;
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return (req, res) => {
    const started = now();
    let written = false;
    const done = () => {
      if (written) return;
      written = true;
      const note = notes.get(res) ?? {};
      options.write(
        JSON.stringify({
          time: new Date().toISOString(),
          method: req.method,
          route: routeOf(req.url),
          status: res.writableFinished ? res.statusCode : 'aborted',
          ms: Math.round(now() - started),
          client: clientAddress(req, trustProxy),
          ...note,
        }),
      );
    };
    res.on('finish', done);
    res.on('close', done);
  };
}
