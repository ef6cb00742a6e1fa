import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardSnippet, SNIPPET_LANGUAGES, WEBHOOK_PLACEHOLDER, type SnippetLanguage } from './snippets.ts';

/** A card with everything that breaks naive quoting in one of the five languages. */
const HAZARDS = JSON.stringify(
  {
    '@type': 'MessageCard',
    summary: `It's "quoted" \\ back\\slashed \\" and \\\\`,
    text: 'Line 1\nLine 2\r\nTab\there ünïcödé 日本語 emoji 😀🚀👩‍💻 \u2028 \u0000 end\\',
    sections: [
      {
        title: "''' triple single, \"\"\" triple double, '@ here-string end, @' start",
        text: 'CARD_JSON\n$HOME ${HOME} $(whoami) `uname` %{http_code} {{comment.value}} \\n literal',
        facts: [{ name: 'C# "verbatim"', value: '@"x"" and \\u0041 and $"{x}"' }],
      },
    ],
    ['__proto__']: { sneaky: true },
    number: 1.5,
    flags: [true, false, null],
  },
  null,
  2,
);

const CORPUS = new URL('../../fixtures/corpus/', import.meta.url);
/** Corpus cards that parse and hold what breaks quoting: quotes, backslashes, newlines, non-ASCII. */
const corpusCards = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, readFileSync(new URL(f, CORPUS), 'utf8')] as const)
  .filter(([, text]) => {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    } catch {
      return false;
    }
    const strings = JSON.stringify(JSON.parse(text));
    return /\\"|\\\\|\\n|[^ -~\s]|'/.test(strings);
  });

function snippet(language: SnippetLanguage, text: string, webhookUrl?: string, compact = false): string {
  const result = cardSnippet(language, text, { webhookUrl, compact });
  if (!result.ok) throw new Error(result.message);
  return result.code;
}

describe('snippets', () => {
  it.each(SNIPPET_LANGUAGES.map((l) => [l.label, l.id] as const))(
    'in %s carry the placeholder, never a URL nobody asked for, and check for Workflows 202 or status 200 and body 1',
    (_label, id) => {
      const code = snippet(id, HAZARDS);
      expect(code).toContain(WEBHOOK_PLACEHOLDER);
      expect(code).toMatch(/202|HttpStatusCode\.Accepted/);
      expect(code).toMatch(/200/);
      expect(code).toMatch(/['"]1['"]|\^\[\[:space:\]\]\*1/);
      expect(snippet(id, HAZARDS, 'https://example.webhook.office.com/webhookb2/abc')).toContain(
        'https://example.webhook.office.com/webhookb2/abc',
      );
    },
  );

  it('refuse a text that does not parse or is not an object', () => {
    expect(cardSnippet('curl', '{"text": ').ok).toBe(false);
    expect(cardSnippet('node', '[1]').ok).toBe(false);
  });

  it('in PowerShell send UTF-8 bytes of an all-ASCII here-string that reads back as the card', () => {
    const code = snippet('powershell', HAZARDS, "https://example.com/it's");
    expect(code).toContain("$webhookUrl = 'https://example.com/it''s'");
    expect(code).toContain('[System.Text.Encoding]::UTF8.GetBytes($card)');
    expect(code).toContain("-ContentType 'application/json; charset=utf-8'");
    expect(code).toMatch(/\$response\.StatusCode -eq 200 -and \$answer -eq '1'/);
    expect([...code].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    const hereString = /\$card = @'\n([\s\S]*?)\n'@\n/.exec(code)?.[1];
    expect(JSON.parse(hereString!)).toEqual(JSON.parse(HAZARDS));
    // A here-string ends at the first line that starts with '@: the card must have none.
    expect(hereString!.split('\n').some((line) => line.startsWith("'@"))).toBe(false);
  });

  it('in C# hold the card in a verbatim string that reads back as the card', () => {
    const code = snippet('csharp', HAZARDS);
    const verbatim = /const string card = @"((?:[^"]|"")*)";/.exec(code)?.[1];
    expect(JSON.parse(verbatim!.replace(/""/g, '"'))).toEqual(JSON.parse(HAZARDS));
    expect(code).toContain('response.StatusCode == HttpStatusCode.OK && answer == "1"');
    expect(code).toContain('Encoding.UTF8, "application/json"');
  });

  it('can put the card on one line', () => {
    const pretty = snippet('python', HAZARDS);
    const compact = snippet('python', HAZARDS, undefined, true);
    expect(compact.length).toBeLessThan(pretty.length);
    expect(compact).toContain(JSON.stringify(JSON.parse(HAZARDS)));
  });
});

// ---------------------------------------------------------------------------------------------
// Running the snippets for real against a loopback receiver that answers the way Teams does.

type Answer = { status: number; body: string };
let server: Server;
let url: string;
let answer: Answer = { status: 200, body: '1' };
const received: { body: Buffer; contentType: string | undefined; method: string | undefined }[] = [];
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'snippets-'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), contentType: req.headers['content-type'], method: req.method });
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhookb2/test`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(workDir, { recursive: true, force: true });
});

/** Checked once, at collection time, so a missing interpreter skips its tests visibly. */
function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const RUNNERS: { language: SnippetLanguage; available: boolean; run(file: string): [string, string[]] }[] = [
  { language: 'curl', available: has('bash', ['-c', 'command -v curl']), run: (f) => ['bash', [f]] },
  { language: 'node', available: true, run: (f) => [process.execPath, [f]] },
  { language: 'python', available: has('python3', ['-c', 'import requests']), run: (f) => ['python3', [f]] },
];

function run(language: SnippetLanguage, code: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const runner = RUNNERS.find((r) => r.language === language)!;
  const file = join(
    workDir,
    `${language}-${received.length}-${Math.random().toString(36).slice(2)}.${language === 'node' ? 'mjs' : 'x'}`,
  );
  writeFileSync(file, code, 'utf8');
  const [command, args] = runner.run(file);
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: 30_000, env: { ...process.env, NO_PROXY: '*', no_proxy: '*', HTTP_PROXY: '', http_proxy: '' } },
      (error, stdout, stderr) => {
        const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code: exit, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const cards: [string, string][] = [
  ['a card with every quoting hazard', HAZARDS],
  ...corpusCards.map(([f, t]) => [f, t] as [string, string]),
];

for (const runner of RUNNERS) {
  describe.skipIf(!runner.available)(`the ${runner.language} snippet, run for real`, () => {
    it.each(cards)('posts %s so that it arrives equal to the card', async (_name, text) => {
      answer = { status: 200, body: '1' };
      const before = received.length;
      // Both layouts for the hazard card; the corpus cards indented only, to keep the run short.
      const layouts = text === HAZARDS ? [false, true] : [false];
      for (const compact of layouts) {
        const result = await run(runner.language, snippet(runner.language, text, url, compact));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Teams accepted the card.');
      }
      const arrived = received.slice(before);
      expect(arrived).toHaveLength(layouts.length);
      for (const request of arrived) {
        expect(request.method).toBe('POST');
        expect(request.contentType).toMatch(/^application\/json; ?charset=utf-8$/i);
        const decoded = new TextDecoder('utf-8', { fatal: true }).decode(request.body);
        expect(JSON.parse(decoded)).toEqual(JSON.parse(text));
      }
    });

    it('reads a Workflows 202 as accepted, not as delivered', async () => {
      answer = { status: 202, body: '' };
      const result = await run(runner.language, snippet(runner.language, HAZARDS, url));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        "Workflows accepted the card; the flow's run history shows whether it was posted.",
      );
    });

    it.each([
      [
        'an HTTP 200 whose body is a wrapped Teams error',
        200,
        'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413 with ContextId tcid=0',
      ],
      ['HTTP 400 "Summary or Text is required."', 400, 'Summary or Text is required.'],
      ['an HTTP 200 with an empty body', 200, ''],
    ])('reports failure when Teams answers with %s', async (_name, status, body) => {
      answer = { status, body };
      const result = await run(runner.language, snippet(runner.language, HAZARDS, url));
      expect(result.code).not.toBe(0);
      expect(result.stdout).not.toContain('Teams accepted the card.');
      expect(result.stderr).toMatch(/Teams did not accept the card/);
    });
  });
}
