/**
 * The body of a Python `requests` call: `json=` or `data=` given a literal (a JSON string, a dict),
 * a name bound to one, `json.dumps(…)` or `.encode(…)`. Python literals are read by a small parser;
 * nothing is run.
 */
import { fail, preview } from './readerErrors.ts';

const PY_COMPUTED = (what: string) =>
  `The Python snippet’s body is computed (${preview(what)}), not written as a literal in the snippet.`;

export function pythonBody(text: string): string {
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
