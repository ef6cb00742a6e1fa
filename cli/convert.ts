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
import { EXIT, oneLine, parseArgs, PROGRAM, readCardFile, usageError, type CliIo, type Command } from './command.ts';

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
  const { name, text } = await readCardFile(options.file, io);
  if (text === undefined) return EXIT.usage;

  const analysis = analyze(text);
  const errors = analysis.issues.filter((issue) => issue.severity === 'error');
  for (const issue of errors) {
    io.stderr(`${name}:${issue.line}:${issue.column}  error  ${issue.rule}  ${oneLine(issue.message)}\n`);
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
  const versions = ADAPTIVE_VERSIONS.join(', ');
  const parsed = parseArgs(
    args,
    {
      command: 'convert',
      help: HELP,
      flags: ['--envelope'],
      values: { '--to': 'adaptive', '--version': versions },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const to = parsed.values.get('--to');
  const version = parsed.values.get('--version') ?? DEFAULT_ADAPTIVE_VERSION;
  const files = parsed.files;
  if (to === undefined) return usageError('convert needs --to adaptive', io, 'convert');
  if (to !== 'adaptive') return usageError(`cannot convert to '${to}' (targets: adaptive)`, io, 'convert');
  if (!isAdaptiveVersion(version)) {
    return usageError(`unknown Adaptive Card version '${version}' (versions: ${versions})`, io, 'convert');
  }
  if (files.length !== 1) {
    return usageError(
      files.length === 0 ? 'convert needs a FILE (or - for standard input)' : 'convert takes one FILE at a time',
      io,
      'convert',
    );
  }
  return { version, envelope: parsed.flags.has('--envelope'), file: files[0]! };
}
