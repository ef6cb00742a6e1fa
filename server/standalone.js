/**
 * `npm start`: serves the built designer (`dist/`) and the API on one port, as a service.
 *
 * Settings (environment):
 * - `PORT` (8080) and `HOST` (127.0.0.1): where it listens. Binding to another address (HOST=0.0.0.0)
 *   is a deliberate choice: then anyone who reaches the port can use the local inbox and Workflows
 *   webhook, and can send through the proxy to Teams webhook hosts (never elsewhere, see policy.js);
 *   the per-client limit is then on.
 * - `TRUST_PROXY`: how many reverse proxies stand in front (see client.js); 0 by default.
 * - `CLIENT_LIMIT`: sends and webhook posts a minute per client (see client.js).
 * - `REDIS_URL`, `STATE_TTL_SECONDS`: the shared state (see state/).
 * - `SHUTDOWN_TIMEOUT_MS` (15000): how long a SIGTERM or SIGINT waits for running requests.
 *
 * One JSON line per request goes to stdout (log.js); `GET /healthz` answers load balancers.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { isLoopbackHost, parseClientLimit, parseTrustProxy } from './client.js';
import { createApiHandler } from './handler.js';
import { setSecurityHeaders } from './headers.js';
import { createRequestLog } from './log.js';

/** Host names a browser uses for a server bound to loopback; others may be DNS rebinding. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Serves the files of `dist/`: sirv lists them once at start and serves only those (so no path can
 * reach outside the folder), and answers index.html for page routes (paths without an extension).
 * @param {string} root
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
function staticFiles(root) {
  if (!existsSync(root)) {
    return (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found: run `npm run build` first.');
    };
  }
  const serve = sirv(root, {
    single: true,
    dotfiles: false,
    // The build writes .br and .gz copies of its text files (vite.config.ts, precompress).
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders: (res, pathname) => {
      res.setHeader(
        'cache-control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
    });
  };
}

/**
 * Creates the server without listening, so tests can start it on port 0.
 * @param {{
 *   root?: string,
 *   loopbackOnly?: boolean,
 *   api?: import('./handler.js').ApiHandler,
 *   log?: (line: string) => void,
 *   trustProxy?: number,
 * }} [options]
 */
export function createAppServer(options = {}) {
  const root = resolve(options.root ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const api = options.api ?? createApiHandler();
  const loopbackOnly = options.loopbackOnly ?? true;
  const files = staticFiles(root);
  const log = options.log ? createRequestLog({ write: options.log, trustProxy: options.trustProxy }) : undefined;

  let draining = false;
  /** @type {Set<import('node:http').ServerResponse>} answers not yet sent */
  const running = new Set();
  const server = createServer((req, res) => {
    log?.(req, res);
    setSecurityHeaders(res);
    // While shutting down, keep-alive clients are told to go after this answer.
    if (draining) res.setHeader('connection', 'close');
    running.add(res);
    res.on('close', () => running.delete(res));
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (loopbackOnly && !LOOPBACK_HOSTS.includes(host)) {
      // A page on another site whose name now resolves to 127.0.0.1 would otherwise be "same-origin".
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    api(req, res).then(
      (handled) => {
        if (!handled) files(req, res);
      },
      (error) => {
        console.error('API error:', error instanceof Error ? error.message : 'unknown');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      },
    );
  });
  // Bounded waits for slow clients: the whole request within 30 s, its headers within 10 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return Object.assign(server, {
    api,
    drain() {
      draining = true;
      for (const res of running) if (!res.headersSent) res.setHeader('connection', 'close');
    },
  });
}

/**
 * Stops a server gracefully: it takes no new connection, tells keep-alive clients to go, waits for
 * the running requests up to `timeoutMs`, then cuts what is left and closes the state store.
 * @param {ReturnType<typeof createAppServer>} server
 * @param {number} timeoutMs
 * @returns {Promise<{ finished: boolean }>} whether every running request finished in time
 */
export async function shutdown(server, timeoutMs) {
  server.drain();
  const closed = new Promise((done) => server.close(() => done(true)));
  server.closeIdleConnections();
  const finished = await Promise.race([closed, new Promise((done) => setTimeout(done, timeoutMs, false).unref())]);
  if (!finished) server.closeAllConnections();
  await server.api.close();
  return { finished: finished === true };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  /** @type {number} */ let trustProxy;
  /** @type {number} */ let clientLimit;
  try {
    trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
    clientLimit = parseClientLimit(process.env.CLIENT_LIMIT, !loopback);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) > 0 ? Number(process.env.SHUTDOWN_TIMEOUT_MS) : 15_000;
  const api = createApiHandler({ clientLimit, trustProxy });
  const server = createAppServer({
    api,
    loopbackOnly: loopback,
    trustProxy,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  server.listen(port, host, () => {
    const shown = host.includes(':') ? `[${host}]` : host;
    const notes = [
      `state: ${api.store.kind}`,
      clientLimit > 0 ? `client limit: ${clientLimit}/min` : 'client limit: off',
      `trusted proxies: ${trustProxy}`,
    ];
    process.stdout.write(`MessageCard Designer on http://${shown}:${port}/ (${notes.join(', ')})\n`);
    if (!loopback) process.stdout.write(`Listening on ${host}: reachable from other machines.\n`);
  });
  let stopping = false;
  /** @param {string} signal */
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing running requests (at most ${shutdownMs} ms)\n`);
    shutdown(server, shutdownMs).then(
      ({ finished }) => {
        process.stdout.write(finished ? 'Stopped.\n' : 'Stopped; requests still running were cut.\n');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
