import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from './main.ts';

const corpusDir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const corpusFile = (prefix: string) =>
  corpusDir + readdirSync(corpusDir).find((name) => name.startsWith(`${prefix}-`) && name.endsWith('.json'))!;
const welcome = fileURLToPath(new URL('../src/card/samples/welcome.json', import.meta.url));

async function cli(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => stdin,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('messagecard convert', () => {
  it('writes an Adaptive Card 1.4 to stdout and the report to stderr, and exits 0', async () => {
    const result = await cli(['convert', '--to', 'adaptive', welcome]);
    expect(result.code).toBe(0);
    const card = JSON.parse(result.stdout);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(result.stderr).toContain(
      `${welcome}: lost  potentialAction[0].actions[0]  The button “Send note” (HttpPOST`,
    );
    expect(result.stderr).toMatch(/notes, 6 about something lost\n$/);
  });

  it('writes the whole Workflows message with --envelope, in the version asked for', async () => {
    const result = await cli(['convert', '--to=adaptive', '--version', '1.2', '--envelope', welcome]);
    expect(result.code).toBe(0);
    const message = JSON.parse(result.stdout);
    expect(message.type).toBe('message');
    expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.attachments[0].contentUrl).toBeNull();
    expect(message.attachments[0].content.version).toBe('1.2');
  });

  it('reads standard input for -', async () => {
    const result = await cli(['convert', '--to', 'adaptive', '-'], '{"text":"Hello **you**"}');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).body).toEqual([{ type: 'TextBlock', text: 'Hello **you**', wrap: true }]);
    expect(result.stderr).toBe('<stdin>: converted with nothing lost or changed\n');
  });

  it('still converts a card with an error, lists the error and exits 1', async () => {
    const result = await cli(['convert', '--to', 'adaptive', corpusFile('011')]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).type).toBe('AdaptiveCard');
    expect(result.stderr).toMatch(/:\d+:\d+ {2}error {2}summary-or-text-required/);
  });

  it('does not convert text that is not JSON: nothing on stdout, exit 1', async () => {
    const result = await cli(['convert', '--to', 'adaptive', corpusFile('047')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('json-syntax');
    expect(result.stderr).toContain('not converted');
  });

  it('answers usage errors with exit 2', async () => {
    expect((await cli(['convert', welcome])).stderr).toContain('convert needs --to adaptive');
    expect((await cli(['convert', '--to', 'slack', welcome])).code).toBe(2);
    const badVersion = await cli(['convert', '--to', 'adaptive', '--version', '1.6', welcome]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain("unknown Adaptive Card version '1.6' (versions: 1.2, 1.3, 1.4, 1.5)");
    expect((await cli(['convert', '--to', 'adaptive'])).code).toBe(2);
    expect((await cli(['convert', '--to', 'adaptive', welcome, welcome])).code).toBe(2);
    expect((await cli(['convert', '--to', 'adaptive', '/nonexistent/card.json'])).stderr).toContain('no such file');
  });

  it('makes mentions of the names given an ID with --mention, and reports the others on stderr', async () => {
    const card = JSON.stringify({
      text: 'On call: <at>Ada Lovelace</at>, backup <at>Grace</at>, cc <at>Alan</at>',
    });
    const result = await cli(
      [
        'convert',
        '--to',
        'adaptive',
        '--mention',
        'Ada Lovelace=ada@contoso.com',
        '--mention=Grace=not an id',
        '--mention',
        'Bob=bob@contoso.com',
        '-',
      ],
      card,
    );
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.msteams).toEqual({
      width: 'Full',
      entities: [
        { type: 'mention', text: '<at>Ada Lovelace</at>', mentioned: { id: 'ada@contoso.com', name: 'Ada Lovelace' } },
      ],
    });
    expect(output.body[0].text).toBe('On call: <at>Ada Lovelace</at>, backup <at>Grace</at>, cc <at>Alan</at>');
    expect(result.stderr).toContain('<stdin>: --mention Bob: the card has no <at>Bob</at>; ignored\n');
    expect(result.stderr).toContain(
      '<stdin>: approximated  text  <at>Alan</at> has no UPN or Entra object ID: it stays plain text and notifies nobody.',
    );
    expect(result.stderr).toContain('<stdin>: approximated  text  The ID given for <at>Grace</at> is neither a UPN');
  });

  it('leaves the card at standard width with --no-full-width, inside the envelope too', async () => {
    const wide = await cli(['convert', '--to', 'adaptive', '--full-width', '-'], '{"text":"Hi"}');
    expect(JSON.parse(wide.stdout).msteams).toEqual({ width: 'Full' });
    const narrow = await cli(['convert', '--to', 'adaptive', '--no-full-width', '--envelope', '-'], '{"text":"Hi"}');
    expect(narrow.code).toBe(0);
    expect(JSON.parse(narrow.stdout).attachments[0].content).not.toHaveProperty('msteams');
  });

  it('answers a malformed --mention or contradicting width flags with exit 2', async () => {
    for (const args of [
      ['--mention', 'Ada'],
      ['--mention'],
      ['--mention', '=x@y.com'],
      ['--full-width', '--no-full-width'],
    ]) {
      const result = await cli(['convert', '--to', 'adaptive', ...args, '-'], '{"text":"Hi"}');
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    const after = await cli(['convert', '--to', 'adaptive', '--', '--mention'], '');
    expect(after.stderr).toContain('cannot read --mention');
  });

  it('is listed in the help, with its own help page', async () => {
    expect((await cli(['--help'])).stdout).toContain('convert --to adaptive');
    const help = await cli(['help', 'convert']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--envelope');
    expect(help.stdout).toContain('--mention NAME=ID');
    expect(help.stdout).toContain('--no-full-width');
  });
});
