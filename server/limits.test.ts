/**
 * The limits of a server reachable by others, over real HTTP on loopback: the per-client window
 * (429 with Retry-After and a JSON body), the client address behind trusted proxies, and the cap on
 * sends waiting on slow upstreams (503, memory stays bounded).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, limitKey, parseClientLimit, parseTrustProxy } from './client.js';
import { createApiHandler } from './handler.js';
import { parseAllowList } from './policy.js';
import { createMemoryStore } from './state/memory.js';

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, number]> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, (server.address() as AddressInfo).port];
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  json: Record<string, unknown>;
}

function call(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // a webhook's plain-text answer
          }
          resolve({ status: res.statusCode!, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function api(options: Parameters<typeof createApiHandler>[0]) {
  const handle = createApiHandler({ store: createMemoryStore(), ...options });
  const [server, port] = await listen((req, res) => void handle(req, res));
  servers.push(server);
  return port;
}

const CARD = { summary: 'Hi', text: 'Hello' };

describe('the per-client limit', () => {
  let port: number;
  let now = 1_000_000;
  beforeAll(async () => {
    port = await api({ clientLimit: 3, store: createMemoryStore({ now: () => now }) });
  });

  it('counts sends and webhook posts of one client together, and answers 429 with Retry-After past it', async () => {
    expect((await call(port, '/api/inbox/a', CARD)).status).toBe(200);
    now += 20_000;
    expect((await call(port, '/api/workflows/b', CARD)).status).toBe(202);
    const local = `http://127.0.0.1:${port}/api/inbox/a`;
    now += 20_000;
    expect((await call(port, '/api/send', { url: local, payload: CARD })).status).toBe(200);
    now += 1_000;
    const refused = await call(port, '/api/send', { url: local, payload: CARD });
    expect(refused.status).toBe(429);
    // The first hit leaves the minute 19 s from now.
    expect(refused.headers['retry-after']).toBe('19');
    expect(refused.json).toEqual({
      code: 'client-limit',
      message: expect.stringContaining('3 sends and webhook posts a minute'),
      retryAfterSeconds: 19,
    });
    expect((await call(port, '/api/inbox/a', CARD)).status).toBe(429);
    now += 19_000;
    expect((await call(port, '/api/inbox/a', CARD)).status).toBe(200);
  });

  it('does not trust X-Forwarded-For unless told to', async () => {
    now += 120_000;
    for (let i = 0; i < 3; i++) await call(port, '/api/inbox/a', CARD, { 'x-forwarded-for': `192.0.2.${i}` });
    expect((await call(port, '/api/inbox/a', CARD, { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });

  it('behind one trusted proxy, counts each forwarded client apart, and a forged entry changes nothing', async () => {
    const behind = await api({ clientLimit: 2, trustProxy: 1 });
    const post = (xff: string) => call(behind, '/api/workflows/x', CARD, { 'x-forwarded-for': xff });
    expect((await post('198.51.100.1')).status).toBe(202);
    expect((await post('198.51.100.1')).status).toBe(202);
    expect((await post('198.51.100.1')).status).toBe(429);
    // The client writes its own X-Forwarded-For; the proxy appends the real address after it.
    expect((await post('10.9.9.9, 198.51.100.1')).status).toBe(429);
    expect((await post('198.51.100.2')).status).toBe(202);
  });

  it('is off when not configured (a server on loopback)', async () => {
    const open = await api({});
    for (let i = 0; i < 10; i++) expect((await call(open, '/api/inbox/free', CARD)).status).not.toBe(429);
  });
});

describe('the cap on sends waiting on upstreams', () => {
  it('answers 503 busy past the cap while slow upstreams hold their places, and frees them after', async () => {
    const [slow, slowPort] = await listen((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.end('1'), 300));
    });
    servers.push(slow);
    const port = await api({ maxUpstream: 2, allow: parseAllowList(`http://127.0.0.1:${slowPort}`) });
    const send = () => call(port, '/api/send', { url: `http://127.0.0.1:${slowPort}/hook/secret`, payload: CARD });
    const answers = await Promise.all([send(), send(), send(), send()]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 503, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json).toMatchObject({ code: 'busy', message: expect.stringContaining('2 webhooks at once') });
    // The places are given back, whatever the outcome.
    expect((await send()).status).toBe(200);
  });
});

describe('settings', () => {
  it('reads TRUST_PROXY as a number of hops, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('false')).toBe(0);
    expect(parseTrustProxy('2')).toBe(2);
    expect(() => parseTrustProxy('true')).toThrow(/number of reverse proxies/);
    expect(() => parseTrustProxy('10.0.0.1')).toThrow();
  });

  it('reads CLIENT_LIMIT: 60 a minute by default only when reachable by others', () => {
    expect(parseClientLimit(undefined, false)).toBe(0);
    expect(parseClientLimit(undefined, true)).toBe(60);
    expect(parseClientLimit('10', false)).toBe(10);
    expect(parseClientLimit('off', true)).toBe(0);
    expect(() => parseClientLimit('lots', true)).toThrow(/CLIENT_LIMIT/);
  });

  it('takes the client N hops in from the right of X-Forwarded-For', () => {
    const req = (xff: string | undefined, peer = '10.0.0.5') =>
      ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: peer } }) as never;
    expect(clientAddress(req('1.1.1.1'), 0)).toBe('10.0.0.5');
    expect(clientAddress(req('6.6.6.6, 1.1.1.1'), 1)).toBe('1.1.1.1');
    expect(clientAddress(req('6.6.6.6, 1.1.1.1, 10.0.0.4'), 2)).toBe('1.1.1.1');
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.5');
    expect(clientAddress(req('not-an-address'), 1)).toBe('10.0.0.5');
    expect(clientAddress(req(undefined, '::ffff:192.0.2.4'), 0)).toBe('192.0.2.4');
  });

  it('counts an IPv6 client by its /64', () => {
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(limitKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
