/**
 * `messagecard convert --to adaptive`: the designer's MessageCard → Adaptive Card conversion for
 * files, for moving a pipeline from an Office 365 connector to a Teams Workflows webhook.
 * The card (or the Workflows message) goes to standard output, so it can be piped to curl; the
 * report of what did not carry over goes to standard error, where a person reads it.
 */
import { analyze } from '../src/card/analyze.ts';
import { convertToAdaptiveCard, isAdaptiveVersion, workflowsEnvelope } from '../src/card/adaptive/convert.ts';
import { formatReport } from '../src/card/adaptive/report.ts';
import { ADAPTIVE_VERSIONS, DEFAULT_ADAPTIVE_VERSION, type AdaptiveVersion } from '../src/card/adaptive/types.ts';
import { EXIT, PROGRAM, usageError, type CliIo, type Command } from './command.ts';

const HELP = `Usage: ${PROGRAM} convert --to adaptive [--version ${ADAPTIVE_VERSIONS.join('|')}] [--envelope] FILE

Converts the MessageCard in FILE (- reads standard input) to an Adaptive Card for a Teams
Workflows webhook. Writes the Adaptive Card JSON to standard output and, on standard error,
a report of everything that was not carried over or only approximated, with its path:

  FILE: lost  potentialAction[0]  The button "Approve" (HttpPOST to ...) is gone: ...

Options:
  --to adaptive      the target format (the only one so far)
  --version V        Adaptive Card version ${ADAPTIVE_VERSIONS.join(', ')} (default ${DEFAULT_ADAPTIVE_VERSION}: Workflows
                     posts show "this card couldn't be displayed" for some 1.5 cards)
  --envelope         write the whole Workflows message, {"type":"message","attachments":[...]},
                     ready to POST to the webhook URL
  -h, --help         show this help

Exit status: 0 when the card converted and has no error, 1 when the card has an error
(it is still converted when it is a JSON object; the errors are listed on standard error),
2 for a usage error or a file that cannot be read.
`;

interface Options {
  version: AdaptiveVersion;
  envelope: boolean;
  file: string;
}

/** The `convert` entry of the command table. */
export const convertCommand: Command = {
  summary: 'convert a card to an Adaptive Card for Teams Workflows; report what changes',
  help: HELP,
  run: convert,
};

async function convert(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;
  const name = options.file === '-' ? '<stdin>' : options.file;

  let text: string;
  try {
    text = options.file === '-' ? await io.readStdin() : await io.readFile(options.file);
  } catch (error) {
    io.stderr(`${PROGRAM}: cannot read ${name}: ${describeReadError(error)}\n`);
    return EXIT.usage;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const analysis = analyze(text);
  const errors = analysis.issues.filter((issue) => issue.severity === 'error');
  for (const issue of errors) {
    io.stderr(
      `${name}:${issue.line}:${issue.column}  error  ${issue.rule}  ${issue.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`,
    );
  }
  if (!analysis.parsed.ok || !analysis.card) {
    io.stderr(`${name}: not converted: the file is not a JSON object\n`);
    return EXIT.failed;
  }

  const { card, notes } = convertToAdaptiveCard(analysis.card, { version: options.version });
  const output = options.envelope ? workflowsEnvelope(card) : card;
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  io.stderr(formatReport(notes, name));
  return errors.length > 0 ? EXIT.failed : EXIT.ok;
}

function parseOptions(args: readonly string[], io: CliIo): Options | number {
  let to: string | undefined;
  let version: AdaptiveVersion = DEFAULT_ADAPTIVE_VERSION;
  let envelope = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
    } else if (arg === '--') {
      onlyFiles = true;
    } else if (arg === '--help' || arg === '-h') {
      io.stdout(HELP);
      return EXIT.ok;
    } else if (arg === '--envelope') {
      envelope = true;
    } else if (arg === '--to' || arg.startsWith('--to=')) {
      to = arg === '--to' ? args[++i] : arg.slice('--to='.length);
      if (to === undefined) return usageError('--to needs a value: adaptive', io, 'convert');
    } else if (arg === '--version' || arg.startsWith('--version=')) {
      const value = arg === '--version' ? args[++i] : arg.slice('--version='.length);
      if (value === undefined || !isAdaptiveVersion(value)) {
        return usageError(
          `${value === undefined ? '--version needs a value' : `unknown Adaptive Card version '${value}'`} (versions: ${ADAPTIVE_VERSIONS.join(', ')})`,
          io,
          'convert',
        );
      }
      version = value;
    } else {
      return usageError(`unknown option '${arg}' for convert`, io, 'convert');
    }
  }
  if (to === undefined) return usageError('convert needs --to adaptive', io, 'convert');
  if (to !== 'adaptive') return usageError(`cannot convert to '${to}' (targets: adaptive)`, io, 'convert');
  if (files.length !== 1) {
    return usageError(
      files.length === 0 ? 'convert needs a FILE (or - for standard input)' : 'convert takes one FILE at a time',
      io,
      'convert',
    );
  }
  return { version, envelope, file: files[0]! };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && READ_ERRORS[code]) return READ_ERRORS[code];
  return error instanceof Error ? error.message : String(error);
}
