import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from './handler.js';
import { parseAllowList } from './policy.js';
import { createAppServer, shutdown } from './standalone.js';

let server: Server;
let port: number;
let root: string;

beforeAll(async () => {
  const outside = mkdtempSync(join(tmpdir(), 'mcd-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the folder');
  root = join(outside, 'dist');
  mkdirSync(root);
  writeFileSync(join(root, '.env'), 'dotfile');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>designer</title>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  // The build's compressed copies (vite.config.ts, precompress).
  const big = `export const text = ${JSON.stringify('designer '.repeat(500))};`;
  writeFileSync(join(root, 'assets', 'big.js'), big);
  writeFileSync(join(root, 'assets', 'big.js.br'), brotliCompressSync(big));
  writeFileSync(join(root, 'assets', 'big.js.gz'), gzipSync(big));
  server = createAppServer({ root });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(path: string, host = `127.0.0.1:${port}`, method = 'GET') {
  return new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], text }));
    });
    req.on('error', reject);
    req.end();
  });
}

function head(path: string) {
  return new Promise<IncomingMessage['headers']>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(to: number, path: string, body: unknown) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: to, path, method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function listenOn(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, number]> {
  const other = createServer(handler);
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  return [other, (other.address() as AddressInfo).port];
}

describe('the standalone server', () => {
  it('serves the built app, with index.html for the page routes', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html; ?charset=utf-8$/) });
    expect(await get('/assets/app.js')).toMatchObject({
      status: 200,
      type: expect.stringMatching(/^text\/javascript/),
    });
    expect((await get('/some/route')).text).toContain('designer');
    expect((await get('/missing.js')).status).toBe(404);
  });

  it("sends the build's Brotli or gzip copy of a file to a browser that accepts it, and the file to others", async () => {
    const fetchWith = (encoding: string) =>
      new Promise<{ headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/assets/big.js', headers: { 'accept-encoding': encoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    const br = await fetchWith('gzip, deflate, br, zstd');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: expect.stringMatching(/accept-encoding/i) });
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toContain('designer designer');
    const gz = await fetchWith('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('designer designer');
    const plain = await fetchWith('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('designer designer');
  });

  it('serves the API on the same port', async () => {
    const list = await get('/api/inbox');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toEqual({ items: [] });
  });

  it('never serves files outside its folder, nor its dotfiles', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/.env',
    ]) {
      const answer = await get(path);
      expect(answer.text, path).not.toContain('outside the folder');
      expect(answer.text, path).not.toContain('dotfile');
    }
    expect((await get('/..%2f..%2fetc%2fpasswd')).text).not.toContain('root:');
  });

  it('answers other methods than GET and HEAD on files with 405', async () => {
    expect((await get('/', undefined, 'POST')).status).toBe(405);
    expect((await get('/', undefined, 'HEAD')).status).toBe(200);
  });

  it('answers only to loopback host names, so a rebound DNS name cannot reach the API', async () => {
    expect((await get('/api/inbox', 'evil.example:80')).status).toBe(421);
    expect((await get('/api/inbox', `localhost:${port}`)).status).toBe(200);
  });
});

describe('the standalone server as a service', () => {
  it('sends the security headers on files and API answers', async () => {
    for (const path of ['/', '/assets/app.js', '/api/inbox']) {
      const headers = await head(path);
      expect(headers['content-security-policy'], path).toContain("script-src 'self'");
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('answers /healthz with the state store in use', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok', state: { store: 'memory', reachable: true } });
  });

  it('logs one JSON line per request, with the route and the target origin only, and finishes running requests on shutdown', async () => {
    const [receiver, receiverPort] = await listenOn((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.end('1'), 300));
    });
    const lines: string[] = [];
    const app = createAppServer({
      root,
      log: (line) => lines.push(line),
      api: createApiHandler({ allow: parseAllowList(`http://127.0.0.1:${receiverPort}`) }),
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appPort = (app.address() as AddressInfo).port;
    const running = post(appPort, '/api/send', {
      url: `http://127.0.0.1:${receiverPort}/webhookb2/secret-id/IncomingWebhook/x?sig=secret`,
      payload: { summary: 's', text: 't' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = shutdown(app, 5_000);
    // The running send still gets its answer; new connections are refused.
    expect(await running).toMatchObject({ status: 200 });
    await expect(post(appPort, '/api/inbox/late', {})).rejects.toThrow();
    expect(await stopping).toEqual({ finished: true });
    receiver.close();

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      method: 'POST',
      route: '/api/send',
      status: 200,
      client: '127.0.0.1',
      target: `http://127.0.0.1:${receiverPort}`,
      upstream: 200,
    });
    expect(line.ms).toBeGreaterThanOrEqual(250);
    expect(lines[0]).not.toMatch(/secret|webhookb2|sig=/);
  });
});
