import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run, type CliIo } from './main.ts';
import { planSend } from './send.ts';

const welcome = fileURLToPath(new URL('../src/card/samples/welcome.json', import.meta.url));

/** The secret part of every test URL: it must never be printed. */
const SECRET = 'IncomingWebhook/0123456789abcdef0123456789abcdef/secret-owner/V2topSecretToken';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A loopback webhook: each test sets how it answers, and reads what it received. */
let server: Server;
let origin: string;
let handler: Handler;
let received: { method?: string; path?: string; headers: IncomingMessage['headers']; body: string }[];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method, path: request.url, headers: request.headers, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  handler = (_request, _body, response) => response.end('1');
});

const answer =
  (status: number, body = '', headers: Record<string, string> = {}): Handler =>
  (_request, _body, response) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(body);
  };

async function cli(argv: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
  };
  const code = await run(argv, io);
  // The URL is a secret: neither its path nor its token may appear anywhere in the output.
  expect(stdout + stderr).not.toContain(SECRET);
  expect(stdout + stderr).not.toContain('topSecretToken');
  return { code, stdout, stderr };
}

const hookUrl = () => `${origin}/webhookb2/abc@def/${SECRET}`;

describe('messagecard send', () => {
  it('posts the card as written to a non-Workflows URL and exits 0 on 200 "1"', async () => {
    const result = await cli(['send', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Delivered \(HTTP 200, \d+ ms\)\n/);
    expect(result.stdout).toContain('Teams accepted the card and posted it to the channel (it answered 1).');
    expect(result.stderr).toContain(`to ${origin}/••••••••oken (Not a Teams webhook host)`);
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.path).toBe(`/webhookb2/abc@def/${SECRET}`);
    expect(received[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    const posted = JSON.parse(received[0]!.body);
    expect(posted['@type']).toBe('MessageCard');
    expect(posted.title).toBe('Release 2.4 is ready for review');
  });

  it('takes the URL from TEAMS_WEBHOOK_URL and the card from standard input', async () => {
    const result = await cli(['send', '-'], {
      env: { TEAMS_WEBHOOK_URL: hookUrl() },
      stdin: '{"summary":"s","text":"Hello"}',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(received[0]!.body)).toEqual({ summary: 's', text: 'Hello' });
    expect(result.stderr).toContain('sending <stdin> as a MessageCard');
  });

  it('posts the Workflows envelope with --format adaptive, and reads a 202 as accepted', async () => {
    handler = answer(202);
    const result = await cli(['send', '--format', 'adaptive', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Accepted by Workflows.*\(HTTP 202, \d+ ms\)\n/);
    expect(result.stdout).toContain('run history');
    const message = JSON.parse(received[0]!.body);
    expect(message.type).toBe('message');
    expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(result.stderr).toMatch(/the conversion made \d+ notes, \d+ about something lost/);
  });

  it('sends an Adaptive Card or a Workflows message as it is, without converting it again', async () => {
    handler = answer(202);
    const message = {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: {} }],
    };
    const asWritten = await cli(['send', '--format', 'adaptive', '--url', hookUrl(), '-'], {
      stdin: JSON.stringify(message),
    });
    expect(asWritten.code).toBe(0);
    expect(asWritten.stderr).toContain('as written (it is already a Workflows message)');
    expect(JSON.parse(received[0]!.body)).toEqual(message);
    const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hi' }] };
    await cli(['send', '--url', hookUrl(), '-'], { stdin: JSON.stringify(card) });
    expect(JSON.parse(received[1]!.body)).toMatchObject({ type: 'message', attachments: [{ content: card }] });
  });

  it('exits 1 on a 400 and shows the answer', async () => {
    handler = answer(400, 'Summary or Text is required.');
    const result = await cli(['send', '--url', hookUrl(), '-'], { stdin: '{"title":"no summary"}' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Refused: the card needs a summary or a text \(HTTP 400, \d+ ms\)\n/);
    expect(result.stdout).toContain('Answer: Summary or Text is required.');
    expect(result.stderr).toContain('error  summary-or-text-required');
  });

  it("exits 1 on Teams' 200-wrapped delivery failure", async () => {
    handler = answer(
      200,
      'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413 with ContextId tcid=0,server=msgapi-canary-eus2-0,cv=x.',
    );
    const result = await cli(['send', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Not delivered: Teams answered 200, but with error 413 \(HTTP 200/);
    expect(result.stdout).toContain('The card is too large for Teams');
    expect(result.stdout).toContain('Answer: Webhook message delivery failed');
  });

  it('exits 1 when 200 does not confirm with a number', async () => {
    handler = answer(200, 'ok');
    const result = await cli(['send', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Answered 200, but not with 1/);
  });

  it('gives up after the time limit when the webhook never answers, and exits 1', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const result = await cli(['send', '--timeout', '0.3', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.stdout).toMatch(/^No answer in time\nThe webhook did not answer within 300 ms/);
  });

  it('does not follow a redirect, and never prints the URL a redirect or an answer repeats', async () => {
    handler = answer(302, `moved from ${hookUrl()}`, { location: `${origin}/elsewhere` });
    const result = await cli(['send', '--url', hookUrl(), welcome]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Redirected: not followed \(HTTP 302/);
    expect(received).toHaveLength(1);
    expect(result.stdout).toContain(`Answer: moved from ${origin}/••••••••oken`);
  });

  it('exits 1 with the network error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await cli(['send', '--url', `http://127.0.0.1:${port}/${SECRET}`, welcome]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`Network error\n127.0.0.1:${port} refused the connection.\n`);
  });

  it('answers usage errors with exit 2 and sends nothing', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['send', welcome], /send needs a webhook URL: --url URL, or the TEAMS_WEBHOOK_URL/],
      [['send', '--url', hookUrl(), '--format', 'slack', welcome], /unknown format 'slack'/],
      [['send', '--url', hookUrl(), '--timeout', '0', welcome], /--timeout takes a number of seconds/],
      [['send', '--url', hookUrl()], /send needs a FILE/],
      [['send', '--url', hookUrl(), welcome, welcome], /one FILE at a time/],
      [['send', '--url', hookUrl(), '/nonexistent/card.json'], /cannot read \/nonexistent\/card.json: no such file/],
      [['send', '-'], /not valid JSON \(line 1, column \d+/, { TEAMS_WEBHOOK_URL: hookUrl() }],
      [['send', '--url', 'not a url', welcome], /the webhook URL is not usable/],
      [['send', '--url', `http://contoso.webhook.office.com/webhookb2/${SECRET}`, welcome], /https only/],
    ];
    for (const [argv, message, env] of cases) {
      const result = await cli(argv, { env, stdin: '{"summary": "x",' });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect((await cli(['send', '--url', hookUrl(), '-'], { stdin: '[1, 2]' })).stderr).toContain('not a card');
    expect(received).toHaveLength(0);
  });

  it('defaults to the Adaptive Card envelope for Workflows URLs only', () => {
    const flow =
      'https://default0123.45.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=1&sig=FAKE';
    expect(planSend(flow, undefined).format).toBe('adaptive');
    expect(planSend(flow, 'messagecard').format).toBe('messagecard');
    expect(planSend(`https://contoso.webhook.office.com/webhookb2/${SECRET}`, undefined).format).toBe('messagecard');
    expect(planSend(`https://contoso.webhook.office.com/webhookb2/${SECRET}`, 'adaptive').format).toBe('adaptive');
    expect(planSend('https://example.com/hook', undefined).format).toBe('messagecard');
    // The designer's own test webhooks, on this machine.
    expect(planSend('http://127.0.0.1:5173/api/workflows/default', undefined)).toMatchObject({
      format: 'adaptive',
      info: { kind: 'local-workflows' },
    });
    expect(planSend('http://localhost:5173/api/inbox/default', undefined)).toMatchObject({
      format: 'messagecard',
      info: { kind: 'local-inbox' },
    });
  });

  it('has its own help page', async () => {
    const help = await cli(['help', 'send']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('TEAMS_WEBHOOK_URL');
    expect((await cli(['--help'])).stdout).toContain('send [--format messagecard|adaptive] [--url URL] FILE|-');
  });
});
