/** The one span that differs between two texts: replace `length` characters at `offset` with `content`. */
export interface Span {
  offset: number;
  length: number;
  content: string;
}

/**
 * Finds the smallest single replacement that turns `before` into `after` (common prefix and suffix
 * trimmed). Applying only that span to the editor leaves the cursor, selection, folding and scroll
 * of everything outside it alone; replacing the whole model would reset them.
 * Never splits a UTF-16 surrogate pair, so an emoji is replaced whole.
 */
export function minimalEdit(before: string, after: string): Span | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { offset: start, length: endBefore - start, content: after.slice(start, endAfter) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
