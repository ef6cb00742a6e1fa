/**
 * `messagecard scan`: finds what a move from Office 365 connectors to Teams Workflows has to touch,
 * in a repository or a folder of scripts: webhook URLs (retired connector, Workflows, other) and
 * the MessageCards that are posted (JSON files, curl / PowerShell / Python commands, object
 * literals in code). URLs are printed masked only. `--write` converts each card found into the
 * Workflows message it should become, with the report of what changes.
 */
import { lstat, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { prepareWorkflowsMessage } from '../src/webhook/prepare.ts';
import { formatReport } from '../src/adaptive/report.ts';
import { DEFAULT_ADAPTIVE_VERSION } from '../src/adaptive/types.ts';
import { EXIT, parseArgs, PROGRAM, usageError, type CliIo, type Command } from './command.ts';
import { scanText, type Finding, type FindingIssue, type UrlKind } from './scanText.ts';

/** Folders never entered: dependencies and version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Files larger than this are not read (no script or card is this large). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Bytes looked at for a NUL, the sign of a binary file (as git does). */
const BINARY_SNIFF = 8000;

const HELP = `Usage: ${PROGRAM} scan [--json] [--write DIR] PATH...

Walks the files and folders given (skipping node_modules, .git, binary files, files over
1 MB, source maps and minified JavaScript or CSS) and finds what a move from Office 365 connectors to Teams Workflows has to touch:

  - webhook URLs in any text, as a retired connector (*.webhook.office.com, outlook.office.com),
    Workflows (*.environment.api.powerplatform.com, *.logic.azure.com) or another webhook;
  - MessageCards: .json files that are cards, the JSON bodies of curl, PowerShell
    (Invoke-RestMethod, Invoke-WebRequest) and Python (requests) commands, and object literals
    holding "@type": "MessageCard" in any text file, each checked with the rules for Workflows.

One line per finding:

  FILE:LINE:COL  webhook-url  retired connector (Office 365 incoming webhook)  https://contoso.webhook.office.com/••••••••V2ab
  FILE:LINE:COL  messagecard  “Build 42 failed”  curl body  3 issues for Workflows (1 error, 2 warnings)

URLs are shown masked: a webhook URL is a secret. A summary goes to standard error.

Options:
  --json        print one JSON array of {file, line, column, kind, urlKind?, source?, detail, issues?}
                (kind: webhook-url or messagecard; urlKind: retired-connector, workflows or other)
  --write DIR   for each card found, write DIR/NAME.workflows.json (the Adaptive Card ${DEFAULT_ADAPTIVE_VERSION} in the
                Workflows message envelope, ready to POST) and DIR/NAME.report.txt (what the
                conversion changed); NAME comes from the file and line, and never repeats
  -h, --help    show this help

Exit status: 1 when a retired connector URL was found (it no longer delivers), else 0;
2 for a usage error, a PATH that cannot be read or a DIR that cannot be written.
`;

/** The `scan` entry of the command table. */
export const scanCommand: Command = {
  summary: 'find connector and Workflows webhook URLs and MessageCards in files and folders',
  help: HELP,
  run: scan,
};

/** One finding in `--json` output. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  kind: 'webhook-url' | 'messagecard';
  urlKind?: UrlKind;
  source?: string;
  detail: string;
  issues?: FindingIssue[];
}

interface Options {
  json: boolean;
  write: string | undefined;
  paths: string[];
}

interface Tally {
  files: number;
  binary: number;
  generated: number;
  large: number;
  unreadable: number;
}

async function scan(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;

  const tally: Tally = { files: 0, binary: 0, generated: 0, large: 0, unreadable: 0 };
  const skip = options.write === undefined ? undefined : resolve(options.write);
  const found: { file: string; finding: Finding }[] = [];
  for (const path of options.paths) {
    for await (const file of walk(path, io, tally, skip)) {
      const text = await readText(file, io, tally);
      if (text === undefined) continue;
      tally.files++;
      for (const finding of scanText(text, file)) found.push({ file, finding });
    }
  }

  const entries = found.map(({ file, finding }) => toJson(file, finding));
  if (options.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else for (const e of entries) io.stdout(`${printable(`${e.file}:${e.line}:${e.column}  ${e.kind}  ${e.detail}`)}\n`);

  let writeFailed = false;
  if (options.write !== undefined) {
    const cards = found.filter(({ finding }) => finding.card !== undefined);
    try {
      const written = await writeConversions(options.write, cards);
      io.stderr(
        `${PROGRAM}: wrote ${written} Workflows message${written === 1 ? '' : 's'} and report${written === 1 ? '' : 's'} to ${options.write}\n`,
      );
    } catch (error) {
      io.stderr(`${PROGRAM}: cannot write to ${options.write}: ${(error as Error).message}\n`);
      writeFailed = true;
    }
  }

  io.stderr(`${summary(tally, entries)}\n`);
  if (tally.unreadable > 0 || writeFailed) return EXIT.usage;
  return entries.some((e) => e.urlKind === 'retired-connector') ? EXIT.failed : EXIT.ok;
}

function parseOptions(args: readonly string[], io: CliIo): Options | number {
  const parsed = parseArgs(
    args,
    { command: 'scan', help: HELP, flags: ['--json'], values: { '--write': 'a folder for the converted cards' } },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.files.length === 0) return usageError('scan needs at least one PATH (a file or a folder)', io, 'scan');
  if (parsed.files.includes('-')) return usageError('scan reads files and folders, not standard input', io, 'scan');
  const write = parsed.values.get('--write');
  if (write === '') return usageError('--write needs a folder', io, 'scan');
  return { json: parsed.flags.has('--json'), write, paths: parsed.files };
}

/** The files under `path` in a stable order, without skipped folders, symbolic links or `skip`. */
async function* walk(path: string, io: CliIo, tally: Tally, skip: string | undefined): AsyncGenerator<string> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`${PROGRAM}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file or folder' : code}\n`);
    tally.unreadable++;
    return;
  }
  if (stats.isFile()) {
    yield path;
    return;
  }
  if (!stats.isDirectory() || resolve(path) === skip) return;
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (error) {
    io.stderr(`${PROGRAM}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code}\n`);
    tally.unreadable++;
    return;
  }
  for (const name of names) {
    if (SKIPPED_FOLDERS.has(name)) continue;
    const child = join(path, name);
    const childStats = await lstat(child).catch(() => undefined);
    if (!childStats || childStats.isSymbolicLink()) continue;
    if (childStats.isDirectory()) yield* walk(child, io, tally, skip);
    else if (childStats.isFile()) yield child;
  }
}

/** A file's text, or undefined (counted) when it is too large, binary or unreadable. */
async function readText(file: string, io: CliIo, tally: Tally): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    const stats = await lstat(file);
    if (stats.size > MAX_FILE_BYTES) {
      tally.large++;
      return undefined;
    }
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(`${PROGRAM}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}\n`);
    tally.unreadable++;
    return undefined;
  }
  const text = decodeText(bytes, tally);
  if (text !== undefined && isGenerated(file, text)) {
    tally.generated++;
    return undefined;
  }
  return text;
}

/** The longest line a hand-written script has; a JavaScript or CSS file with a longer one is minified. */
const MINIFIED_LINE = 5000;

/**
 * Build output that no one edits: source maps, and minified JavaScript or CSS (a bundle repeats
 * the strings of its sources, and its matches would be noise).
 */
export function isGenerated(file: string, text: string): boolean {
  if (/\.map$/i.test(file)) return true;
  if (!/\.(c|m)?js$|\.css$/i.test(file)) return false;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start > MINIFIED_LINE) return true;
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/** UTF-8 (without its byte order mark) or UTF-16 with a byte order mark; NUL bytes mean binary. */
export function decodeText(bytes: Buffer, tally?: Tally): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) {
    if (tally) tally.binary++;
    return undefined;
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toJson(file: string, finding: Finding): JsonFinding {
  const { line, column, kind, urlKind, source, detail, issues } = finding;
  return {
    file,
    line,
    column,
    kind,
    ...(urlKind ? { urlKind } : {}),
    ...(source ? { source } : {}),
    detail,
    ...(issues ? { issues } : {}),
  };
}

/** `scripts/notify.sh` line 12 → `scripts_notify.sh-L12`, with `-2`, `-3` … when a name repeats. */
export function outputNames(items: readonly { file: string; line: number }[]): string[] {
  const used = new Set<string>();
  return items.map(({ file, line }) => {
    const base = `${file
      .replace(/^(\.\.?[\\/])+/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(-100)}-L${line}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

async function writeConversions(dir: string, cards: { file: string; finding: Finding }[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  const names = outputNames(cards.map(({ file, finding }) => ({ file, line: finding.line })));
  for (const [k, { file, finding }] of cards.entries()) {
    const prepared = prepareWorkflowsMessage(finding.card!, DEFAULT_ADAPTIVE_VERSION);
    const where = `${file}:${finding.line}:${finding.column}`;
    await writeFile(join(dir, `${names[k]}.workflows.json`), `${JSON.stringify(prepared.message, null, 2)}\n`);
    await writeFile(join(dir, `${names[k]}.report.txt`), formatReport(prepared.notes, where));
  }
  return cards.length;
}

/**
 * A line safe for a terminal: a scanned file's text (a card title, a file name) could hold control
 * characters or bidirectional overrides, which are shown as `\u` escapes instead.
 */
export function printable(line: string): string {
  return line.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(tally: Tally, entries: readonly JsonFinding[]): string {
  const urls = entries.filter((e) => e.kind === 'webhook-url');
  const kinds = (['retired-connector', 'workflows', 'other'] as const)
    .map((kind) => [kind, urls.filter((e) => e.urlKind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(
      ([kind, n]) =>
        `${n} ${kind === 'retired-connector' ? 'retired connector' : kind === 'workflows' ? 'Workflows' : 'other'}`,
    );
  const cards = entries.filter((e) => e.kind === 'messagecard');
  const unread = cards.filter((e) => e.issues?.some((i) => i.rule === 'card-unreadable' || i.rule === 'json-syntax'));
  const skipped = [
    tally.binary > 0 ? `${tally.binary} binary` : '',
    tally.large > 0 ? `${tally.large} over 1 MB` : '',
    tally.generated > 0 ? `${tally.generated} minified or source map` : '',
  ].filter(Boolean);
  return [
    `${count(tally.files, 'file')} scanned${skipped.length > 0 ? ` (skipped ${skipped.join(', ')})` : ''}:`,
    `${count(urls.length, 'webhook URL')}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''},`,
    `${count(cards.length, 'MessageCard')}${unread.length > 0 ? ` (${unread.length} could not be read)` : ''}`,
    tally.unreadable > 0 ? `(${count(tally.unreadable, 'path')} could not be read)` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
