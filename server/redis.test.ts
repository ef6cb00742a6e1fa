/**
 * Two instances of the server against one real redis-server (Debian's package): what one instance
 * takes, the other lists; the per-client window is one for both; and when Redis goes away, the
 * health check and the API say so. Without redis-server the suite is skipped on a workstation, and
 * FAILS under CI (CI is set), where `.ci/run` installs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from './handler.js';
import { createAppServer, shutdown } from './standalone.js';
import { createMemoryStore } from './state/memory.js';
import { createRedisStore } from './state/redis.js';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const available = existsSync(REDIS_SERVER);

if (!available && process.env.CI) {
  describe('Redis integration', () => {
    it('needs redis-server', () => {
      throw new Error(
        `redis-server is missing (looked for ${REDIS_SERVER}). Install Debian's redis-server (.ci/run does) or set REDIS_SERVER.`,
      );
    });
  });
}
if (!available && !process.env.CI) {
  console.warn(`Redis integration tests skipped: ${REDIS_SERVER} is missing (apt-get install redis-server).`);
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return child;
}

type App = ReturnType<typeof createAppServer>;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function call(
  app: App,
  path: string,
  { method = 'GET', body, headers = {} }: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { port } = app.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const CARD = { '@type': 'MessageCard', summary: 'Deployed', text: 'Shared through Redis ✅' };
const ENVELOPE = {
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hi' }] },
    },
  ],
};

describe.runIf(available)('two instances sharing one redis-server', () => {
  let redis: ChildProcess;
  let a: App;
  let b: App;
  const logs: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const root = mkdtempSync(join(tmpdir(), 'mcd-redis-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>designer</title>');
    mkdirSync(join(root, 'assets'));
    const prefix = `test-${process.pid}:`;
    const instance = () =>
      createAppServer({
        root,
        api: createApiHandler({
          store: createRedisStore({ url: `redis://127.0.0.1:${port}`, prefix, warn: (line) => logs.push(line) }),
          clientLimit: 5,
          trustProxy: 1,
        }),
      });
    [a, b] = [instance(), instance()];
    for (const app of [a, b]) await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  }, 20_000);

  afterAll(async () => {
    for (const app of [a, b]) if (app?.listening) await shutdown(app, 1_000);
    redis?.kill('SIGTERM');
  });

  it('lists through one instance the card posted through the other (connector inbox)', async () => {
    const post = await call(a, '/api/inbox/team', {
      method: 'POST',
      body: JSON.stringify(CARD),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1' },
    });
    expect(post).toMatchObject({ status: 200, text: '1' });
    const list = JSON.parse((await call(b, '/api/inbox?name=team')).text) as { items: { card: unknown }[] };
    expect(list.items.map((item) => item.card)).toEqual([CARD]);
    const all = JSON.parse((await call(b, '/api/inbox')).text) as { items: unknown[] };
    expect(all.items).toHaveLength(1);
  });

  it('lists through one instance the run recorded by the other (Workflows webhook), and clears it there', async () => {
    const post = await call(b, '/api/workflows/flow', {
      method: 'POST',
      body: JSON.stringify(ENVELOPE),
      headers: { 'x-forwarded-for': '203.0.113.2' },
    });
    expect(post.status).toBe(202);
    // A send through the proxy to the local webhook of instance A lands in the same store.
    const { port } = a.address() as AddressInfo;
    const send = await call(a, '/api/send', {
      method: 'POST',
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/api/workflows/flow`, payload: ENVELOPE }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.2' },
    });
    expect(send.status).toBe(200);
    const runs = JSON.parse((await call(a, '/api/workflows/flow')).text) as { status: string; id: string }[];
    expect(runs.map((run) => run.status)).toEqual(['Succeeded', 'Succeeded']);
    expect(new Set(runs.map((run) => run.id)).size).toBe(2);
    const everyName = JSON.parse((await call(b, '/api/workflows')).text) as { name: string }[];
    expect(everyName.map((run) => run.name)).toEqual(['flow', 'flow']);

    expect((await call(a, '/api/workflows/flow', { method: 'DELETE' })).status).toBe(200);
    expect(JSON.parse((await call(b, '/api/workflows/flow')).text)).toEqual([]);
  });

  it('shares one rate window per client between the instances', async () => {
    const post = (app: App, client: string) =>
      call(app, '/api/workflows/limited', {
        method: 'POST',
        body: JSON.stringify(ENVELOPE),
        headers: { 'x-forwarded-for': client },
      });
    // Five a minute for 198.51.100.7, whichever instance takes them.
    for (const app of [a, b, a, b, a]) expect((await post(app, '198.51.100.7')).status).toBe(202);
    const refused = await post(b, '198.51.100.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'client-limit' });
    // Another client (as the trusted proxy reports it) has its own window.
    expect((await post(a, '198.51.100.8')).status).toBe(202);
  });

  it('reports Redis in its health check, and 503 once Redis is gone', async () => {
    expect(JSON.parse((await call(a, '/healthz')).text)).toEqual({
      status: 'ok',
      state: { store: 'redis', reachable: true },
    });
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    const health = await call(b, '/healthz');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toEqual({ status: 'unavailable', state: { store: 'redis', reachable: false } });
    const list = await call(b, '/api/inbox');
    expect(list.status).toBe(503);
    expect(JSON.parse(list.text)).toMatchObject({ code: 'state-unavailable' });
    // The password-free address only, and said once per outage.
    expect(logs.join('\n')).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is not reachable/);
  }, 15_000);
});

describe.runIf(available)('the Redis store keeps the memory store’s contract', () => {
  let redis: ChildProcess;
  let url: string;
  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
  }, 20_000);
  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  /** Both stores on one made-up clock, with small bounds. */
  function both(ttlMs = 86_400_000) {
    const clock = { now: 1_000_000 };
    const now = () => clock.now;
    const bounds = { keep: 3, maxNames: 2 };
    const prefix = `contract-${Math.random().toString(36).slice(2)}:`;
    return {
      clock,
      stores: [createMemoryStore({ now, ttlMs, bounds }), createRedisStore({ url, now, ttlMs, bounds, prefix })],
    };
  }

  it('lists, bounds and clears alike', async () => {
    const { clock, stores } = both();
    const seen = [];
    for (const store of stores) {
      for (let i = 0; i < 5; i++) await store.push('inbox', 'a', { receivedAt: ++clock.now, i } as never);
      await store.push('inbox', 'b', { receivedAt: ++clock.now });
      await store.push('inbox', 'c', { receivedAt: ++clock.now });
      const names = (await store.lists('inbox')).map((l) => l.name).sort();
      await store.clear('inbox', 'b');
      seen.push({
        a: await store.list('inbox', 'a'),
        names,
        afterClear: (await store.lists('inbox')).map((l) => l.name),
      });
      await store.clear('inbox');
      expect(await store.lists('inbox')).toEqual([]);
      await store.close();
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]!.names).toEqual(['b', 'c']);
  });

  it('expires entries alike', async () => {
    const { clock, stores } = both(100);
    for (const store of stores) {
      const start = clock.now;
      await store.push('runs', 'x', { receivedAt: start });
      clock.now = start + 50;
      await store.push('runs', 'x', { receivedAt: clock.now });
      expect(await store.list('runs', 'x')).toHaveLength(2);
      clock.now = start + 110;
      expect(await store.list('runs', 'x')).toHaveLength(1);
      clock.now = start + 500;
      expect((await store.lists('runs')).flatMap((l) => l.entries)).toEqual([]);
      clock.now = start + 1_000;
      await store.close();
    }
  });

  it('counts hits in sliding windows alike, with the same waits', async () => {
    const { clock, stores } = both();
    const windows = [
      { ms: 1_000, max: 2 },
      { ms: 10_000, max: 3 },
    ];
    const waits: number[][] = [];
    for (const store of stores) {
      const start = clock.now;
      const mine: number[] = [];
      for (const at of [0, 100, 200, 1_000, 1_200, 10_001, 10_050]) {
        clock.now = start + at;
        mine.push(await store.hit('k', windows));
      }
      waits.push(mine);
      clock.now = start + 100_000;
      await store.close();
    }
    expect(waits[0]).toEqual([0, 0, 800, 0, 8_800, 0, 50]);
    expect(waits[1]).toEqual(waits[0]);
  });
});
