/**
 * What the snippet readers share: the error a reader stops with (its message is shown to the user
 * as it is) and a short quotation of the code it could not follow.
 */

/** Said when the text is neither card JSON nor a snippet one of the readers knows. */
export const NOT_RECOGNISED =
  'This is neither card JSON nor a snippet that posts one. Paste the JSON itself, or a curl, PowerShell (Invoke-RestMethod or Invoke-WebRequest) or Python (requests) command.';

/** A reader’s refusal, with a message for the user. */
export class ImportError extends Error {}

export function fail(message: string): never {
  throw new ImportError(message);
}

/** A short quotation of a text on one line. */
export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `“${line.slice(0, 60)}…”` : `“${line}”`;
}
