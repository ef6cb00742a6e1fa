/**
 * What `messagecard scan` finds in one text: webhook URLs (classified with the app's URL kinds)
 * and MessageCards (a whole JSON file, the body of a curl, PowerShell or Python command read by the
 * designer's Import reader, or an object literal holding `"@type": "MessageCard"`). Pure: the walk
 * over files and folders, and the output, are in `scan.ts`.
 */
import { analyze } from '../src/card/analyze.ts';
import { importCardText } from '../src/exchange/import/importSnippet.ts';
import { asString } from '../src/json/read.ts';
import { lintCard } from '../src/card/rules/lint.ts';
import type { Issue, JsonPath, Severity } from '../src/card/types.ts';
import { maskUrl, recognizeWebhook } from '../src/webhook/kinds.ts';

/** The three kinds of webhook URL a migration cares about. */
export type UrlKind = 'retired-connector' | 'workflows' | 'other';

/** Where a MessageCard was found. */
export type CardSource = 'json-file' | 'curl' | 'powershell' | 'python' | 'object-literal';

/** A rule issue of a found card (checked for Workflows), or why it could not be read. */
export interface FindingIssue {
  severity: Severity;
  rule: string;
  message: string;
  path: JsonPath;
}

export interface Finding {
  /** Offset in the text, and its 1-based line and column. */
  offset: number;
  line: number;
  column: number;
  kind: 'webhook-url' | 'messagecard';
  urlKind?: UrlKind;
  source?: CardSource;
  /** One line for people: for a URL its kind and the masked URL; for a card its title and issues. */
  detail: string;
  /** A card's issues on the `workflows` profile; for a card that could not be read, one issue saying why. */
  issues?: FindingIssue[];
  /** The card, when it could be read (for `--write`). */
  card?: Record<string, unknown>;
}

/** Rule id of the issue given to a card that was found but could not be read. */
export const UNREADABLE_RULE = 'card-unreadable';

/** The host profile scan checks cards for: where a card is going now. */
const HOST = 'workflows';

const SOURCE_LABELS: Record<CardSource, string> = {
  'json-file': 'JSON file',
  curl: 'curl body',
  powershell: 'PowerShell body',
  python: 'Python body',
  'object-literal': 'object literal',
};

/** Finds webhook URLs and MessageCards in one file's text. `name` decides whether it is a JSON file. */
export function scanText(text: string, name: string): Finding[] {
  const lines = lineIndex(text);
  const at = (offset: number) => lines(offset);
  const findings: Finding[] = [];

  for (const url of findWebhookUrls(text)) {
    findings.push({
      ...at(url.offset),
      offset: url.offset,
      kind: 'webhook-url',
      urlKind: url.kind,
      detail: url.detail,
    });
  }

  const cards: Finding[] = [];
  let wholeFile = false;
  if (/\.json$/i.test(name) && /^\s*\{/.test(text)) {
    const analysis = analyze(text, { host: HOST });
    if (analysis.card && isMessageCard(analysis.card)) {
      wholeFile = true;
      const offset = text.indexOf('{');
      const issues = analysis.issues.map(toFindingIssue);
      cards.push(cardFinding(at(offset), offset, 'json-file', analysis.parsed.ok ? analysis.card : undefined, issues));
    }
  }
  if (!wholeFile) {
    const commands = findCommandCards(text);
    for (const command of commands) cards.push({ ...command.finding, ...at(command.finding.offset) });
    for (const literal of findObjectLiterals(text)) {
      const duplicate = commands.some((command) =>
        literal.start >= command.ownSpan[0] && literal.start < command.ownSpan[1]
          ? true
          : literal.value !== undefined
            ? command.canonical !== undefined && command.canonical === JSON.stringify(literal.value)
            : command.canonical === undefined &&
              literal.start >= command.region[0] &&
              literal.start < command.region[1],
      );
      if (duplicate) continue;
      const issues = literal.value === undefined ? [unreadable(literal.problem!)] : lintIssues(literal.value);
      cards.push(cardFinding(at(literal.start), literal.start, 'object-literal', literal.value, issues));
    }
  }
  findings.push(...cards);
  return findings.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
}

// =============================================================================================
// URLs

const URL_PATTERN = /https?:\/\/[^\s"'`<>\\{}|^]+/gi;

/** A short label for each kind of webhook, as the lines of `scan` show it. */
function urlLabel(raw: string): { kind: UrlKind; label: string } | undefined {
  const info = recognizeWebhook(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  switch (info.kind) {
    case 'incoming-webhook':
      return { kind: 'retired-connector', label: 'retired connector (Office 365 incoming webhook)' };
    case 'legacy-connector':
      return /^\/webhook/i.test(url.pathname)
        ? { kind: 'retired-connector', label: 'retired connector (outlook.office.com, the pre-2021 form)' }
        : undefined;
    case 'workflows-power-platform':
      return { kind: 'workflows', label: 'Workflows' };
    case 'workflows-logic-apps':
      return { kind: 'workflows', label: 'Workflows (old logic.azure.com trigger host)' };
    case 'other': {
      const shaped =
        /webhook/i.test(url.hostname + url.pathname) || /\/triggers\/[^/]+\/paths\/invoke/i.test(url.pathname);
      return shaped ? { kind: 'other', label: 'other webhook (not a Teams host)' } : undefined;
    }
    default:
      return undefined;
  }
}

/** Webhook URLs in a text; any other URL (a link, an image, a schema) is not reported. */
export function findWebhookUrls(text: string): { offset: number; kind: UrlKind; detail: string }[] {
  const found: { offset: number; kind: UrlKind; detail: string }[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(/[.,;:!?)\]]+$/, '');
    const label = urlLabel(raw);
    if (label) found.push({ offset: match.index, kind: label.kind, detail: `${label.label}  ${maskUrl(raw)}` });
  }
  return found;
}

/** Every URL in a message replaced by its masked form: printed text never holds a whole URL. */
export function maskUrlsIn(message: string): string {
  return message.replace(URL_PATTERN, (raw) => maskUrl(raw));
}

// =============================================================================================
// Cards

const CARD_FIELDS = new Set(
  [
    '@context',
    'summary',
    'title',
    'text',
    'themeColor',
    'correlationId',
    'expectedActors',
    'originator',
    'hideOriginalBody',
    'sections',
    'potentialAction',
  ].map((key) => key.toLowerCase()),
);

/**
 * Whether a JSON value is a MessageCard: `"@type": "MessageCard"`, or, without any type, an object
 * of MessageCard fields (one stray key at most) with the fields only a MessageCard has: sections,
 * potentialAction or themeColor.
 */
export function isMessageCard(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type === 'string') return type.toLowerCase() === 'messagecard';
  if ('@type' in record || 'type' in record) return false;
  const keys = Object.keys(record).map((key) => key.toLowerCase());
  const stray = keys.filter((key) => !CARD_FIELDS.has(key)).length;
  const shaped = keys.some((key) => key === 'sections' || key === 'potentialaction' || key === 'themecolor');
  return shaped && stray <= 1;
}

function toFindingIssue(issue: Issue): FindingIssue {
  return { severity: issue.severity, rule: issue.rule, message: issue.message, path: issue.path };
}

function lintIssues(card: Record<string, unknown>): FindingIssue[] {
  return lintCard(card, { host: HOST }).map(toFindingIssue);
}

function unreadable(message: string): FindingIssue {
  return { severity: 'error', rule: UNREADABLE_RULE, message: `The card could not be read: ${message}`, path: [] };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `“Build 42 failed”`: the card's title, else its summary, else the start of its text. */
function cardName(card: Record<string, unknown>): string {
  const name = [card.title, card.summary, card.text].map(asString).find((s) => s !== undefined && s.trim() !== '');
  if (name === undefined) return '(no title)';
  const line = name.replace(/\s+/g, ' ').trim();
  return `“${line.length > 60 ? `${line.slice(0, 59)}…` : line}”`;
}

function issueSummary(issues: readonly FindingIssue[]): string {
  if (issues.length === 0) return 'no issues for Workflows';
  const counts = (['error', 'warning', 'hint'] as const)
    .map((severity) => [severity, issues.filter((i) => i.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => plural(n, severity));
  return `${plural(issues.length, 'issue')} for Workflows (${counts.join(', ')})`;
}

function cardFinding(
  position: { line: number; column: number },
  offset: number,
  source: CardSource,
  card: Record<string, unknown> | undefined,
  issues: FindingIssue[],
): Finding {
  const readable = card !== undefined && !issues.some((i) => i.rule === UNREADABLE_RULE || i.rule === 'json-syntax');
  const detail = readable
    ? `${cardName(card)}  ${SOURCE_LABELS[source]}  ${issueSummary(issues)}`
    : `${SOURCE_LABELS[source]}  could not be read: ${issues[0]?.message.replace(/^The card could not be read: /, '') ?? ''}`;
  return {
    ...position,
    offset,
    kind: 'messagecard',
    source,
    detail: maskUrlsIn(detail.replace(/\s*[\r\n]+\s*/g, ' ')),
    issues,
    ...(readable ? { card } : {}),
  };
}

// =============================================================================================
// Commands that post a card: curl, PowerShell, Python

interface CommandCard {
  finding: Finding;
  /** The text the command's card may have come from, to tell its object literals apart. */
  region: [number, number];
  /** The command's own text, from its name to its end. */
  ownSpan: [number, number];
  /** The card's compact JSON, when it was read. */
  canonical: string | undefined;
}

const CURL = /(^|[\s;|&(`$])(curl(?:\.exe)?)(?=[ \t\\^`]|\r?\n)/g;
const POWERSHELL = /(^|[\s;|&(=])(Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b/gi;
const PYTHON = /\brequests\s*\.\s*(?:post|put|request)\s*\(/g;
/** The calls the PowerShell reader takes as the command: the span it reads must start with ours. */
const POWERSHELL_READER_CALL = /\b(Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl)\b/gi;

function findCommandCards(text: string): CommandCard[] {
  const commands: { source: CardSource; start: number; spanStart: number; end: number }[] = [];
  for (const match of text.matchAll(CURL)) {
    const start = match.index + match[1]!.length;
    if (!atCommandPosition(text, start)) continue;
    // A curl inside a PowerShell command line is PowerShell's alias; the PowerShell pass reads it.
    if (/-Body\b/i.test(text.slice(start, shellEnd(text, start)))) continue;
    commands.push({ source: 'curl', start, spanStart: start, end: shellEnd(text, start) });
  }
  const psCalls = [...text.matchAll(POWERSHELL)]
    .map((m) => m.index + m[1]!.length)
    .filter((start) => atCommandPosition(text, start));
  const readerCalls = [...text.matchAll(POWERSHELL_READER_CALL)].map((m) => m.index + m[0].length);
  for (const start of psCalls) {
    const previous = readerCalls.filter((end) => end <= start).pop() ?? 0;
    commands.push({ source: 'powershell', start, spanStart: previous, end: powershellEnd(text, start) });
  }
  const pyCalls = [...text.matchAll(PYTHON)];
  pyCalls.forEach((match, k) => {
    const previous = k === 0 ? 0 : pyCalls[k - 1]!.index + pyCalls[k - 1]![0].length;
    const end = pythonCallEnd(text, match.index + match[0].length);
    commands.push({ source: 'python', start: match.index, spanStart: previous, end });
  });

  const found: CommandCard[] = [];
  for (const command of commands.sort((a, b) => a.start - b.start)) {
    const span = text.slice(command.spanStart, command.end);
    let read = importCardText(span);
    if (!read.ok && command.source !== 'curl' && /never sets it/.test(read.message)) {
      // The variable was set before an earlier command: read from the top, that command hidden.
      read = importCardText(hideEarlierCalls(text.slice(0, command.end), command.start, command.source));
    }
    const region: [number, number] = [command.spanStart, command.end];
    const ownSpan: [number, number] = [command.start, command.end];
    const mentionsCard = /MessageCard/i.test(
      [
        text.slice(command.start, command.end),
        ...assignedValues(text, command.start, command.end, command.source),
      ].join('\n'),
    );
    if (!read.ok) {
      if (mentionsCard) {
        found.push({
          finding: cardFinding({ line: 0, column: 0 }, command.start, command.source, undefined, [
            unreadable(read.message),
          ]),
          region,
          ownSpan,
          canonical: undefined,
        });
      }
      continue;
    }
    const analysis = analyze(read.text, { host: HOST });
    if (analysis.parsed.ok && isMessageCard(analysis.card)) {
      found.push({
        finding: cardFinding(
          { line: 0, column: 0 },
          command.start,
          command.source,
          analysis.card,
          lintIssues(analysis.card),
        ),
        region,
        ownSpan,
        canonical: JSON.stringify(analysis.parsed.value),
      });
    } else if (!analysis.parsed.ok && /MessageCard/i.test(read.text)) {
      const first = analysis.issues[0];
      const why = first ? `JSON error at line ${first.line}, column ${first.column} of the body: ${first.message}` : '';
      found.push({
        finding: cardFinding({ line: 0, column: 0 }, command.start, command.source, undefined, [unreadable(why)]),
        region,
        ownSpan,
        canonical: undefined,
      });
    }
  }
  return found;
}

/**
 * The text with the calls before `start` blanked out (same length, so offsets stay), so that the
 * Import reader, which reads the first call it meets, reads the one at `start`.
 */
function hideEarlierCalls(text: string, start: number, source: CardSource): string {
  const pattern = source === 'python' ? PYTHON : POWERSHELL_READER_CALL;
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const at = rest.find((value) => typeof value === 'number') as number;
    const hide = at < start && (source === 'python' || atCommandPosition(text, at));
    return hide ? ' '.repeat(match.length) : match;
  });
}

/**
 * Whether the command name at `start` begins a command: before it on its line there is nothing, a
 * prompt, an operator, an assignment or a keyword (`- run:`, `RUN`, `sudo`, `then` …), not prose or
 * the inside of a string in some other language.
 */
function atCommandPosition(text: string, start: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return (
    /^\s*$/.test(before) ||
    /(?:^|\s)(?:[$>#!-]|PS>|RUN|run:|sudo|exec|then|do|else|time|if|return)\s*$/.test(before) ||
    /(?:\$\(|[|;&(`={])\s*$/.test(before)
  );
}

/**
 * The statements that set the variables a PowerShell or Python command sends (`-Body $card`,
 * `json=card`): the last assignment of each before the command, so that a card built there is
 * seen to belong to the command.
 */
function assignedValues(text: string, start: number, end: number, source: CardSource): string[] {
  const own = text.slice(start, end);
  const names =
    source === 'powershell'
      ? [...own.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => `\\$${m[1]}\\s*=(?!=)`)
      : source === 'python'
        ? [...own.matchAll(/\b(?:json|data)\s*=\s*(?:json\s*\.\s*dumps\s*\(\s*)?([A-Za-z_]\w*)/g)].map(
            (m) => `^[ \\t]*${m[1]}[ \\t]*(?::[^=\\n]*)?=(?!=)`,
          )
        : [];
  const values: string[] = [];
  for (const name of new Set(names)) {
    let last: number | undefined;
    for (const match of text.matchAll(new RegExp(name, 'gim'))) if (match.index < start) last = match.index;
    if (last !== undefined) values.push(text.slice(last, powershellEnd(text, last)));
  }
  return values;
}

/**
 * The end of the shell command that starts at `start`: the first line end outside quotes that is
 * not escaped, after the bodies of the heredocs opened on the command's lines.
 */
function shellEnd(text: string, start: number): number {
  const heredocs: { delimiter: string; strip: boolean }[] = [];
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' || ch === '^' || ch === '`') {
      i += text[i + 1] === '\r' ? 3 : 2; // an escaped character, or a continued line
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return text.length;
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const heredoc = /^<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_]+))/.exec(text.slice(i, i + 200));
      if (heredoc) {
        heredocs.push({ delimiter: heredoc[2] ?? heredoc[3] ?? heredoc[4]!, strip: heredoc[1] === '-' });
        i += heredoc[0].length;
        continue;
      }
    }
    if (ch === '\n') {
      i++;
      for (const heredoc of heredocs) {
        for (;;) {
          if (i >= text.length) return text.length;
          const lineEnd = text.indexOf('\n', i);
          const line = text.slice(i, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
          i = lineEnd < 0 ? text.length : lineEnd + 1;
          if ((heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) break;
        }
      }
      return i;
    }
    i++;
  }
  return text.length;
}

/**
 * The end of the PowerShell statement that starts at `start`: the first line end outside quotes,
 * here-strings and brackets that does not follow a backtick.
 */
function powershellEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '`') {
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (ch === '@' && (text[i + 1] === "'" || text[i + 1] === '"') && /^@['"][ \t]*\r?\n/.test(text.slice(i, i + 4))) {
      const close = new RegExp(`\\n${text[i + 1]}@`).exec(text.slice(i));
      if (!close) return text.length;
      i += close.index + close[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      i++;
      while (i < text.length && text[i] !== ch) i += ch === '"' && text[i] === '`' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ('({['.includes(ch)) depth++;
    else if (')}]'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '\n' && depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** The end of a Python call whose parenthesis opened just before `at`: after its closing parenthesis. */
function pythonCallEnd(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i)) {
        if (quote.length === 1 && text[i] === '\n') break;
        i += text[i] === '\\' ? 2 : 1;
      }
      i += quote.length;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  return text.length;
}

// =============================================================================================
// Object literals holding "@type": "MessageCard"

const TYPE_KEY = /(["']?)@type\1\s*[:=]\s*(["'])MessageCard\2/gi;

interface Literal {
  start: number;
  end: number;
  value: Record<string, unknown> | undefined;
  problem?: string;
}

function findObjectLiterals(text: string): Literal[] {
  const keys = [...text.matchAll(TYPE_KEY)].map((match) => match.index);
  if (keys.length === 0) return [];
  const literals: Literal[] = [];
  for (const { key, range } of enclosingObjects(text, keys)) {
    if (literals.some((l) => key > l.start && key < l.end)) continue; // a card inside a card
    if (!range) {
      literals.push({ start: key, end: key + 1, value: undefined, problem: 'no balanced {…} object holds it.' });
      continue;
    }
    const read = readLiteral(text.slice(range[0], range[1]));
    literals.push({
      start: range[0],
      end: range[1],
      value: read.ok && isMessageCard(read.value) ? read.value : undefined,
      problem: read.ok ? 'it is not a JSON object.' : read.message,
    });
  }
  return literals;
}

/**
 * The `{…}` that directly holds each key offset, in one pass over the text that follows strings
 * (single-line ' and ", multi-line ` and Python's triple quotes) and comments (//, /* *\/, and #
 * after a space), so braces inside them do not count. A key inside a string or a comment is left
 * out; a key outside any object gets no range.
 */
function enclosingObjects(
  text: string,
  keys: readonly number[],
): { key: number; range: [number, number] | undefined }[] {
  const stack: { ch: string; at: number; keys: number[] }[] = [];
  const result = new Map<number, [number, number] | undefined>();
  let k = 0;
  let i = 0;
  while (i < text.length) {
    while (k < keys.length && keys[k]! <= i) {
      if (keys[k] === i) {
        const top = stack[stack.length - 1];
        if (top?.ch === '{') top.keys.push(i);
        else result.set(i, undefined);
      }
      k++;
    }
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const triple = ch !== '`' && text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i)) {
        if (quote.length === 1 && ch !== '`' && text[i] === '\n') break;
        i += text[i] === '\\' ? 2 : 1;
      }
      i += quote.length;
      continue;
    }
    if ((ch === '/' && text[i + 1] === '/') || (ch === '#' && /\s/.test(text[i - 1] ?? '\n'))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    if (ch === '{' || ch === '[') stack.push({ ch, at: i, keys: [] });
    else if ((ch === '}' || ch === ']') && stack.length > 0) {
      const open = stack.pop()!;
      for (const key of open.keys) result.set(key, [open.at, i + 1]);
    }
    i++;
  }
  for (const open of stack) for (const key of open.keys) result.set(key, undefined);
  return [...result.entries()].sort(([a], [b]) => a - b).map(([key, range]) => ({ key, range }));
}

/**
 * Reads an object literal as data: JSON, or the JavaScript and Python spellings of the same data
 * (unquoted keys, single quotes, trailing commas, comments, True/False/None). Anything that is code
 * (a variable, a call, a template with `${…}`, a spread) is refused with a reason; nothing is run.
 */
export function readLiteral(source: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    // not strict JSON: read it leniently below
  }
  let i = 0;
  let nesting = 0;
  const skip = () => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (source.startsWith('//', i) || source[i] === '#') while (i < source.length && source[i] !== '\n') i++;
      else if (source.startsWith('/*', i)) {
        const close = source.indexOf('*/', i + 2);
        i = close < 0 ? source.length : close + 2;
      } else return;
    }
  };
  const string = (): string => {
    const quote = source[i]!;
    i++;
    let value = '';
    while (i < source.length && source[i] !== quote) {
      if (quote === '`' && source.startsWith('${', i)) fail('a template string with ${…} is built when the code runs');
      if (source[i] === '\\') {
        const c = source[i + 1] ?? '';
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
        const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\})/.exec(
          source.slice(i + 1, i + 10),
        );
        if (hex) {
          value += String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16));
          i += 1 + hex[0].length;
        } else {
          value += c === '\n' ? '' : (simple[c] ?? c);
          i += 2;
        }
        continue;
      }
      value += source[i++];
    }
    if (i >= source.length) fail('a string is never closed');
    i++;
    return value;
  };
  const value = (): unknown => {
    skip();
    const ch = source[i];
    if (ch === undefined) fail('the literal ends early');
    if (ch === '{' || ch === '[') {
      if (++nesting > 100) fail('it is nested too deeply');
      i++;
      const object: Record<string, unknown> = {};
      const list: unknown[] = [];
      for (;;) {
        skip();
        if (source[i] === (ch === '{' ? '}' : ']')) {
          i++;
          break;
        }
        if (source.startsWith('...', i)) fail('it spreads another object (...), which is code');
        if (ch === '{') {
          let key: string;
          if (source[i] === '"' || source[i] === "'") key = string();
          else {
            const name = /^[A-Za-z_$@][\w$@-]*/.exec(source.slice(i));
            if (!name) fail(`a key is computed (${snippet(source, i)})`);
            key = name[0];
            i += key.length;
          }
          skip();
          if (source[i] !== ':') fail(`the key ${key} has no value after it (${snippet(source, i)})`);
          i++;
          Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
        } else list.push(value());
        skip();
        if (source[i] === ',') i++;
        else if (source[i] !== (ch === '{' ? '}' : ']')) fail(`it holds code (${snippet(source, i)})`);
      }
      nesting--;
      return ch === '{' ? object : list;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      // Adjacent literals are one string in Python: "a" "b" == "ab".
      let text = string();
      for (skip(); source[i] === '"' || source[i] === "'"; skip()) text += string();
      return text;
    }
    const word = /^(?:true|false|null|True|False|None|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w$.(])/.exec(
      source.slice(i),
    );
    if (!word) fail(`a value is computed (${snippet(source, i)})`);
    i += word[0].length;
    if (word[0] === 'true' || word[0] === 'True') return true;
    if (word[0] === 'false' || word[0] === 'False') return false;
    if (word[0] === 'null' || word[0] === 'None') return null;
    return Number(word[0]);
  };
  try {
    const result = value();
    skip();
    if (i < source.length) fail('text follows the object');
    return { ok: true, value: result };
  } catch (error) {
    if (error instanceof LiteralError) return { ok: false, message: `${error.message}.` };
    throw error;
  }
}

class LiteralError extends Error {}

function fail(what: string): never {
  throw new LiteralError(what);
}

function snippet(source: string, at: number): string {
  const text = source
    .slice(at, at + 30)
    .split('\n')[0]!
    .trim();
  return `“${text}${source.length > at + 30 ? '…' : ''}”`;
}

// =============================================================================================
// Positions

/** A function from offset to 1-based line and column (in UTF-16 units, like the editor's). */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
