/**
 * `messagecard convert --to adaptive`: the designer's MessageCard → Adaptive Card conversion for
 * files, for moving a pipeline from an Office 365 connector to a Teams Workflows webhook.
 * The card (or the Workflows message) goes to standard output, so it can be piped to curl; the
 * report of what did not carry over goes to standard error, where a person reads it.
 */
import { analyze } from '../src/card/analyze.ts';
import { convertToAdaptiveCard, isAdaptiveVersion, workflowsEnvelope } from '../src/adaptive/convert.ts';
import { formatReport } from '../src/adaptive/report.ts';
import { applyTeamsOptions } from '../src/adaptive/teams.ts';
import { ADAPTIVE_VERSIONS, DEFAULT_ADAPTIVE_VERSION, type AdaptiveVersion } from '../src/adaptive/types.ts';
import { EXIT, oneLine, parseArgs, PROGRAM, readCardFile, usageError, type CliIo, type Command } from './command.ts';

const HELP = `Usage: ${PROGRAM} convert --to adaptive [--version ${ADAPTIVE_VERSIONS.join('|')}] [--envelope]
       [--no-full-width] [--mention NAME=ID]... FILE

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
  --full-width       ask Teams to draw the card across the conversation ("msteams": {"width":
                     "Full"}), as connector cards were; this is the default
  --no-full-width    leave the card at Teams' standard width
  --mention NAME=ID  make <at>NAME</at> in the card's text a mention of the person with this UPN
                     (name@domain) or Entra object ID (a GUID); repeat for each name. Names
                     written in the card without an ID stay plain text and are reported.
  -h, --help         show this help

Exit status: 0 when the card converted and has no error, 1 when the card has an error
(it is still converted when it is a JSON object; the errors are listed on standard error),
2 for a usage error or a file that cannot be read.
`;

interface Options {
  version: AdaptiveVersion;
  envelope: boolean;
  fullWidth: boolean;
  /** Name → ID, in the order given (a later --mention for the same name wins). */
  mentions: Map<string, string>;
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

  const converted = convertToAdaptiveCard(analysis.card, { version: options.version });
  const teams = applyTeamsOptions(converted.card, analysis.card, {
    fullWidth: options.fullWidth,
    mentions: Object.fromEntries(options.mentions),
  });
  const output = options.envelope ? workflowsEnvelope(teams.card) : teams.card;
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  const written = new Set(teams.mentions.map((m) => m.name));
  for (const mentioned of options.mentions.keys()) {
    if (!written.has(mentioned)) {
      io.stderr(`${name}: --mention ${oneLine(mentioned)}: the card has no <at>${oneLine(mentioned)}</at>; ignored\n`);
    }
  }
  io.stderr(formatReport([...converted.notes, ...teams.notes], name));
  return errors.length > 0 ? EXIT.failed : EXIT.ok;
}

const MENTION_FORM = 'NAME=ID, as in --mention "Ada Lovelace=ada@contoso.com"';

/** The `--mention NAME=ID` values as a map (a later one for the same name wins), or the usage error. */
function mentionsOf(values: readonly string[], io: CliIo): Map<string, string> | number {
  const mentions = new Map<string, string>();
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) return usageError(`--mention needs ${MENTION_FORM}`, io, 'convert');
    mentions.set(value.slice(0, eq), value.slice(eq + 1));
  }
  return mentions;
}

function parseOptions(args: readonly string[], io: CliIo): Options | number {
  const versions = ADAPTIVE_VERSIONS.join(', ');
  const parsed = parseArgs(
    args,
    {
      command: 'convert',
      help: HELP,
      flags: ['--envelope', '--full-width', '--no-full-width'],
      values: { '--to': 'adaptive', '--version': versions },
      lists: { '--mention': MENTION_FORM },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const mentions = mentionsOf(parsed.lists.get('--mention') ?? [], io);
  if (typeof mentions === 'number') return mentions;
  if (parsed.flags.has('--full-width') && parsed.flags.has('--no-full-width')) {
    return usageError('--full-width and --no-full-width contradict each other', io, 'convert');
  }
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
  return {
    version,
    envelope: parsed.flags.has('--envelope'),
    fullWidth: !parsed.flags.has('--no-full-width'),
    mentions,
    file: files[0]!,
  };
}
