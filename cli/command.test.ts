import { describe, expect, it } from 'vitest';
import { parseArgs, type ArgSpec, type CliIo } from './command.ts';

const SPEC: ArgSpec = {
  command: 'demo',
  help: 'Usage: demo\n',
  flags: ['--json'],
  values: { '--host': 'teams or outlook' },
  lists: { '--tag': 'NAME, as in --tag a' },
};

function parse(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (t: string) => (out.stdout += t),
    stderr: (t: string) => (out.stderr += t),
  } as unknown as CliIo;
  return { result: parseArgs(args, SPEC, io), ...out };
}

describe('parseArgs (node:util underneath)', () => {
  it('reads flags, values in both spellings, repeated lists, stdin and files after --', () => {
    const { result } = parse([
      '--json',
      '--host=outlook',
      '--host',
      'teams',
      '--tag',
      'a',
      '--tag=b',
      '-',
      'f',
      '--',
      '--json',
    ]);
    expect(result).toEqual({
      flags: new Set(['--json']),
      values: new Map([['--host', 'teams']]),
      lists: new Map([['--tag', ['a', 'b']]]),
      files: ['-', 'f', '--json'],
    });
  });

  it('prints the help for -h and --help, and exits 0', () => {
    for (const flag of ['-h', '--help'])
      expect(parse(['x', flag])).toMatchObject({ result: 0, stdout: 'Usage: demo\n' });
  });

  it('names an unknown option as it was typed, with exit 2', () => {
    for (const arg of ['--strict', '--json=yes', '-hx', '-x', '--help=1', '--foo=bar']) {
      const { result, stderr } = parse([arg]);
      expect(result, arg).toBe(2);
      expect(stderr).toBe(`messagecard: unknown option '${arg}' for demo\nRun 'messagecard help demo' for usage.\n`);
    }
  });

  it('says what a value option needs when its value is missing', () => {
    expect(parse(['--host']).stderr).toContain('--host needs a value: teams or outlook');
    expect(parse(['--tag']).stderr).toContain('--tag needs NAME, as in --tag a');
    // A value that starts with a dash is still the value, as before.
    expect(parse(['--host', '-x']).result).toMatchObject({ values: new Map([['--host', '-x']]) });
  });
});
