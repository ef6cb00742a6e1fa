/**
 * Payload size, measured the way the webhook limit is stated: UTF-8 bytes of the compact JSON.
 *
 * Teams documents "The message size limit is 28 KB" for incoming webhooks and Workflows, but the
 * practical ceiling observed for MessageCards is lower (about 20 KB; failures near 15.5 KB were
 * also reported), because the limit applies to what Teams stores after rendering
 * (reference/messagecard.md §7). The JSON byte size is therefore an estimate: we warn above
 * 20 KB and call it an error above 28 KB.
 */

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

/** UTF-8 byte length of a string; a lone surrogate counts as the 3 bytes of U+FFFD. */
export function utf8Length(text: string): number {
  let bytes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Human-readable size: `512 B`, `19.5 KB`, `1.2 MB` (1 KB = 1024 bytes, as the Teams limit is
 * usually read). One decimal below 100 units, none above.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '? B';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  const digits = size < 100 ? 1 : 0;
  return `${size.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
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
