/**
 * Import of pasted text: card JSON, or a snippet that posts a card, from which the JSON body is
 * taken out: curl (bash or Windows cmd quoting, heredocs), PowerShell `Invoke-RestMethod` /
 * `Invoke-WebRequest` (string literals, here-strings, variables) and Python `requests` (a JSON
 * string or a dict literal, directly or through variables).
 *
 * This module recognises the language and hands the text to its reader (`curl.ts`, `powershell.ts`,
 * `python.ts`). Nothing is ever run: each language's quoting is read by a small, strict reader, and
 * anything a reader cannot follow (a body built at run time, read from a file, or a form) gives a
 * message that says why, so the user knows what to copy instead.
 */
import { formatCardText } from '../../json/format.ts';
import { parseText } from '../../json/parse.ts';
import { curlBody } from './curl.ts';
import { powershellBody } from './powershell.ts';
import { pythonBody } from './python.ts';
import { ImportError, NOT_RECOGNISED, preview } from './readerErrors.ts';

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
