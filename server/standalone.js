/**
 * `npm start`: serves the built designer (`dist/`) and the API on one port.
 *
 * PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens. Binding to another
 * address (HOST=0.0.0.0) is a deliberate choice: then anyone who reaches the port can use the
 * local inbox and Workflows webhook, and can send through the proxy to Teams webhook hosts (never elsewhere, see policy.js).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiHandler } from './handler.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Host names a browser uses for a server bound to loopback; others may be DNS rebinding. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Creates the server without listening, so tests can start it on port 0.
 * @param {{ root?: string, loopbackOnly?: boolean, api?: ReturnType<typeof createApiHandler> }} [options]
 */
export function createAppServer(options = {}) {
  const root = resolve(options.root ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const api = options.api ?? createApiHandler({ log: (line) => process.stdout.write(`${line}\n`) });
  const loopbackOnly = options.loopbackOnly ?? true;

  return createServer((req, res) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (loopbackOnly && !LOOPBACK_HOSTS.includes(host)) {
      // A page on another site whose name now resolves to 127.0.0.1 would otherwise be "same-origin".
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    api(req, res).then(
      (handled) => {
        if (!handled) serveFile(root, req, res);
      },
      (error) => {
        console.error('API error:', error instanceof Error ? error.message : 'unknown');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      },
    );
  });
}

/**
 * @param {string} root
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function serveFile(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400);
    res.end();
    return;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403);
    res.end();
    return;
  }
  // The app is a single page: unknown paths without an extension get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) {
    file = extname(path) === '' ? join(root, 'index.html') : '';
  }
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(existsSync(root) ? 'Not Found' : 'Not Found: run `npm run build` first.');
    return;
  }
  const type = /** @type {Record<string, string>} */ (TYPES)[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': statSync(file).size,
    'x-content-type-options': 'nosniff',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const server = createAppServer({ loopbackOnly: loopback });
  server.listen(port, host, () => {
    const shown = host.includes(':') ? `[${host}]` : host;
    process.stdout.write(`MessageCard Designer on http://${shown}:${port}/\n`);
    if (!loopback) process.stdout.write(`Listening on ${host}: reachable from other machines.\n`);
  });
}
