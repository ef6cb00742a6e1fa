/**
 * The body of a curl command, read with bash (and Windows cmd) quoting: single and double quotes,
 * $'…' strings, line continuations, heredocs and here-strings feeding `-d @-`. Nothing is run.
 */
import { fail, NOT_RECOGNISED } from './readerErrors.ts';

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

export function curlBody(text: string): string {
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
