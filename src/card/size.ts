/**
 * Payload size, measured the way the webhook limit is stated: UTF-8 bytes of the compact JSON.
 *
 * Teams documents "The message size limit is 28 KB" for incoming webhooks and Workflows, but the
 * practical ceiling observed for MessageCards is lower (about 20 KB; failures near 15.5 KB were
 * also reported), because the limit applies to what Teams stores after rendering
 * (reference/messagecard.md §7). The JSON byte size is therefore an estimate: we warn above
 * 20 KB and call it an error above 28 KB.
 */
import { utf8Length } from '../lib/bytes.ts';

/** Above this many bytes (20 KB) Teams may already refuse a MessageCard: a warning. */
export const TEAMS_SIZE_WARNING_BYTES = 20 * 1024;

/** Teams' documented limit (28 KB); above it the webhook answers with an error. */
export const TEAMS_SIZE_LIMIT_BYTES = 28 * 1024;

/**
 * UTF-8 byte length of `JSON.stringify(value)` (compact, no spaces), which is what a sender that
 * minifies the card posts. `undefined`, functions and symbols count as JSON.stringify drops them.
 *
 * Never throws: values too deep for `JSON.stringify` (a stack overflow) or with cycles are
 * measured by an iterative walk instead, cycles counting as `null`.
 */
export function compactJsonBytes(value: unknown): number {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return walkBytes(value);
  }
  if (text === undefined) return 0;
  // Native encoding is several times faster than counting in JavaScript on large cards; the
  // output of JSON.stringify has no lone surrogates, so both count the same.
  return encoder ? encoder.encode(text).length : utf8Length(text);
}

const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

/**
 * A lower bound of {@link compactJsonBytes}, found without serialising: every UTF-16 unit of a
 * string or key takes at least one byte of JSON, plus quotes, brackets and separators. The walk
 * stops as soon as the bound passes `stopAt`, so its work is bounded on multi-megabyte values
 * (where serialising, e.g. strings of lone surrogates that JSON escapes to six bytes each, would
 * cost far more).
 */
export function minimumJsonBytes(value: unknown, stopAt = Infinity): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && bytes <= stopAt) {
    const node = stack.pop();
    if (typeof node === 'string') bytes += node.length + 2;
    else if (typeof node === 'number' || typeof node === 'boolean' || node === null) bytes += 1;
    else if (typeof node === 'object' && !seen.has(node)) {
      seen.add(node);
      if (Array.isArray(node)) {
        bytes += node.length + 1;
        for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      } else {
        for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
          bytes += key.length + 4;
          stack.push(child);
        }
        bytes += 2;
      }
    }
  }
  return bytes;
}

/** Iterative fallback of {@link compactJsonBytes} for values JSON.stringify cannot handle. */
function walkBytes(root: unknown): number {
  let bytes = 0;
  const seen = new Set<object>();
  // Each entry is a value still to measure; strings push their own quoted length.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      bytes += 4; // `null` (inside arrays JSON.stringify writes null for these)
    } else if (typeof value === 'string') {
      bytes += utf8Length(JSON.stringify(value));
    } else if (typeof value === 'number') {
      bytes += Number.isFinite(value) ? String(value).length : 4;
    } else if (typeof value === 'boolean') {
      bytes += value ? 4 : 5;
    } else if (typeof value === 'bigint') {
      bytes += String(value).length;
    } else if (typeof value === 'object') {
      if (seen.has(value)) {
        bytes += 4;
        continue;
      }
      seen.add(value);
      if (Array.isArray(value)) {
        bytes += 2 + Math.max(0, value.length - 1); // brackets and commas
        for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      } else {
        const entries = Object.entries(value as Record<string, unknown>).filter(
          ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
        );
        bytes += 2 + Math.max(0, entries.length - 1); // braces and commas
        for (const [key, v] of entries) {
          bytes += utf8Length(JSON.stringify(key)) + 1; // "key":
          stack.push(v);
        }
      }
    }
  }
  return bytes;
}
