import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from './main.ts';
import { decodeText, isGenerated, outputNames, printable, type JsonFinding } from './scan.ts';
import { readLiteral, scanText } from './scanText.ts';

const FIXTURES = 'cli/fixtures/scan';

/** Parts of the fixture URLs that are secret: none may ever be printed. */
const SECRETS = ['FAKE-', 'V2FakeToken', '0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'];

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => '',
  };
  const code = await run(argv, io);
  for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
  return { code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) };
}

/** Every finding in the fixture tree: FILE:LINE:COL, kind, and the start of the detail. */
const EXPECTED: [string, string, string][] = [
  [
    '.env:3:19',
    'webhook-url',
    'Workflows  https://default0a1b2c3d4e5f.6a.environment.api.powerplatform.com/••••••••ture',
  ],
  ['.env:4:13', 'webhook-url', 'other webhook (not a Teams host)  https://hooks.example.com/••••••••ilds'],
  [
    '.github/workflows/ci.yml:7:22',
    'webhook-url',
    'retired connector (outlook.office.com, the pre-2021 form)  https://outlook.office.com/••••••••eeee',
  ],
  ['alert.py:6:12', 'webhook-url', 'Workflows  https://default0a1b2c3d4e5f.6a.environment.api.powerplatform.com/'],
  ['alert.py:10:16', 'messagecard', '“Disk almost full on web-01”  Python body  '],
  ['cards/broken.json:1:1', 'messagecard', 'JSON file  could not be read: Unexpected comma before }'],
  ['cards/build-failed.json:1:1', 'messagecard', '“Build 42 failed”  JSON file  '],
  [
    'deploy.sh:5:12',
    'webhook-url',
    'retired connector (Office 365 incoming webhook)  https://contoso.webhook.office.com/••••••••-abc',
  ],
  ['deploy.sh:9:1', 'messagecard', '“Deployment finished”  curl body  '],
  [
    'notify.ps1:2:9',
    'webhook-url',
    'Workflows (old logic.azure.com trigger host)  https://prod-12.westeurope.logic.azure.com/••••••••ture',
  ],
  ['notify.ps1:14:1', 'messagecard', '“Nightly report is ready”  PowerShell body  '],
  [
    'notify.ps1:18:1',
    'messagecard',
    'PowerShell body  could not be read: The PowerShell snippet builds its body from a hashtable',
  ],
  ['src/notify.js:4:28', 'messagecard', '“Release published”  object literal  '],
  ['src/notify.js:11:28', 'messagecard', 'object literal  could not be read: a value is computed (“release,…”).'],
];

describe('messagecard scan', () => {
  it('finds every webhook URL and MessageCard in the fixture tree, one line each, and exits 1 for a retired URL', async () => {
    const result = await cli(['scan', FIXTURES]);
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(EXPECTED.length);
    result.lines.forEach((line, k) => {
      const [where, kind, detail] = EXPECTED[k]!;
      expect(line.startsWith(`${FIXTURES}/${where}  ${kind}  ${detail}`), `${line}\nexpected ${where} ${detail}`).toBe(
        true,
      );
    });
    for (const line of result.lines.filter(
      (l) => l.includes('could not be read') === false && l.includes('messagecard'),
    )) {
      expect(line).toMatch(/ {2}(\d+ issues? for Workflows \(\d+ \w+(, \d+ \w+)*\)|no issues for Workflows)$/);
    }
    expect(result.stderr).toBe(
      '9 files scanned (skipped 1 binary): 6 webhook URLs (2 retired connector, 3 Workflows, 1 other), 8 MessageCards (3 could not be read)\n',
    );
  });

  it('skips node_modules and binary files, and reports nothing for JSON that is not a card', async () => {
    const result = await cli(['scan', FIXTURES]);
    expect(result.stdout).not.toContain('node_modules');
    expect(result.stdout).not.toContain('logo.png');
    expect(result.stdout).not.toContain('settings.json');
    // Named directly, a dependency's file is scanned.
    const direct = await cli(['scan', `${FIXTURES}/node_modules/old-notifier/config.json`]);
    expect(direct.lines).toHaveLength(2);
  });

  it('prints one JSON array with --json', async () => {
    const result = await cli(['scan', '--json', FIXTURES]);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.map((f) => `${f.file.slice(FIXTURES.length + 1)}:${f.line}:${f.column}`)).toEqual(
      EXPECTED.map(([where]) => where),
    );
    const urls = findings.filter((f) => f.kind === 'webhook-url');
    expect(urls.map((f) => f.urlKind)).toEqual([
      'workflows',
      'other',
      'retired-connector',
      'workflows',
      'retired-connector',
      'workflows',
    ]);
    for (const url of urls) expect(url.issues).toBeUndefined();
    const cards = findings.filter((f) => f.kind === 'messagecard');
    expect(cards.map((f) => f.source)).toEqual([
      'python',
      'json-file',
      'json-file',
      'curl',
      'powershell',
      'powershell',
      'object-literal',
      'object-literal',
    ]);
    for (const card of cards) {
      expect(card.urlKind).toBeUndefined();
      expect(Array.isArray(card.issues)).toBe(true);
    }
    const curl = cards.find((f) => f.source === 'curl')!;
    expect(curl.issues).toContainEqual(expect.objectContaining({ severity: 'warning', path: ['potentialAction'] }));
    const hashtable = cards.find((f) => f.line === 18)!;
    expect(hashtable.issues).toEqual([expect.objectContaining({ severity: 'error', rule: 'card-unreadable' })]);
    expect(cards.find((f) => f.file.endsWith('broken.json'))!.issues![0]!.rule).toBe('json-syntax');
  });

  describe('--write', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'scan-write-'));
    });
    afterAll(async () => {
      await rm(out, { recursive: true, force: true });
    });

    it('writes the Workflows message and the report of each card that could be read', async () => {
      const result = await cli(['scan', '--write', out, FIXTURES]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`wrote 5 Workflows messages and reports to ${out}`);
      const names = (await readdir(out)).sort();
      expect(names).toEqual(
        [
          'alert.py-L10.report.txt',
          'alert.py-L10.workflows.json',
          'cards_build-failed.json-L1.report.txt',
          'cards_build-failed.json-L1.workflows.json',
          'deploy.sh-L9.report.txt',
          'deploy.sh-L9.workflows.json',
          'notify.ps1-L14.report.txt',
          'notify.ps1-L14.workflows.json',
          'src_notify.js-L4.report.txt',
          'src_notify.js-L4.workflows.json',
        ].map((name) => `cli_fixtures_scan_${name}`),
      );
      const message = JSON.parse(await readFile(join(out, 'cli_fixtures_scan_deploy.sh-L9.workflows.json'), 'utf8'));
      expect(message.type).toBe('message');
      expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(message.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
      expect(JSON.stringify(message)).toContain('Deployment finished');
      const report = await readFile(join(out, 'cli_fixtures_scan_cards_build-failed.json-L1.report.txt'), 'utf8');
      expect(report).toContain(`${FIXTURES}/cards/build-failed.json:1:1: lost  potentialAction[0]`);
      expect(report).toMatch(/\d+ notes?, \d+ about something lost\n$/);
    });

    it('gives names that cannot collide', () => {
      expect(
        outputNames([
          { file: 'a/b_c.json', line: 1 },
          { file: 'a_b/c.json', line: 1 },
          { file: 'A_b/C.json', line: 1 },
          { file: './x.sh', line: 3 },
        ]),
      ).toEqual(['a_b_c.json-L1', 'a_b_c.json-L1-2', 'A_b_C.json-L1-3', 'x.sh-L3']);
    });

    it('exits 2 when the folder cannot be written', async () => {
      const result = await cli(['scan', '--write', `${FIXTURES}/deploy.sh/out`, `${FIXTURES}/deploy.sh`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot write to ${FIXTURES}/deploy.sh/out`);
    });
  });

  describe('a tree with .git, a large file and UTF-16 text', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'scan-tree-'));
      await cp(`${FIXTURES}/.env`, join(root, 'workflows.env'));
      await mkdir(join(root, '.git'));
      await writeFile(join(root, '.git', 'config'), await readFile(`${FIXTURES}/deploy.sh`));
      await writeFile(join(root, 'big.log'), `${'x'.repeat(1024 * 1024)}\n${await readFile(`${FIXTURES}/deploy.sh`)}`);
      const ps1 = await readFile(`${FIXTURES}/notify.ps1`, 'utf8');
      await writeFile(join(root, 'utf16.ps1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ps1, 'utf16le')]));
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('skips .git and files over 1 MB, reads UTF-16, and exits 0 without a retired URL', async () => {
      const result = await cli(['scan', root]);
      expect(result.code).toBe(0);
      expect(
        result.lines.map((line) =>
          line
            .slice(root.length + 1)
            .split('  ')
            .slice(0, 2)
            .join(' '),
        ),
      ).toEqual([
        'utf16.ps1:2:9 webhook-url',
        'utf16.ps1:14:1 messagecard',
        'utf16.ps1:18:1 messagecard',
        'workflows.env:3:19 webhook-url',
        'workflows.env:4:13 webhook-url',
      ]);
      expect(result.stderr).toMatch(
        /^2 files scanned \(skipped 1 over 1 MB\): 3 webhook URLs \(2 Workflows, 1 other\)/,
      );
    });
  });

  it('answers usage errors with exit 2', async () => {
    expect((await cli(['scan'])).stderr).toContain('scan needs at least one PATH');
    expect((await cli(['scan'])).code).toBe(2);
    expect((await cli(['scan', '-'])).code).toBe(2);
    expect((await cli(['scan', '--write'])).code).toBe(2);
    expect((await cli(['scan', '--frobnicate', FIXTURES])).code).toBe(2);
    const missing = await cli(['scan', '/nonexistent/folder', `${FIXTURES}/alert.py`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/folder: no such file or folder');
    expect(missing.lines).toHaveLength(2); // the other PATH is still scanned
  });

  it('is listed in the help, with its own help page', async () => {
    expect((await cli(['--help'])).stdout).toContain('scan [--json] [--write DIR] PATH...');
    const help = await cli(['help', 'scan']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--write DIR');
  });
});

describe('scanText', () => {
  it('finds the object that holds "@type" past braces and quotes in strings and comments', () => {
    const text = [
      'const note = "a { brace";',
      '// a } comment',
      'send({',
      '  text: "x } y { z",',
      "  '@type': 'MessageCard', // the type",
      '  sections: [{ facts: [] }],',
      '  summary: `s`,',
      '});',
    ].join('\n');
    const [card] = scanText(text, 'x.ts');
    expect(card).toMatchObject({ kind: 'messagecard', line: 3, column: 6, source: 'object-literal' });
    expect(card!.card).toEqual({ text: 'x } y { z', '@type': 'MessageCard', sections: [{ facts: [] }], summary: 's' });
  });

  it('reports a card inside another object once, and not the URLs of links', () => {
    const text = JSON.stringify({
      attachments: [{ content: { '@type': 'MessageCard', summary: 's', text: 'see https://example.com/page' } }],
    });
    const findings = scanText(text, 'payload.txt');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.kind).toBe('messagecard');
  });

  it('takes curl only where a command starts, and reports a card it cannot read', () => {
    expect(scanText('Run curl -d @card.json to post the MessageCard.\n', 'README.md')).toEqual([]);
    const [card] = scanText('Post it:\n\n    $ curl -d @messagecard.json "$URL"\n', 'README.md');
    expect(card).toMatchObject({ line: 3, column: 7, source: 'curl', issues: [{ rule: 'card-unreadable' }] });
    expect(card!.detail).toContain('reads its body from the file messagecard.json');
  });

  it('reads a body set before an earlier command', () => {
    const python = [
      'import requests',
      'card = {"@type": "MessageCard", "summary": "Twice", "text": "Hi"}',
      'requests.post(A, json={"text": "not a card"})',
      'requests.post(B, json=card)',
      '',
    ].join('\n');
    const found = scanText(python, 'twice.py');
    expect(found.map((f) => [f.line, f.source, f.detail.split('  ')[0]])).toEqual([[4, 'python', '“Twice”']]);
    const powershell = [
      '$body = \'{"@type": "MessageCard", "summary": "Ps", "text": "use curl"}\'',
      'Invoke-RestMethod -Uri $a -Method Post -Body $body',
      'Invoke-RestMethod -Uri $b -Method Post -Body $body',
      '',
    ].join('\n');
    const cards = scanText(powershell, 'twice.ps1');
    expect(cards.map((f) => [f.line, f.source, f.card?.text])).toEqual([
      [2, 'powershell', 'use curl'],
      [3, 'powershell', 'use curl'],
    ]);
  });

  it('reads literals as data and refuses code', () => {
    expect(readLiteral('{ a: \'x\', "b": [1, -2.5e3, true, None,], /* c */ }')).toEqual({
      ok: true,
      value: { a: 'x', b: [1, -2500, true, null] },
    });
    expect(readLiteral('{ a: `t ${x}` }')).toMatchObject({ ok: false, message: expect.stringContaining('template') });
    expect(readLiteral('{ ...base, a: 1 }')).toMatchObject({ ok: false, message: expect.stringContaining('spreads') });
    expect(readLiteral('{ a: f(1) }')).toMatchObject({ ok: false, message: expect.stringContaining('computed') });
  });

  it('prints control characters and bidirectional overrides as escapes', () => {
    expect(printable('a\u001b[31mred\u202etxt.exe')).toBe('a\\u001b[31mred\\u202etxt.exe');
  });

  it('skips source maps and minified JavaScript, not long lines elsewhere', () => {
    const long = `${'x'.repeat(6000)}\n`;
    expect(isGenerated('app.js.map', '{}')).toBe(true);
    expect(isGenerated('bundle.js', long)).toBe(true);
    expect(isGenerated('notify.js', 'short\n')).toBe(false);
    expect(isGenerated('deploy.sh', long)).toBe(false);
  });

  it('treats NUL bytes as binary and strips a byte order mark', () => {
    expect(decodeText(Buffer.from('a\0b'))).toBeUndefined();
    expect(decodeText(Buffer.from('\ufeffabc'))).toBe('abc');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('hi', 'utf16le').swap16()]))).toBe('hi');
  });
});
