import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { version } from '../package.json';
import { run, type CliIo } from './main.ts';

const corpusDir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const corpusFile = (prefix: string) =>
  corpusDir + readdirSync(corpusDir).find((name) => name.startsWith(`${prefix}-`) && name.endsWith('.json'))!;

/** Runs the command line against real files (and a given standard input), capturing its output. */
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
  return { code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) };
}

describe('messagecard validate', () => {
  it('exits 0 for a valid card and prints a summary on stderr', async () => {
    const file = corpusFile('001');
    const result = await cli(['validate', file]);
    expect(result.code).toBe(0);
    expect(result.lines.every((line) => !line.includes('  error  '))).toBe(true);
    expect(result.stderr).toMatch(/^1 file: 0 errors, \d+ warnings?/);
  });

  it('exits 1 for an invalid card and prints one line per issue', async () => {
    const file = corpusFile('057');
    const result = await cli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.lines).toContainEqual(expect.stringMatching(/:1:1 {2}error {2}summary-or-text-required {2}\S/));
    for (const line of result.lines) expect(line).toMatch(/^.+:\d+:\d+ {2}(error|warning|hint) {2}[a-z0-9-]+ {2}\S/);
    expect(result.lines.every((line) => line.startsWith(`${file}:`))).toBe(true);
  });

  it('reports a syntax error with its line and column', async () => {
    const file = corpusFile('047');
    const result = await cli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/:\d+:\d+ {2}error {2}json-syntax {2}Unexpected comma before }: JSON does not allow/),
    ]);
  });

  it('validates many files and counts them all', async () => {
    const files = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => corpusDir + name);
    const result = await cli(['validate', ...files]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^34 files: \d+ errors, \d+ warnings/);
  });

  it('prints one JSON array with --json', async () => {
    const file = corpusFile('053');
    const result = await cli(['validate', '--json', file]);
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['column', 'file', 'line', 'message', 'path', 'rule', 'severity']);
      expect(issue.file).toBe(file);
      expect(Array.isArray(issue.path)).toBe(true);
    }
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'field-wrong-case', path: ['Sections'] }));
  });

  it('prints an empty JSON array when there is nothing to say', async () => {
    const result = await cli(
      ['validate', '--json', '-'],
      '{"@type": "MessageCard", "@context": "https://schema.org/extensions", "summary": "s", "text": "t"}',
    );
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('reads standard input for -, without a byte order mark', async () => {
    const result = await cli(['validate', '-'], '\ufeff{"summary": "x",}');
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([expect.stringMatching(/^<stdin>:1:16 {2}error {2}json-syntax {2}Unexpected comma/)]);
  });

  it('checks for the host given with --host', async () => {
    const file = corpusFile('007');
    const teams = await cli(['validate', file]);
    const workflows = await cli(['validate', '--host', 'workflows', file]);
    const alsoWorkflows = await cli(['validate', `--host=workflows`, file]);
    expect(teams.stdout).not.toContain('workflows-');
    expect(workflows.stdout).toContain('workflows-');
    expect(alsoWorkflows.stdout).toBe(workflows.stdout);
  });

  it('exits 2 and says why for a file it cannot read, and still checks the others', async () => {
    const good = corpusFile('001');
    const result = await cli(['validate', '/nonexistent/card.json', good]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('messagecard: cannot read /nonexistent/card.json: no such file');
    expect(result.stderr).toMatch(/2 files: 0 errors, \d+ warnings?.*\(1 file could not be read\)/);
    const directory = await cli(['validate', corpusDir]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('it is a directory');
  });
});

describe('messagecard usage', () => {
  const usageCases: [string, string[], RegExp][] = [
    ['no arguments', [], /Usage:/],
    ['an unknown command', ['lint', 'x.json'], /unknown command 'lint'/],
    ['an unknown option', ['--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown validate option', ['validate', '--strict', 'x.json'], /unknown option '--strict' for validate/],
    ['validate without files', ['validate'], /needs at least one FILE/],
    ['validate with a bad host', ['validate', '--host', 'slack', 'x.json'], /unknown host 'slack'/],
    ['validate with --host and no value', ['validate', '--host'], /--host needs a value/],
    ['standard input twice', ['validate', '-', '-'], /only once/],
  ];
  for (const [what, argv, message] of usageCases) {
    it(`exits 2 for ${what}`, async () => {
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    });
  }

  it('prints help on stdout with --help and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('messagecard validate [--json] [--host teams|workflows|outlook] FILE...');
      expect(result.stdout).toContain('validate');
    }
  });

  it('prints the help of a command', async () => {
    for (const argv of [
      ['help', 'validate'],
      ['validate', '--help'],
    ]) {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('FILE:LINE:COL  severity  rule-id  message');
    }
    expect((await cli(['help', 'nope'])).code).toBe(2);
  });

  it('prints the version', async () => {
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('treats names after -- as files', async () => {
    const result = await cli(['validate', '--', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read --json');
  });
});
