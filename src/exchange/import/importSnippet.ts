/**
 * Import of pasted text: card JSON, or a snippet that posts a card, from which the JSON body is
 * taken out: curl (bash or Windows cmd quoting, heredocs), PowerShell `Invoke-RestMethod` /
 * `Invoke-WebRequest` (string literals, here-strings, variables) and Python `requests` (a JSON
 * string or a dict literal, directly or through variables).
 *
 * Nothing is ever run: each language's quoting is read by a small, strict reader, and anything a
 * reader cannot follow (a body built at run time, read from a file, or a form) gives a message
 * that says why, so the user knows what to copy instead.
 */
import { formatCardText } from '../../json/format.ts';
import { parseText } from '../../json/parse.ts';

/** Where the imported card came from. */
export type ImportSource = 'json' | 'curl' | 'powershell' | 'python';

export type ImportResult =
  | {
      ok: true;
      /** The card text to open. */
      text: string;
      source: ImportSource;
      /** Set when the card was taken as it is but has JSON errors left to fix in the editor. */
      warning?: string;
    }
  | { ok: false; message: string };

const NOT_RECOGNISED =
  'This is neither card JSON nor a snippet that posts one. Paste the JSON itself, or a curl, PowerShell (Invoke-RestMethod or Invoke-WebRequest) or Python (requests) command.';

/**
 * Turns pasted or opened text into card text: JSON as it is, or the body of a curl, PowerShell or
 * Python snippet. Never throws; never evaluates the input.
 */
export function importCardText(input: string): ImportResult {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, message: 'There is nothing to import: the text is empty.' };
  if (text.startsWith('{')) return asCard(input.replace(/^\uFEFF/, ''), 'json', false);
  if (text.startsWith('[')) {
    return { ok: false, message: 'This is a JSON array, not a card: a MessageCard is a JSON object.' };
  }
  try {
    if (/\b(Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b/i.test(text) || /(^|\s)-Body\b/i.test(text)) {
      return fromBody(powershellBody(text), 'powershell');
    }
    if (/(^|[\s;|&(`$])curl(\.exe)?(?=\s)/.test(text)) return fromBody(curlBody(text), 'curl');
    if (/\brequests\s*\.\s*(post|put|request)\s*\(/.test(text)) return fromBody(pythonBody(text), 'python');
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: false, message: NOT_RECOGNISED };
}

class ImportError extends Error {}

function fail(message: string): never {
  throw new ImportError(message);
}

function fromBody(body: string, source: ImportSource): ImportResult {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) {
    return {
      ok: false,
      message: `The ${LABELS[source]} snippet sends a body that is not a JSON object, so it holds no card: ${preview(trimmed)}`,
    };
  }
  return asCard(trimmed, source, true);
}

const LABELS: Record<ImportSource, string> = { json: 'JSON', curl: 'curl', powershell: 'PowerShell', python: 'Python' };

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `“${line.slice(0, 60)}…”` : `“${line}”`;
}

function asCard(text: string, source: ImportSource, format: boolean): ImportResult {
  const parsed = parseText(text);
  if (!parsed.ok) {
    return {
      ok: true,
      text,
      source,
      warning: `The card has JSON errors (the first at line ${parsed.errors[0]?.line}, column ${parsed.errors[0]?.column}); fix them in the editor.`,
    };
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'This JSON is not a card: a MessageCard is a JSON object.' };
  }
  // A snippet's body is often one long line; indented it is ready to edit. Pasted JSON keeps its layout.
  return { ok: true, text: format ? formatCardText(text) : text, source };
}

// =============================================================================================
// curl

type ShellToken = { word: string; heredoc?: false } | { op: string } | { word: string; heredoc: true };

/** Splits shell text into words, operators and heredoc bodies, following bash (and cmd) quoting. */
function shellTokens(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const pendingHeredocs: { delimiter: string; strip: boolean; index: number }[] = [];
  let i = 0;
  let word: string | undefined;
  const push = () => {
    if (word !== undefined) tokens.push({ word });
    word = undefined;
  };
  const readHeredocBodies = () => {
    // Called at a line end: the bodies of the heredocs opened on that line follow, in order.
    for (const pending of pendingHeredocs.splice(0)) {
      const lines: string[] = [];
      let found = false;
      while (i < text.length) {
        const end = text.indexOf('\n', i);
        const rawLine = text.slice(i, end < 0 ? text.length : end).replace(/\r$/, '');
        i = end < 0 ? text.length : end + 1;
        const line = pending.strip ? rawLine.replace(/^\t+/, '') : rawLine;
        if (line === pending.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) fail(`The curl snippet’s heredoc is not closed by a line reading ${pending.delimiter}.`);
      tokens[pending.index] = { word: lines.join('\n') + '\n', heredoc: true };
    }
  };

  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if ((ch === '\\' || ch === '^' || ch === '`') && (next === '\n' || (next === '\r' && text[i + 2] === '\n'))) {
      i += next === '\r' ? 3 : 2; // a line continuation (bash \, cmd ^, PowerShell `)
      continue;
    }
    if (ch === '\n') {
      push();
      tokens.push({ op: '\n' });
      i++;
      readHeredocBodies();
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      push();
      i++;
      continue;
    }
    if (ch === '#' && word === undefined) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '<' && next === '<' && text[i + 2] === '<') {
      push();
      tokens.push({ op: '<<<' });
      i += 3;
      continue;
    }
    if (ch === '<' && next === '<') {
      push();
      i += 2;
      const strip = text[i] === '-';
      if (strip) i++;
      while (text[i] === ' ') i++;
      const match = /^(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_]+))/.exec(text.slice(i));
      if (!match) fail('The curl snippet has a heredoc (<<) without a delimiter.');
      i += match[0].length;
      tokens.push({ op: '<<' });
      pendingHeredocs.push({ delimiter: match[1] ?? match[2] ?? match[3]!, strip, index: tokens.length });
      tokens.push({ word: '' }); // replaced by the body at the end of the line
      continue;
    }
    if ('|;&()<>'.includes(ch) || (ch === '$' && next === '(') || ch === '`') {
      push();
      tokens.push({ op: ch === '$' ? '$(' : ch });
      i += ch === '$' ? 2 : 1;
      continue;
    }
    word ??= '';
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) fail('The curl snippet has a single quote that is never closed.');
      word += text.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '$' && next === "'") {
      i += 2;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') {
          const [value, length] = ansiCEscape(text, i);
          word += value;
          i += length;
        } else word += text[i++];
      }
      if (i >= text.length) fail("The curl snippet has a $'…' string that is never closed.");
      i++;
    } else if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else word += text[i++];
      }
      if (i >= text.length) fail('The curl snippet has a double quote that is never closed.');
      i++;
    } else if (ch === '\\' && next !== undefined) {
      word += next;
      i += 2;
    } else {
      word += ch;
      i++;
    }
  }
  push();
  if (pendingHeredocs.length > 0) readHeredocBodies();
  return tokens;
}

function ansiCEscape(text: string, at: number): [string, number] {
  const c = text[at + 1] ?? '';
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    v: '\v',
  };
  if (c in simple) return [simple[c]!, 2];
  const hex = /^(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8})/.exec(text.slice(at + 1, at + 11));
  if (hex) {
    const code = parseInt(hex[0].slice(1), 16);
    return [code <= 0x10ffff ? String.fromCodePoint(code) : '', 1 + hex[0].length];
  }
  return ['\\' + c, 2];
}

const CURL_DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);

function curlBody(text: string): string {
  const tokens = shellTokens(text);
  const start = tokens.findIndex((t) => 'word' in t && !t.heredoc && /(^|[\\/])curl(\.exe)?$/i.test(t.word));
  if (start < 0) fail(NOT_RECOGNISED);
  // The command runs to the next operator that ends it; a heredoc or here-string feeds its stdin.
  let end = start + 1;
  while (end < tokens.length) {
    const t = tokens[end]!;
    if ('op' in t && ['\n', '|', ';', '&', ')', '`'].includes(t.op)) break;
    end++;
  }
  const args = tokens.slice(start + 1, end);
  let stdin: string | undefined;
  const bodies: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const t = args[k]!;
    if ('op' in t) {
      const following = args[k + 1];
      if ((t.op === '<<' || t.op === '<<<') && following && 'word' in following) {
        stdin = t.op === '<<<' ? following.word + '\n' : following.word;
        k++;
      }
      continue;
    }
    const w = t.word;
    let value: string | undefined;
    const long = /^(--data(?:-raw|-binary|-ascii)?|--json)=(.*)$/s.exec(w);
    if (CURL_DATA_OPTIONS.has(w)) {
      const following = args[++k];
      if (!following || !('word' in following)) fail(`The curl snippet’s ${w} has no value.`);
      value = w === '--data-raw' ? following.word : following.word;
      if (w !== '--data-raw' && value.startsWith('@')) value = readAt(value, stdin, args.slice(k + 1));
    } else if (long) {
      value = long[2]!;
      if (long[1] !== '--data-raw' && value.startsWith('@')) value = readAt(value, stdin, args.slice(k + 1));
    } else if (/^-d./s.test(w)) {
      value = w.slice(2);
      if (value.startsWith('@')) value = readAt(value, stdin, args.slice(k + 1));
    } else if (w === '--data-urlencode') {
      fail('The curl snippet sends --data-urlencode (a form), not card JSON.');
    } else if (w === '-F' || w === '--form' || /^-F./.test(w)) {
      fail('The curl snippet sends a form (-F), not card JSON.');
    }
    if (value !== undefined) bodies.push(value);
  }
  if (bodies.length === 0) fail('The curl snippet sends no body: it has no -d, --data or --json option.');
  // curl joins several -d values with '&'.
  return bodies.join('&');
}

function readAt(value: string, stdin: string | undefined, rest: ShellToken[]): string {
  if (value !== '@-') {
    fail(`The curl snippet reads its body from the file ${value.slice(1)}: open that file instead.`);
  }
  // The heredoc may come after the option on the same command line.
  if (stdin === undefined) {
    for (let k = 0; k < rest.length; k++) {
      const t = rest[k]!;
      const following = rest[k + 1];
      if ('op' in t && (t.op === '<<' || t.op === '<<<') && following && 'word' in following) {
        return t.op === '<<<' ? following.word + '\n' : following.word;
      }
    }
    fail(
      'The curl snippet reads its body from standard input (@-), but no heredoc follows it: paste the JSON instead.',
    );
  }
  return stdin;
}

// =============================================================================================
// PowerShell

interface PsString {
  value: string;
  end: number;
}

/** Reads a PowerShell string literal at `at` (after spaces), or undefined when there is none. */
function readPsString(text: string, at: number): PsString | undefined {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text.startsWith("@'", i) || text.startsWith('@"', i)) {
    const quote = text[i + 1]!;
    const open = /^@['"][ \t]*\r?\n/.exec(text.slice(i));
    if (!open) return undefined;
    const bodyStart = i + open[0].length;
    const close = new RegExp(`\\r?\\n${quote}@`, 'g');
    close.lastIndex = bodyStart - 1;
    let match = close.exec(text);
    // The body may be empty: the closing line can follow the opening line directly.
    if (!match && text.startsWith(`${quote}@`, bodyStart))
      match = Object.assign([''], { index: bodyStart - 1 }) as RegExpExecArray;
    if (!match) fail('The PowerShell snippet has a here-string that is never closed.');
    const body = text.slice(bodyStart, Math.max(bodyStart, match.index));
    return { value: quote === '"' ? psExpandable(body) : body, end: match.index + match[0].length };
  }
  if (text[i] === "'") {
    let value = '';
    i++;
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
      } else if (text[i] === "'") return { value, end: i + 1 };
      else value += text[i++];
    }
    fail('The PowerShell snippet has a single-quoted string that is never closed.');
  }
  if (text[i] === '"') {
    let raw = '';
    i++;
    while (i < text.length) {
      if (text[i] === '`' && i + 1 < text.length) {
        raw += text.slice(i, i + 2);
        i += 2;
      } else if (text[i] === '"' && text[i + 1] === '"') {
        raw += '`"';
        i += 2;
      } else if (text[i] === '"') return { value: psExpandable(raw), end: i + 1 };
      else raw += text[i++];
    }
    fail('The PowerShell snippet has a double-quoted string that is never closed.');
  }
  return undefined;
}

/** Applies PowerShell's backtick escapes; `$variables` stay as written (they are not run). */
function psExpandable(raw: string): string {
  const escapes: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    '0': '\0',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    e: '\x1b',
  };
  return raw.replace(/`(u\{[0-9a-fA-F]{1,6}\}|.)/gs, (_m, c: string) => {
    if (c.startsWith('u{')) return String.fromCodePoint(parseInt(c.slice(2, -1), 16));
    return escapes[c] ?? c;
  });
}

const PS_HASHTABLE =
  "The PowerShell snippet builds its body from a hashtable (@{ … } | ConvertTo-Json), which cannot be read without running it. Paste the JSON itself, or write the body as a here-string (@' … '@).";

function powershellBody(text: string): string {
  const call = /\b(Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl)\b/i.exec(text);
  const from = call?.index ?? 0;
  const bodyParam = /(^|[\s(])-Body(?::|\s+)/gi;
  bodyParam.lastIndex = from;
  const param = bodyParam.exec(text);
  let at: number;
  if (param) at = param.index + param[0].length;
  else {
    // Splatting: @{ Uri = …; Body = … } passed as @params.
    const splat = /(^|[\s;{])Body\s*=\s*/i.exec(text);
    if (!splat) fail('The PowerShell snippet sends no body: it has no -Body parameter.');
    at = splat.index + splat[0].length;
  }
  return psValue(text, at, from, 0);
}

function psValue(text: string, at: number, before: number, depth: number): string {
  const literal = readPsString(text, at);
  if (literal) return literal.value;
  // An expression: up to the end of the line (or the next parameter), e.g. $body, ($card | …),
  // [Text.Encoding]::UTF8.GetBytes($card).
  const rest = text.slice(at);
  const expression = /^[^\n]*/.exec(rest)![0].split(/\s-[A-Za-z]+\b/)[0]!;
  if (/ConvertTo-Json/i.test(expression) || /^\s*\(?\s*@\{/.test(expression)) fail(PS_HASHTABLE);
  const variable = /\$([A-Za-z_][A-Za-z0-9_]*)/.exec(expression);
  if (!variable || depth > 4) {
    fail(
      `The PowerShell snippet’s body is computed (${preview(expression.trim())}), not written as text in the snippet.`,
    );
  }
  const name = variable[1]!;
  // The last assignment to the variable before the place that uses it.
  const assignment = new RegExp(`\\$${name}\\s*=(?!=)\\s*`, 'gi');
  let found: RegExpExecArray | undefined;
  for (let m = assignment.exec(text); m && m.index < Math.max(before, at); m = assignment.exec(text)) found = m;
  if (!found) fail(`The PowerShell snippet uses $${name} for the body but never sets it.`);
  const valueAt = found.index + found[0].length;
  const assigned = /^[^\n]*/.exec(text.slice(valueAt))![0];
  if (/ConvertTo-Json/i.test(assigned) || /^\s*@\{/.test(assigned) || /^\s*\[ordered\]/i.test(assigned)) {
    // `$body = @{ … } | ConvertTo-Json` may span lines; the hashtable is code, not text.
    if (!/^\s*@['"]/.test(assigned)) fail(PS_HASHTABLE);
  }
  return psValue(text, valueAt, found.index, depth + 1);
}

// =============================================================================================
// Python

const PY_COMPUTED = (what: string) =>
  `The Python snippet’s body is computed (${preview(what)}), not written as a literal in the snippet.`;

function pythonBody(text: string): string {
  const call = /\brequests\s*\.\s*(post|put|request)\s*\(/.exec(text)!;
  const args = pyCallArgs(text, call.index + call[0].length);
  const keyword = args.find((a) => a.name === 'json') ?? args.find((a) => a.name === 'data');
  if (!keyword) fail('The Python snippet sends no body: its requests call has no json= or data= argument.');
  const value = pyEvaluate(text, keyword.start, keyword.end, call.index, 0);
  if (keyword.name === 'json') return JSON.stringify(value, null, 2);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2); // data=json.dumps(...)
  fail('The Python snippet’s data= is not text, so it holds no card.');
}

interface PyArg {
  name: string | undefined;
  start: number;
  end: number;
}

/** The arguments of a call whose parenthesis opened just before `at`, as source ranges. */
function pyCallArgs(text: string, at: number): PyArg[] {
  const args: PyArg[] = [];
  let depth = 0;
  let start = at;
  let i = at;
  const close = (end: number) => {
    const source = text.slice(start, end);
    const named = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(source);
    if (source.trim()) args.push({ name: named?.[1], start: named ? start + named[0].length : start, end });
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const str = /^[rRbBuUfF]{0,2}['"]/.exec(text.slice(i, i + 3));
    if (str) {
      i = pyReadString(text, i).end;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) {
        close(i);
        return args;
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      close(i);
      start = i + 1;
    }
    i++;
  }
  fail('The Python snippet’s requests call is never closed with a parenthesis.');
}

/** Reads a Python string literal (any prefix, single or triple quoted) at `at`. */
function pyReadString(text: string, at: number): { value: string; end: number } {
  const prefix = /^[rRbBuUfF]{0,2}/.exec(text.slice(at))![0];
  const raw = /r/i.test(prefix);
  if (/f/i.test(prefix))
    fail('The Python snippet builds its body with an f-string, which cannot be read without running it.');
  let i = at + prefix.length;
  const q = text[i]!;
  const triple = text.startsWith(q.repeat(3), i);
  const quote = triple ? q.repeat(3) : q;
  i += quote.length;
  let value = '';
  while (i < text.length) {
    if (text.startsWith(quote, i)) return { value, end: i + quote.length };
    const ch = text[i]!;
    if (!triple && ch === '\n') break;
    if (ch === '\\' && i + 1 < text.length) {
      if (raw) {
        value += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      const [escaped, length] = pyEscape(text, i);
      value += escaped;
      i += length;
      continue;
    }
    value += ch;
    i++;
  }
  fail('The Python snippet has a string that is never closed.');
}

function pyEscape(text: string, at: number): [string, number] {
  const c = text[at + 1]!;
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    '\n': '',
  };
  if (c in simple) return [simple[c]!, 2];
  const hex = /^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})/.exec(text.slice(at + 1, at + 11));
  if (hex) {
    const digits = hex[0];
    const code = /^[0-7]/.test(digits) ? parseInt(digits, 8) : parseInt(digits.slice(1), 16);
    if (code > 0x10ffff) fail('The Python snippet has a \\U escape beyond Unicode.');
    // \ud83d\ude00 pairs stay as two UTF-16 units, which is what JavaScript strings hold.
    return [
      code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code),
      1 + digits.length,
    ];
  }
  if (c === 'N') fail('The Python snippet uses a \\N{…} escape; replace it with the character itself.');
  return ['\\' + c, 2];
}

/** Evaluates a Python expression made of literals, names bound to literals, json.dumps and .encode. */
function pyEvaluate(text: string, start: number, end: number, before: number, depth: number): unknown {
  const source = text.slice(start, end).trim();
  const offset = start + text.slice(start, end).indexOf(source);
  // json.dumps(x, ...) -> x ; x.encode(...) -> x
  const dumps = /^json\s*\.\s*dumps\s*\(/.exec(source);
  if (dumps) {
    const inner = pyCallArgs(text, offset + dumps[0].length);
    const first = inner[0];
    if (!first || first.name) fail(PY_COMPUTED(source));
    return pyEvaluate(text, first.start, first.end, before, depth);
  }
  const encode = /^([\s\S]*)\.\s*encode\s*\([^()]*\)$/.exec(source);
  if (encode) return pyEvaluate(text, offset, offset + encode[1]!.length, before, depth);
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.exec(source);
  if (name) {
    if (source === 'True' || source === 'False' || source === 'None') return pyLiteral(source);
    if (depth > 4) fail(PY_COMPUTED(source));
    const assignment = new RegExp(`^[ \\t]*${source}[ \\t]*(?::[^=\\n]*)?=(?!=)[ \\t]*`, 'gm');
    let found: RegExpExecArray | undefined;
    for (let m = assignment.exec(text); m && m.index < before; m = assignment.exec(text)) found = m;
    if (!found) fail(`The Python snippet uses ${source} for the body but never sets it.`);
    const valueStart = found.index + found[0].length;
    return pyEvaluate(text, valueStart, pyExpressionEnd(text, valueStart), found.index, depth + 1);
  }
  return pyLiteral(source);
}

/** The end of an expression starting at `at`: the first line end outside brackets and strings. */
function pyExpressionEnd(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const ch = text[i]!;
    if (/^[rRbBuUfF]{0,2}['"]/.test(text.slice(i, i + 3)) && (i === at || !/[A-Za-z0-9_]/.test(text[i - 1]!))) {
      i = pyReadString(text, i).end;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === '\n' && depth <= 0 && text[i - 1] !== '\\') return i;
    i++;
  }
  return i;
}

/** Parses a Python literal: dict, list, tuple, strings (adjacent ones joined), numbers, True/False/None. */
function pyLiteral(source: string): unknown {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (source[i] === '\\' && source[i + 1] === '\n') i += 2;
      else if (source[i] === '#') while (i < source.length && source[i] !== '\n') i++;
      else return;
    }
  };
  let nesting = 0;
  const value = (): unknown => {
    skip();
    const ch = source[i];
    if (ch === undefined) fail(PY_COMPUTED(source));
    if (ch === '{' || ch === '[' || ch === '(') {
      if (++nesting > 100) fail('The Python snippet’s body is nested too deeply.');
      const closing = ch === '{' ? '}' : ch === '[' ? ']' : ')';
      i++;
      const obj: Record<string, unknown> = {};
      const list: unknown[] = [];
      for (;;) {
        skip();
        if (source[i] === closing) {
          i++;
          break;
        }
        const item = value();
        if (ch === '{') {
          skip();
          if (source[i] !== ':') fail(PY_COMPUTED(source));
          i++;
          const v = value();
          Object.defineProperty(obj, String(item), { value: v, enumerable: true, writable: true, configurable: true });
        } else list.push(item);
        skip();
        if (source[i] === ',') i++;
        else if (source[i] !== closing) fail(PY_COMPUTED(source));
      }
      nesting--;
      return ch === '{' ? obj : list;
    }
    if (/^[rRbBuUfF]{0,2}['"]/.test(source.slice(i, i + 3))) {
      let s = '';
      // Adjacent literals are one string in Python: "a" "b" == "ab".
      while (/^[rRbBuUfF]{0,2}['"]/.test(source.slice(i, i + 3))) {
        const read = pyReadString(source, i);
        s += read.value;
        i = read.end;
        skip();
      }
      return s;
    }
    const word = /^(True|False|None|-?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)(?![A-Za-z0-9_.])/.exec(
      source.slice(i),
    );
    if (word) {
      i += word[0].length;
      if (word[1] === 'True') return true;
      if (word[1] === 'False') return false;
      if (word[1] === 'None') return null;
      return Number(word[1]!.replace(/_/g, ''));
    }
    fail(PY_COMPUTED(source.slice(i)));
  };
  const result = value();
  skip();
  if (i < source.length) fail(PY_COMPUTED(source));
  return result;
}
