import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler, MAX_RELAY_BYTES, pinnedLookup } from './handler.js';
import { createInbox } from './inbox.js';
import { createRequestLog } from './log.js';
import { checkTarget, parseAllowList } from './policy.js';
import { createWorkflows } from './workflows.js';

// --- a tiny harness: a receiver that records what it got, a trap that must get nothing, the proxy

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, number]> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, (server.address() as AddressInfo).port];
}

let receiver: Server;
let receiverPort: number;
const received: Received[] = [];
let reply: Reply = (_req, res) => res.end('1');

let trap: Server;
let trapPort: number;
let trapHits = 0;

let proxy: Server;
let proxyPort: number;
const logLines: string[] = [];
let now = 1_000_000;

beforeAll(async () => {
  [receiver, receiverPort] = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      reply(req, res);
    });
  });
  [trap, trapPort] = await listen((_req, res) => {
    trapHits++;
    res.end('1');
  });
  const handle = createApiHandler({
    allow: parseAllowList(`http://127.0.0.1:${receiverPort}, not a url`),
    timeoutMs: 400,
    inbox: createInbox({ now: () => now }),
    workflows: createWorkflows({ now: () => now }),
    // Only names the tests make up: never the real DNS.
    resolve: async (host) => {
      if (host === 'inside.webhook.office.com') return [{ address: '10.1.2.3', family: 4 }];
      if (host === 'mixed.webhook.office.com')
        return [
          { address: '52.96.0.1', family: 4 },
          { address: '::1', family: 6 },
        ];
      if (host === 'mapped.webhook.office.com') return [{ address: '::ffff:169.254.169.254', family: 6 }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    },
  });
  const requestLog = createRequestLog({ write: (line) => logLines.push(line) });
  [proxy, proxyPort] = await listen((req, res) => {
    requestLog(req, res);
    void handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end('passed on');
      }
    });
  });
});

afterEach(() => {
  received.length = 0;
  reply = (_req, res) => res.end('1');
});

afterAll(async () => {
  for (const server of [receiver, trap, proxy]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  // Across every test above: a webhook URL's path or query never reached the log.
  expect(logLines.length).toBeGreaterThan(5);
  for (const line of logLines) expect(line).not.toMatch(/secret|sig=|IncomingWebhook|\/hook/);
});

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: () => Record<string, unknown>;
}

function call(
  path: string,
  {
    method = 'POST',
    body,
    headers = {},
  }: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sameOrigin = () => ({
  'content-type': 'application/json',
  origin: `http://127.0.0.1:${proxyPort}`,
  'sec-fetch-site': 'same-origin',
});

function send(url: string, payload: unknown = { summary: 'Hi', text: 'Hello' }, headers = sameOrigin()) {
  return call('/api/send', { body: JSON.stringify({ url, payload }), headers });
}

const CARD = { '@type': 'MessageCard', summary: 'Déploiement ✅', text: 'Emoji 🚀 and 中文 intact' };

// ------------------------------------------------------------------------------------------------

describe('the proxy forwards to an allowed receiver', () => {
  it('posts the exact UTF-8 bytes of the payload as JSON and relays the answer', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'set-cookie': 'a=b', 'x-trace': 't1' });
      res.end('1');
    };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook/secret-path?sig=secret`, CARD);
    expect(answer.status).toBe(200);
    const result = answer.json() as { upstream: Record<string, unknown>; elapsedMs: number };
    expect(result.upstream).toMatchObject({ status: 200, body: '1', truncated: false });
    expect(result.upstream.headers).toMatchObject({ 'x-trace': 't1', 'content-type': 'text/plain; charset=utf-8' });
    expect(result.upstream.headers).not.toHaveProperty('set-cookie');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);

    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.path).toBe('/hook/secret-path?sig=secret');
    expect(received[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received[0]!.body.equals(Buffer.from(JSON.stringify(CARD), 'utf8'))).toBe(true);
  });

  it('relays Teams-style failures as answers, not as errors of its own', async () => {
    reply = (_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Summary or Text is required.');
    };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    expect(answer.status).toBe(200);
    expect(answer.json().upstream).toMatchObject({ status: 400, body: 'Summary or Text is required.' });
  });

  it('cuts an oversized answer at the relay cap and says so', async () => {
    reply = (_req, res) => res.end('x'.repeat(MAX_RELAY_BYTES * 3));
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    const upstream = answer.json().upstream as { body: string; truncated: boolean };
    expect(upstream.truncated).toBe(true);
    expect(upstream.body).toHaveLength(MAX_RELAY_BYTES);
  });
});

describe('the proxy refuses requests that do not come from the designer', () => {
  it('refuses a GET', async () => {
    const answer = await call('/api/send', { method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.json()).toMatchObject({ code: 'method-not-allowed' });
  });

  it('refuses a POST from another origin', async () => {
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`, CARD, {
      ...sameOrigin(),
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'cross-origin' });
    expect(received).toHaveLength(0);
  });

  it('refuses a POST whose Origin matches but whose Sec-Fetch-Site says same-site', async () => {
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`, CARD, {
      ...sameOrigin(),
      'sec-fetch-site': 'same-site',
    });
    expect(answer.json()).toMatchObject({ code: 'cross-origin' });
  });

  it('refuses the opaque origin "null" of sandboxed frames', async () => {
    const headers = { 'content-type': 'application/json', origin: 'null' };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`, CARD, headers as never);
    expect(answer.json()).toMatchObject({ code: 'cross-origin' });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'refuses a body sent as %s, as a form on another site would post it',
    async (type) => {
      const headers: Record<string, string> = { origin: `http://127.0.0.1:${proxyPort}` };
      if (type) headers['content-type'] = type;
      const answer = await call('/api/send', {
        body: JSON.stringify({ url: `http://127.0.0.1:${receiverPort}/hook`, payload: CARD }),
        headers,
      });
      expect(answer.status).toBe(415);
      expect(answer.json()).toMatchObject({ code: 'content-type' });
      expect(received).toHaveLength(0);
    },
  );

  it('refuses a request body over 64 KB', async () => {
    const payload = { summary: 'x', text: 'y'.repeat(70 * 1024) };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`, payload);
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ code: 'body-too-large' });
    expect(received).toHaveLength(0);
  });

  it('refuses a body that is not JSON, or lacks url or payload', async () => {
    expect((await call('/api/send', { body: '{nope', headers: sameOrigin() })).json()).toMatchObject({
      code: 'body-invalid',
    });
    expect((await call('/api/send', { body: '{"url":"x"}', headers: sameOrigin() })).json()).toMatchObject({
      code: 'body-invalid',
    });
  });

  it('passes other paths on', async () => {
    const answer = await call('/index.html', { method: 'GET' });
    expect(answer.text).toBe('passed on');
  });
});

describe('the proxy refuses targets outside the Teams webhook hosts', () => {
  const inside = () => [
    `http://127.0.0.2:${trapPort}/hook`,
    `http://127.1:${trapPort}/hook`,
    `http://2130706433:${trapPort}/hook`,
    `http://0x7f000001:${trapPort}/hook`,
    `http://0177.0.0.1:${trapPort}/hook`,
    `http://[::1]:${trapPort}/hook`,
    `http://[::ffff:127.0.0.1]:${trapPort}/hook`,
    `http://[::ffff:7f00:1]:${trapPort}/hook`,
    `http://0.0.0.0:${trapPort}/hook`,
    `http://0:${trapPort}/hook`,
    `http://[::]:${trapPort}/hook`,
    'https://10.0.0.1/hook',
    'https://172.16.5.4/hook',
    'https://192.168.0.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://224.0.0.1/hook',
    'https://[ff02::1]/hook',
    `http://localhost:${trapPort}/hook`,
    `http://app.localhost:${trapPort}/hook`,
  ];

  it('refuses private, loopback, link-local, unspecified and multicast addresses in every spelling', async () => {
    for (const url of inside()) {
      const answer = await send(url);
      expect(answer.status, url).toBe(403);
      expect(answer.json().code, url).toBe('address-refused');
    }
    expect(trapHits).toBe(0);
  });

  it('refuses a Teams-looking name that resolves to an inside address', async () => {
    for (const host of ['inside', 'mixed', 'mapped']) {
      const answer = await send(`https://${host}.webhook.office.com/webhookb2/secret/IncomingWebhook/x/y`);
      expect(answer.status, host).toBe(403);
      expect(answer.json().code, host).toBe('address-refused');
    }
  });

  it('says so when a webhook host name does not resolve', async () => {
    const answer = await send('https://nowhere.webhook.office.com/webhookb2/secret');
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ code: 'dns-failed' });
  });

  it('refuses plain http to a Teams host', async () => {
    const answer = await send('http://contoso.webhook.office.com/webhookb2/secret');
    expect(answer.json()).toMatchObject({ code: 'https-required' });
  });

  it('refuses hosts that are not Teams webhooks, public IPs, odd ports, credentials and other schemes', async () => {
    expect((await send('https://example.com/hook')).json()).toMatchObject({ code: 'host-not-allowed' });
    expect((await send('https://webhook.office.com.evil.example/hook')).json()).toMatchObject({
      code: 'host-not-allowed',
    });
    expect((await send('https://52.96.0.1/hook')).json()).toMatchObject({ code: 'host-not-allowed' });
    expect((await send('https://contoso.webhook.office.com:8443/webhookb2/x')).json()).toMatchObject({
      code: 'port-refused',
    });
    expect((await send('https://u:p@contoso.webhook.office.com/webhookb2/x')).json()).toMatchObject({
      code: 'credentials-refused',
    });
    expect((await send('file:///etc/passwd')).json()).toMatchObject({ code: 'scheme-refused' });
    expect((await send('not a url')).json()).toMatchObject({ code: 'url-invalid' });
    expect((await send('')).json()).toMatchObject({ code: 'url-missing' });
  });

  it('allows only the exact origins of WEBHOOK_ALLOW: another port of the same host is refused', async () => {
    const answer = await send(`http://127.0.0.1:${trapPort}/hook`);
    expect(answer.json()).toMatchObject({ code: 'address-refused' });
    expect(trapHits).toBe(0);
  });
});

describe('the proxy bounds what the upstream can do', () => {
  it('follows no redirect', async () => {
    reply = (_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${trapPort}/elsewhere` });
      res.end();
    };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ code: 'redirect-refused', upstream: { status: 307 } });
    expect(trapHits).toBe(0);
  });

  it('gives up on a slow upstream after its time limit', async () => {
    reply = () => {}; // never answers
    const started = Date.now();
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    expect(answer.status).toBe(504);
    expect(answer.json()).toMatchObject({ code: 'upstream-timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on an upstream that starts answering and then drips', async () => {
    reply = (_req, res) => {
      res.writeHead(200);
      res.write('1');
    };
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    expect(answer.json()).toMatchObject({ code: 'upstream-timeout' });
  });

  it('reports a connection that is cut as a network error', async () => {
    reply = (req) => req.socket.destroy();
    const answer = await send(`http://127.0.0.1:${receiverPort}/hook`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ code: 'upstream-unreachable' });
  });

  it('connects to the address it checked, whatever the name resolves to later', () => {
    const lookup = pinnedLookup({ address: '52.96.0.1', family: 4 });
    const results: unknown[] = [];
    lookup('contoso.webhook.office.com', { all: true }, (...args: unknown[]) => results.push(args));
    lookup('contoso.webhook.office.com', {}, (...args: unknown[]) => results.push(args));
    expect(results).toEqual([
      [null, [{ address: '52.96.0.1', family: 4 }]],
      [null, '52.96.0.1', 4],
    ]);
  });
});

describe('checkTarget', () => {
  it.each([
    'https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d/V2abc',
    'https://outlook.office.com/webhook/a@b/IncomingWebhook/c/d',
    'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x',
    'https://default1234.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x',
  ])('accepts the Teams webhook URL %s', (url) => {
    expect(checkTarget(url, new Set())).toMatchObject({ ok: true, allowed: false });
  });
});

describe('the local inbox', () => {
  it('answers 1 and keeps the card, which GET /api/inbox lists', async () => {
    const post = await call('/api/inbox/team', {
      body: JSON.stringify(CARD),
      headers: { 'content-type': 'application/json' },
    });
    expect(post.status).toBe(200);
    expect(post.text).toBe('1');
    const list = (await call('/api/inbox?name=team', { method: 'GET' })).json() as { items: { card: unknown }[] };
    expect(list.items[0]!.card).toEqual(CARD);
  });

  it('answers "Summary or Text is required." as Teams does', async () => {
    const post = await call('/api/inbox/team', { body: '{"title":"no summary"}' });
    expect(post.status).toBe(400);
    expect(post.text).toBe('Summary or Text is required.');
  });

  it('wraps a card over 28 KB in a 200 that reports HTTP error 413', async () => {
    const post = await call('/api/inbox/big', { body: JSON.stringify({ summary: 'x', text: 'y'.repeat(29 * 1024) }) });
    expect(post.status).toBe(200);
    expect(post.text).toMatch(/^Webhook message delivery failed with error: .*HTTP error 413 /);
  });

  it('throttles the fifth card within a second with a wrapped 429, and lets it through a second later', async () => {
    now += 100_000;
    const body = JSON.stringify(CARD);
    for (let i = 0; i < 4; i++) expect((await call('/api/inbox/fast', { body })).text).toBe('1');
    expect((await call('/api/inbox/fast', { body })).text).toMatch(/HTTP error 429/);
    now += 1000;
    expect((await call('/api/inbox/fast', { body })).text).toBe('1');
  });

  it('answers a GET on the webhook as Teams does, and 404 for names it cannot hold', async () => {
    const get = await call('/api/inbox/team', { method: 'GET' });
    expect(get.text).toBe('Invalid webhook request - GET not supported');
    expect((await call('/api/inbox/..%2Fetc', { body: '{}' })).status).toBe(404);
  });

  it('receives cards sent through the proxy to its own URL without a network hop', async () => {
    now += 100_000;
    const answer = await send(`http://127.0.0.1:${proxyPort}/api/inbox/proxied`, CARD);
    expect(answer.json().upstream).toMatchObject({ status: 200, body: '1' });
    const list = (await call('/api/inbox?name=proxied', { method: 'GET' })).json() as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });

  it('is emptied only by the designer itself', async () => {
    const foreign = await call('/api/inbox', { method: 'DELETE', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    await call('/api/inbox', { method: 'DELETE', headers: { origin: `http://127.0.0.1:${proxyPort}` } });
    expect(((await call('/api/inbox', { method: 'GET' })).json().items as unknown[]).length).toBe(0);
  });
});

describe('the local Workflows webhook', () => {
  const ENVELOPE = {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hi' }] },
      },
    ],
  };
  const runs = async (path: string) =>
    (await call(path, { method: 'GET' })).json() as unknown as Record<string, unknown>[];

  it('answers 202 with an empty body whatever it gets, and lists the runs newest first', async () => {
    now += 100_000;
    const good = await call('/api/workflows/flow', {
      body: JSON.stringify(ENVELOPE),
      headers: { 'content-type': 'application/json' },
    });
    expect(good.status).toBe(202);
    expect(good.text).toBe('');
    now += 1;
    const bad = await call('/api/workflows/flow', { body: '{"text":"no attachments"}' });
    expect(bad.status).toBe(202);
    expect(bad.text).toBe('');
    now += 1;
    expect((await call('/api/workflows/flow', { body: 'not json at all' })).status).toBe(202);

    const list = await runs('/api/workflows/flow');
    expect(list.map((r) => r.status)).toEqual(['Failed', 'Failed', 'Succeeded']);
    expect(list[1]!.error).toMatch(/'@triggerOutputs\(\)\?\['body'\]\?\['attachments'\]' is of type 'Null'/);
    expect(list[2]).toEqual({
      id: expect.any(String),
      receivedAt: now - 2,
      status: 'Succeeded',
      posted: { format: 'adaptive', card: ENVELOPE.attachments[0]!.content, shown: true },
    });
    // Every webhook's runs, each with its name.
    const all = await runs('/api/workflows');
    expect(all.filter((r) => r.name === 'flow')).toHaveLength(3);
  });

  it('reads a body just over 28 KB to the end and fails its run as too large', async () => {
    const big = JSON.stringify({ ...ENVELOPE, pad: 'x'.repeat(29 * 1024) });
    expect((await call('/api/workflows/big', { body: big })).status).toBe(202);
    expect((await runs('/api/workflows/big'))[0]).toMatchObject({
      status: 'Failed',
      error: 'The payload is too large. Please make sure the size is less than 28KB.',
    });
    // Far over: not read, and failed all the same.
    expect((await call('/api/workflows/big', { body: 'y'.repeat(200 * 1024) })).status).toBe(202);
    expect((await runs('/api/workflows/big')).map((r) => r.status)).toEqual(['Failed', 'Failed']);
  });

  it('runs cards sent through the proxy to its own URL without a network hop, answering 202', async () => {
    const answer = await send(`http://127.0.0.1:${proxyPort}/api/workflows/proxied`, ENVELOPE);
    expect(answer.status).toBe(200);
    expect(answer.json().upstream).toMatchObject({ status: 202, body: '' });
    expect(await runs('/api/workflows/proxied')).toHaveLength(1);
    // Another host's /api/workflows is not this server's: it goes through the policy and is refused.
    const elsewhere = await send('http://127.0.0.2:1/api/workflows/proxied', ENVELOPE);
    expect(elsewhere.status).toBe(403);
  });

  it('answers 404 for names it cannot hold, and 405 for other methods', async () => {
    expect((await call('/api/workflows/..%2Fetc', { body: '{}' })).status).toBe(404);
    expect((await call('/api/workflows/%E0%A4%A', { body: '{}' })).status).toBe(404);
    expect((await call(`/api/workflows/${'n'.repeat(65)}`, { body: '{}' })).status).toBe(404);
    expect((await call('/api/inbox/%E0%A4%A', { body: '{}' })).status).toBe(404);
    const put = await call('/api/workflows/flow', { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST, GET, DELETE');
    expect((await call('/api/workflows', { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('forgets runs only for the designer itself: one webhook, or all', async () => {
    await call('/api/workflows/keep', { body: JSON.stringify(ENVELOPE) });
    await call('/api/workflows/drop', { body: JSON.stringify(ENVELOPE) });
    const foreign = await call('/api/workflows/drop', {
      method: 'DELETE',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await call('/api/workflows', { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await runs('/api/workflows/drop')).toHaveLength(1);

    const mine = { origin: `http://127.0.0.1:${proxyPort}` };
    expect((await call('/api/workflows/drop', { method: 'DELETE', headers: mine })).status).toBe(200);
    expect(await runs('/api/workflows/drop')).toEqual([]);
    expect(await runs('/api/workflows/keep')).toHaveLength(1);
    await call('/api/workflows', { method: 'DELETE', headers: mine });
    expect(await runs('/api/workflows')).toEqual([]);
  });
});
