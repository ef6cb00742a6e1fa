/**
 * The designer's server API, as one request handler shared by the Vite dev and preview servers
 * (`vitePlugin.ts`), `npm start` (`standalone.js`) and the tests:
 *
 * - `POST /api/send` `{ url, payload }`: posts the payload to a webhook and relays its answer.
 * - `POST /api/inbox/NAME`: the local inbox, a webhook that answers as Teams does.
 * - `GET /api/inbox` lists what arrived (`?name=` for one inbox); `DELETE /api/inbox` empties it.
 * - `POST /api/workflows/NAME`: the local Workflows webhook, which answers 202 as a flow trigger does and
 *   records the run (`workflows.js`); `GET /api/workflows/NAME` lists its runs, newest first, and
 *   `GET /api/workflows` every webhook's (each with its `name`); `DELETE` on either forgets them.
 * - `GET /healthz`: whether the server and its state store (memory or Redis) work, for load balancers.
 *
 * The inboxes, runs and rate windows live in a state store (`state/`): memory by default, Redis when
 * `REDIS_URL` is set, so several instances share them. When the server is reachable by others, one
 * client (its address, see `client.js`) may make `clientLimit` sends and webhook posts a minute; and
 * at most `maxUpstream` sends wait on an upstream at once, whatever the clients.
 *
 * The browser cannot post to Teams itself (no CORS), so this server does, and must therefore not be
 * an open relay: see `policy.js` for where it may send and `addresses.js` for the inside ranges.
 * Plain JavaScript with JSDoc types, so Node 20 runs it without a build.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { clientAddress, limitKey } from './client.js';
import { createInbox, INBOX_NAME, INBOX_SIZE_LIMIT } from './inbox.js';
import { noteRequest } from './log.js';
import { checkResolved, checkTarget, parseAllowList, refusal } from './policy.js';
import { createStateFromEnv } from './state/index.js';
import { StateUnavailable } from './state/store.js';
import { createWorkflows } from './workflows.js';

/** Largest request body the API reads (a card is at most 28 KB; JSON escaping can double it). */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Largest upstream answer relayed to the browser; Teams answers with a few hundred bytes. */
export const MAX_RELAY_BYTES = 64 * 1024;
/** How long the upstream may take, from connecting to the last byte of its answer. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * Sends waiting on an upstream at once, by default: each holds at most 64 KB in and 64 KB out, so
 * this bounds the memory that slow upstreams can tie up (about 8 MB of bodies at worst).
 */
export const DEFAULT_MAX_UPSTREAM = 64;

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {{ address: string, family: number }} Resolved
 * @typedef {{
 *   allow?: Set<string>,
 *   timeoutMs?: number,
 *   resolve?: (host: string) => Promise<Resolved[]>,
 *   store?: import('./state/store.js').StateStore,
 *   inbox?: import('./inbox.js').Inbox,
 *   workflows?: import('./workflows.js').Workflows,
 *   clientLimit?: number,
 *   trustProxy?: number,
 *   maxUpstream?: number,
 * }} ApiOptions
 *   `clientLimit`: requests a minute per client to `/api/send` and the webhooks' POSTs (0 or unset:
 *   none); `trustProxy`: reverse proxies in front (see `client.js`); `maxUpstream`: sends waiting on an
 *   upstream at once.
 * @typedef {((req: Req, res: Res) => Promise<boolean>) & {
 *   store: import('./state/store.js').StateStore,
 *   close: () => Promise<void>,
 * }} ApiHandler
 */

/** @param {string} host */
function resolveAll(host) {
  return new Promise(
    /** @param {(value: Resolved[]) => void} resolve @param {(reason: Error) => void} reject */
    (resolve, reject) =>
      dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      ),
  );
}

/**
 * A `lookup` for `http.request` that answers with the address already checked, whatever the name
 * resolves to now: a second resolution could return an inside address (DNS rebinding).
 * @param {Resolved} pinned
 * @returns {import('node:net').LookupFunction}
 */
export function pinnedLookup(pinned) {
  return (_hostname, options, callback) => {
    const cb = /** @type {(...args: unknown[]) => void} */ (callback);
    if (options && /** @type {{ all?: boolean }} */ (options).all) cb(null, [pinned]);
    else cb(null, pinned.address, pinned.family);
  };
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/**
 * @param {Res} res
 * @param {{ status: number, code: string, message: string }} failure
 * @param {Record<string, unknown>} [extra]
 */
function sendRefusal(res, failure, extra = {}) {
  sendJson(res, failure.status, { code: failure.code, message: failure.message, ...extra });
}

/**
 * Reads a body up to `limit` bytes; past it, stops and reports `overflowed` (the rest is discarded).
 * @param {Req} req
 * @param {number} limit
 * @returns {Promise<{ body: Buffer, overflowed: boolean }>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let overflowed = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (overflowed) return;
      size += chunk.length;
      if (size > limit) {
        overflowed = true;
        chunks.length = 0;
        resolve({ body: Buffer.alloc(0), overflowed: true });
        // Keep draining so the client can read our answer instead of seeing a reset connection.
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!overflowed) resolve({ body: Buffer.concat(chunks), overflowed: false });
    });
    req.on('error', reject);
  });
}

/**
 * Whether a browser request comes from the designer's own page. Browsers send `Origin` on every
 * POST and `Sec-Fetch-Site` on every fetch; tools such as curl send neither, and are not a CSRF risk.
 * @param {Req} req
 */
function sameOrigin(req) {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false; // includes the opaque origin "null" of sandboxed frames and file: pages
  }
}

/** @param {Req} req */
function isJson(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Only the origin of a URL is ever logged: its path and query are the webhook's credential.
 * @param {URL} url
 */
export function loggable(url) {
  return url.origin;
}

/**
 * Creates the API handler. It answers `/api/send`, `/api/inbox[/NAME]`, `/api/workflows[/NAME]` and
 * `/healthz`, and resolves to `false` for every other path, so middleware stacks can pass the
 * request on. `close()` closes the state store (after the server has stopped taking requests).
 * @param {ApiOptions} [options]
 * @returns {ApiHandler}
 */
export function createApiHandler(options = {}) {
  const allow =
    options.allow ??
    parseAllowList(process.env.WEBHOOK_ALLOW, (index) =>
      console.warn(`WEBHOOK_ALLOW: entry ${index + 1} is not an http(s) origin and is ignored.`),
    );
  const envTimeout = Number(process.env.WEBHOOK_TIMEOUT_MS);
  const timeoutMs = options.timeoutMs ?? (envTimeout > 0 ? envTimeout : DEFAULT_TIMEOUT_MS);
  const resolve = options.resolve ?? resolveAll;
  const store = options.store ?? createStateFromEnv();
  const inbox = options.inbox ?? createInbox({ store });
  const workflows = options.workflows ?? createWorkflows({ store });
  const clientLimit = options.clientLimit ?? 0;
  const trustProxy = options.trustProxy ?? 0;
  const maxUpstream = options.maxUpstream ?? DEFAULT_MAX_UPSTREAM;
  let upstreamBusy = 0;

  /**
   * Counts the request against its client's minute; answers 429 and returns false when it is over.
   * @param {Req} req
   * @param {Res} res
   */
  async function withinClientLimit(req, res) {
    if (clientLimit <= 0) return true;
    const key = limitKey(clientAddress(req, trustProxy));
    const waitMs = await store.hit(`client:${key}`, [{ ms: 60_000, max: clientLimit }]);
    if (waitMs === 0) return true;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('retry-after', String(seconds));
    noteRequest(res, { code: 'client-limit' });
    sendRefusal(
      res,
      refusal(
        429,
        'client-limit',
        `Too many requests from your address: this server takes ${clientLimit} sends and webhook posts a minute from one client. Try again in ${seconds} s.`,
      ),
      { retryAfterSeconds: seconds },
    );
    return false;
  }

  /**
   * @param {Req} req
   * @param {Res} res
   */
  async function send(req, res) {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendRefusal(res, refusal(405, 'method-not-allowed', 'Send with POST.'));
    }
    if (!sameOrigin(req)) {
      return sendRefusal(
        res,
        refusal(403, 'cross-origin', 'Only the designer itself may send through this proxy, not another site.'),
      );
    }
    if (!isJson(req)) {
      return sendRefusal(res, refusal(415, 'content-type', 'Send the request as application/json.'));
    }
    if (!(await withinClientLimit(req, res))) return;
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_REQUEST_BYTES) {
      return sendRefusal(res, refusal(413, 'body-too-large', 'The request is larger than 64 KB.'));
    }
    const { body, overflowed } = await readBody(req, MAX_REQUEST_BYTES);
    if (overflowed) return sendRefusal(res, refusal(413, 'body-too-large', 'The request is larger than 64 KB.'));
    /** @type {unknown} */
    let request;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return sendRefusal(res, refusal(400, 'body-invalid', 'The request is not JSON.'));
    }
    if (typeof request !== 'object' || request === null || !('payload' in request) || !('url' in request)) {
      return sendRefusal(res, refusal(400, 'body-invalid', 'The request needs a "url" and a "payload".'));
    }
    const { url: rawUrl, payload } = /** @type {{ url: unknown, payload: unknown }} */ (request);
    const payloadBytes = Buffer.from(JSON.stringify(payload) ?? 'null', 'utf8');
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);

    // The local inbox and Workflows webhooks of this very server are delivered to directly, without a
    // network hop.
    const local = localWebhook(rawUrl, req);
    if (local?.kind === 'inbox') {
      const answer = await inbox.receive(local.name, payloadBytes);
      noteRequest(res, { target: 'local inbox', upstream: answer.status });
      return sendJson(res, 200, { upstream: { ...answer, truncated: false }, elapsedMs: elapsed() });
    }
    if (local?.kind === 'workflows') {
      const { status, headers, body: text } = await workflows.receive(local.name, payloadBytes);
      noteRequest(res, { target: 'local workflows', upstream: status });
      return sendJson(res, 200, { upstream: { status, headers, body: text, truncated: false }, elapsedMs: elapsed() });
    }

    const target = checkTarget(rawUrl, allow);
    if (!target.ok) {
      noteRequest(res, { code: target.code });
      return sendRefusal(res, target);
    }
    const { url } = target;
    noteRequest(res, { target: loggable(url) });
    /** @type {Resolved | undefined} */
    let pinned;
    if (!target.allowed) {
      /** @type {Resolved[]} */
      let addresses;
      try {
        addresses = await resolve(url.hostname);
      } catch {
        noteRequest(res, { code: 'dns-failed' });
        return sendRefusal(res, refusal(502, 'dns-failed', `The host ${url.hostname} does not resolve.`), {
          elapsedMs: elapsed(),
        });
      }
      const inside = checkResolved(addresses);
      if (inside) {
        noteRequest(res, { code: inside.code });
        return sendRefusal(res, inside);
      }
      pinned = addresses[0];
    }

    if (upstreamBusy >= maxUpstream) {
      res.setHeader('retry-after', '1');
      noteRequest(res, { code: 'busy' });
      return sendRefusal(
        res,
        refusal(
          503,
          'busy',
          `The server is waiting on ${maxUpstream} webhooks at once, its limit. Try again in a moment.`,
        ),
      );
    }
    upstreamBusy++;
    try {
      const upstream = await post(url, payloadBytes, pinned, timeoutMs);
      noteRequest(res, { upstream: upstream.status });
      if (upstream.status >= 300 && upstream.status < 400) {
        return sendRefusal(
          res,
          refusal(
            502,
            'redirect-refused',
            `The webhook answered ${upstream.status} with a redirect. The proxy follows no redirect: a webhook URL that moves is not a Teams webhook.`,
          ),
          { upstream: { status: upstream.status, headers: {}, body: '', truncated: false }, elapsedMs: elapsed() },
        );
      }
      return sendJson(res, 200, { upstream, elapsedMs: elapsed() });
    } catch (error) {
      const timedOut = error instanceof UpstreamTimeout;
      noteRequest(res, { upstream: timedOut ? 'timeout' : 'network-error' });
      if (timedOut) {
        return sendRefusal(
          res,
          refusal(504, 'upstream-timeout', `The webhook did not answer within ${formatSeconds(timeoutMs)}.`),
          { elapsedMs: elapsed() },
        );
      }
      const code = /** @type {{ code?: unknown }} */ (error).code;
      return sendRefusal(
        res,
        refusal(
          502,
          'upstream-unreachable',
          `Could not reach ${url.host}${typeof code === 'string' ? ` (${code})` : ''}: the network or the host is down, or the connection was cut.`,
        ),
        { elapsedMs: elapsed() },
      );
    } finally {
      upstreamBusy--;
    }
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {string} name
   */
  async function webhook(req, res, name) {
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'POST' });
      res.end('Invalid webhook request - GET not supported');
      return;
    }
    if (!(await withinClientLimit(req, res))) return;
    // Read a little past the limit so a card just over 28 KB gets Teams' wrapped 413, not a cut-off.
    const { body, overflowed } = await readBody(req, INBOX_SIZE_LIMIT * 2);
    const answer = await inbox.receive(name, body, overflowed);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {URL} url
   */
  async function inboxList(req, res, url) {
    if (req.method === 'DELETE') {
      if (!sameOrigin(req)) {
        return sendRefusal(res, refusal(403, 'cross-origin', 'Only the designer itself may empty the inbox.'));
      }
      await inbox.clear();
      return sendJson(res, 200, { items: [] });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, DELETE');
      return sendRefusal(res, refusal(405, 'method-not-allowed', 'List the inbox with GET.'));
    }
    const name = url.searchParams.get('name') ?? undefined;
    return sendJson(res, 200, { items: await inbox.list(name) });
  }

  /**
   * `POST /api/workflows/NAME` runs the flow; `GET` lists its runs; `DELETE` forgets them.
   * @param {Req} req
   * @param {Res} res
   * @param {string} name
   */
  async function workflowsHook(req, res, name) {
    if (req.method === 'POST') {
      if (!(await withinClientLimit(req, res))) return;
      // Read a little past the limit, so a card just over 28 KB fails in its run rather than being cut off.
      const { body, overflowed } = await readBody(req, INBOX_SIZE_LIMIT * 2);
      const answer = await workflows.receive(name, body, overflowed);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': 0 });
      res.end();
      return;
    }
    await workflowsRuns(req, res, name);
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {string | undefined} name one webhook, or all of them
   */
  async function workflowsRuns(req, res, name) {
    if (req.method === 'DELETE') {
      if (!sameOrigin(req)) {
        return sendRefusal(res, refusal(403, 'cross-origin', 'Only the designer itself may clear the runs.'));
      }
      await workflows.clear(name);
      return sendJson(res, 200, []);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', name === undefined ? 'GET, DELETE' : 'POST, GET, DELETE');
      return sendRefusal(res, refusal(405, 'method-not-allowed', 'List the runs with GET.'));
    }
    return sendJson(res, 200, name === undefined ? await workflows.all() : await workflows.runs(name));
  }

  /**
   * `GET /healthz`: 200 when the server and its state store answer, 503 when the store does not.
   * @param {Req} req
   * @param {Res} res
   */
  async function health(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET');
      return sendRefusal(res, refusal(405, 'method-not-allowed', 'Ask with GET.'));
    }
    const reachable = await store.ping();
    return sendJson(res, reachable ? 200 : 503, {
      status: reachable ? 'ok' : 'unavailable',
      state: { store: store.kind, reachable },
    });
  }

  /**
   * @param {Req} req
   * @param {Res} res
   */
  async function route(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/healthz') {
      await health(req, res);
      return true;
    }
    if (path === '/api/send') {
      await send(req, res);
      return true;
    }
    if (path === '/api/inbox' || path === '/api/inbox/') {
      await inboxList(req, res, url);
      return true;
    }
    if (path.startsWith('/api/inbox/')) {
      const name = safeDecode(path.slice('/api/inbox/'.length));
      if (name === undefined || !INBOX_NAME.test(name)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not Found');
        return true;
      }
      await webhook(req, res, name);
      return true;
    }
    if (path === '/api/workflows' || path === '/api/workflows/') {
      await workflowsRuns(req, res, undefined);
      return true;
    }
    if (path.startsWith('/api/workflows/')) {
      const name = safeDecode(path.slice('/api/workflows/'.length));
      if (name === undefined || !INBOX_NAME.test(name)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not Found');
        return true;
      }
      await workflowsHook(req, res, name);
      return true;
    }
    return false;
  }

  /** @type {ApiHandler} */
  const handle = Object.assign(
    /** @type {(req: Req, res: Res) => Promise<boolean>} */
    async (req, res) => {
      try {
        return await route(req, res);
      } catch (error) {
        if (!(error instanceof StateUnavailable)) throw error;
        noteRequest(res, { code: 'state-unavailable' });
        if (res.headersSent) res.end();
        else {
          res.setHeader('retry-after', '5');
          sendRefusal(
            res,
            refusal(
              503,
              'state-unavailable',
              `${error.message} The server cannot keep or list cards now; try again shortly.`,
            ),
          );
        }
        return true;
      }
    },
    { store, close: () => store.close() },
  );
  return handle;
}

/**
 * A path segment decoded, or undefined when its escapes are malformed.
 * @param {string} segment
 */
function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The local webhook `raw` names when it is this server's own inbox or Workflows URL (same host as the
 * request came to).
 * @param {unknown} raw
 * @param {Req} req
 * @returns {{ kind: 'inbox' | 'workflows', name: string } | undefined}
 */
function localWebhook(raw, req) {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.host.toLowerCase() !== (req.headers.host ?? '').toLowerCase() || url.search || url.username) {
      return undefined;
    }
    const match = /^\/api\/(inbox|workflows)\/([^/]+)$/.exec(url.pathname);
    if (!match) return undefined;
    const name = safeDecode(/** @type {string} */ (match[2]));
    if (name === undefined || !INBOX_NAME.test(name)) return undefined;
    return { kind: match[1] === 'inbox' ? 'inbox' : 'workflows', name };
  } catch {
    return undefined;
  }
}

/** @param {number} ms */
function formatSeconds(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

class UpstreamTimeout extends Error {}

/**
 * Posts the bytes and collects the answer, within `timeoutMs` overall. Follows no redirect (Node's
 * http client never does), and reads at most {@link MAX_RELAY_BYTES} of the answer.
 * @param {URL} url
 * @param {Buffer} body
 * @param {Resolved | undefined} pinned the checked address to connect to (undefined for allowed origins)
 * @param {number} timeoutMs
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: string, truncated: boolean }>}
 */
function post(url, body, pinned, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': body.length,
          'user-agent': 'MessageCard-Designer',
        },
        ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
      },
      (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        let size = 0;
        let truncated = false;
        const finish = () => {
          clearTimeout(timer);
          /** @type {Record<string, string>} */
          const headers = {};
          for (const [key, value] of Object.entries(response.headers)) {
            if (key === 'set-cookie' || value === undefined) continue;
            headers[key] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
          });
        };
        response.on('data', (/** @type {Buffer} */ chunk) => {
          if (truncated) return;
          const room = MAX_RELAY_BYTES - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size = MAX_RELAY_BYTES;
            truncated = true;
            finish();
            response.destroy();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          if (!truncated) finish();
        });
        response.on('error', (error) => {
          if (!truncated) {
            clearTimeout(timer);
            reject(error);
          }
        });
      },
    );
    // One deadline for connecting, waiting and reading: a drip-feeding upstream cannot hold us longer.
    const timer = setTimeout(() => {
      reject(new UpstreamTimeout('timeout'));
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
