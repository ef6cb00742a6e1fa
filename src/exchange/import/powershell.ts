/**
 * The body of a PowerShell `Invoke-RestMethod` / `Invoke-WebRequest` call: string literals,
 * here-strings, variables set to them and splatted parameters. A hashtable piped to
 * ConvertTo-Json is code, so it is refused with a message. Nothing is run.
 */
import { fail, preview } from './readerErrors.ts';

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

export function powershellBody(text: string): string {
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
