/**
 * `messagecard validate`: the same analysis as the designer's problems list, for files.
 */
import { analyze } from '../src/card/analyze.ts';
import { HOST_PROFILES, type HostProfile, type JsonPath, type Severity } from '../src/card/types.ts';
import { EXIT, oneLine, parseArgs, PROGRAM, readCardFile, usageError, type CliIo, type Command } from './command.ts';

/** One issue in `--json` output. */
export interface JsonIssue {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  path: JsonPath;
}

interface Options {
  json: boolean;
  host: HostProfile;
  files: string[];
}

const HELP = `Usage: ${PROGRAM} validate [--json] [--host teams|workflows|outlook] FILE...

Checks each card FILE (- reads standard input) with the designer's rules and prints
one line per issue:

  FILE:LINE:COL  severity  rule-id  message

and a summary on standard error.

Options:
  --json         print one JSON array of {file, line, column, severity, rule, message, path}
  --host HOST    check for this host: teams (default), workflows or outlook
  -h, --help     show this help

Exit status: 0 when no card has an error (warnings and hints are fine), 1 when one has,
2 for a usage error or a file that cannot be read.
`;

/** The `validate` entry of the command table. */
export const validateCommand: Command = {
  summary: 'check cards against the rules Teams applies; one line per issue',
  help: HELP,
  run: validate,
};

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;

  const found: JsonIssue[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  let unreadable = 0;
  for (const file of options.files) {
    const { name, text } = await readCardFile(file, io);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    const { issues } = analyze(text, { host: options.host });
    for (const issue of issues) {
      totals[issue.severity]++;
      const { line, column, severity, rule, message, path } = issue;
      const entry: JsonIssue = { file: name, line, column, severity, rule, message, path };
      if (options.json) found.push(entry);
      else io.stdout(`${name}:${line}:${column}  ${severity}  ${rule}  ${oneLine(message)}\n`);
    }
  }
  if (options.json) io.stdout(JSON.stringify(found, null, 2) + '\n');
  io.stderr(summary(options.files.length, totals, unreadable) + '\n');

  if (unreadable > 0) return EXIT.usage;
  return totals.error > 0 ? EXIT.failed : EXIT.ok;
}

function parseOptions(args: readonly string[], io: CliIo): Options | number {
  const parsed = parseArgs(
    args,
    {
      command: 'validate',
      help: HELP,
      flags: ['--json'],
      values: { '--host': 'teams, workflows or outlook' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const host = parsed.values.get('--host') ?? 'teams';
  if (!(HOST_PROFILES as readonly string[]).includes(host)) {
    return usageError(`unknown host '${host}' (hosts: ${HOST_PROFILES.join(', ')})`, io, 'validate');
  }
  if (parsed.files.length === 0) {
    return usageError('validate needs at least one FILE (or - for standard input)', io, 'validate');
  }
  if (parsed.files.filter((f) => f === '-').length > 1) {
    return usageError('- (standard input) can be given only once', io, 'validate');
  }
  return { json: parsed.flags.has('--json'), host: host as HostProfile, files: parsed.files };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(files: number, totals: Record<Severity, number>, unreadable: number): string {
  const parts = [count(totals.error, 'error'), count(totals.warning, 'warning')];
  if (totals.hint > 0) parts.push(count(totals.hint, 'hint'));
  const tail = unreadable > 0 ? ` (${count(unreadable, 'file')} could not be read)` : '';
  return `${count(files, 'file')}: ${parts.join(', ')}${tail}`;
}
