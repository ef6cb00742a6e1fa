import { applyEdits, format } from 'jsonc-parser';

/**
 * Pretty-prints card text with two-space indentation. Only whitespace changes: strings, numbers
 * (`1.50` stays `1.50`), escapes and key order are left exactly as typed, unlike a
 * `JSON.stringify(JSON.parse(text))` round trip.
 */
export function formatCardText(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formatted = applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol }));
  return formatted.endsWith(eol) ? formatted : formatted + eol;
}

/** The card as one line, the bytes a service would post. Returns undefined when the text is not JSON. */
export function minifyCardText(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}
