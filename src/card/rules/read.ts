/**
 * Small readers for parsed JSON of unknown shape. Rules never cast: a card may hold any JSON value
 * anywhere, and real cards do (strings for booleans, numbers for text, null).
 */

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property, without reaching into `Object.prototype` (a key named `constructor` is data). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether `record` has its own property `key`. */
export function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A scalar read as the text Teams would show: strings as is, numbers and booleans converted. */
export { asString as asText } from '../../json/read.ts';

/** Whether a value counts as "there" for required text: non-empty text, a number or a boolean. */
export function isPresentText(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  return typeof value === 'number' || typeof value === 'boolean';
}

/** Like {@link isPresentText}, but white space alone does not count. */
export function hasVisibleText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  return typeof value === 'number' || typeof value === 'boolean';
}

/** A boolean as Teams reads it: `true`/`false`, or the strings `"true"`/`"false"` in any case. */
export { asBoolean } from '../../json/read.ts';

/** How a value is called in messages: "a list", "an object", "null", "a number"... */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return `\`${value}\``;
    case 'object':
      return 'an object';
    default:
      return 'a value';
  }
}

/** A value quoted for a message, shortened so that hostile strings keep messages short. */
export function quote(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else return describe(value);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

/** At most this many characters of one string are scanned by text rules (bounded work). */
export const SCAN_LIMIT = 20_000;

/** The first {@link SCAN_LIMIT} characters of a string. */
export function scanned(text: string): string {
  return text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
}
