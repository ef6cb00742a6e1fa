/**
 * The one place that converts between JSON paths and positions in the card text.
 *
 * Paths are the currency between panes (DESIGN.md, rule 2); the editor speaks offsets and line
 * columns. Everything here reads the tree that `parse.ts` built, and nothing else in the project
 * parses positions.
 */
import type { JsonNode, ParsedText } from './parse.ts';
import type { JsonPath, JsonSegment, LineColumn, TextRange } from './types.ts';

/**
 * Which part of a property a range covers: its `value` (default), its `key` (the quoted name,
 * for unknown or miscased fields), or the whole `property` (`"key": value`). For array elements
 * and the root, all three are the value.
 */
export type RangeTarget = 'value' | 'key' | 'property';

/**
 * The node holding the value at `path`, or undefined when the path does not exist.
 *
 * For `card/` modules only (edit.ts uses it); other layers work with ranges. When an object
 * repeats a key, the last occurrence wins, as it does for JSON.parse and therefore for Teams.
 */
export function nodeAtPath(root: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  const { node, matched } = resolve(root, path);
  return matched === path.length ? node : undefined;
}

/**
 * The exact text range of the value (or key, or whole property) at `path`, or undefined when
 * the path does not exist in the parsed text.
 */
export function rangeOfPath(parsed: ParsedText, path: JsonPath, target: RangeTarget = 'value'): TextRange | undefined {
  const node = nodeAtPath(parsed.root, path);
  return node ? targetRange(node, target) : undefined;
}

/**
 * Like {@link rangeOfPath}, but never undefined: when the path does not exist, the range of the
 * deepest ancestor that does. A missing child of an object or array points at the container's
 * opening bracket (length 1), so "summary is missing" underlines the card's `{` rather than the
 * whole card. Text without a tree gives an empty range at offset 0.
 */
export function nearestRange(parsed: ParsedText, path: JsonPath, target: RangeTarget = 'value'): TextRange {
  const { node, matched } = resolve(parsed.root, path);
  if (!node) return { offset: 0, length: 0 };
  if (matched === path.length) return targetRange(node, target);
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
  return { offset: node.offset, length: node.length };
}

/**
 * The path of the innermost value, property or element at `offset`, for fine-grained selection.
 * On a property's key (or its colon) this is the property's path; between the elements of an
 * array it is the array's path. A position touching the end of a value counts as inside it, as
 * an editor cursor right after `}` belongs to that object.
 */
export function valuePathAtOffset(parsed: ParsedText, offset: number): JsonPath {
  const path: JsonSegment[] = [];
  let node = parsed.root;
  if (!node || !contains(node, offset)) return path;
  for (;;) {
    if (node.type !== 'object' && node.type !== 'array') return path;
    const index = childIndexAt(node.children ?? [], offset);
    if (index < 0) return path;
    const child: JsonNode = node.children![index]!;
    if (node.type === 'array') {
      path.push(index);
      node = child;
      continue;
    }
    const [key, value] = child.children ?? [];
    if (!key) return path;
    path.push(key.value as string);
    if (!value || offset < value.offset) return path;
    node = value;
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and columns

interface LineTable {
  text: string;
  starts: number[];
}
const LINE_TABLES_KEPT = 4;
const lineTables: LineTable[] = [];

/**
 * Offsets at which each line starts. Built once per text in one linear pass and kept for the
 * last few texts, so converting many positions (every issue, every cursor move) costs a binary
 * search each. `\r\n`, `\n` and a lone `\r` end a line, as in Monaco.
 */
function lineStarts(text: string): number[] {
  for (const table of lineTables) if (table.text === text) return table.starts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  lineTables.unshift({ text, starts });
  if (lineTables.length > LINE_TABLES_KEPT) lineTables.pop();
  return starts;
}

/**
 * The 1-based line and column of `offset` (clamped to the text). Columns count UTF-16 code
 * units, as Monaco does.
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  const starts = lineStarts(text);
  const at = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: at - starts[lo]! + 1 };
}

/**
 * The offset of a 1-based line and column. Out-of-range positions are clamped: a line past the
 * end goes to the last line, a column past the end of its line to the end of that line (before
 * its line break).
 */
export function offsetAt(text: string, position: LineColumn): number {
  const starts = lineStarts(text);
  const line = Math.max(1, Math.min(Math.floor(position.line), starts.length));
  const start = starts[line - 1]!;
  let end = line < starts.length ? starts[line]! : text.length;
  if (line < starts.length) {
    end--; // the line break
    if (text.charCodeAt(end) === 0x0a && end > start && text.charCodeAt(end - 1) === 0x0d) end--;
  }
  const column = Math.max(1, Math.floor(position.column));
  return Math.min(start + column - 1, end);
}

// ---------------------------------------------------------------------------------------------
// Tree walking

/** Follows `path` as far as it exists: the deepest node reached and how many segments matched. */
function resolve(root: JsonNode | undefined, path: JsonPath): { node: JsonNode | undefined; matched: number } {
  let node = root;
  let matched = 0;
  if (!node) return { node, matched };
  for (const segment of path) {
    const child = childAt(node, segment);
    if (!child) break;
    node = child;
    matched++;
  }
  return { node, matched };
}

function childAt(node: JsonNode, segment: JsonSegment): JsonNode | undefined {
  const children = node.children ?? [];
  if (node.type === 'array') {
    return typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 ? children[segment] : undefined;
  }
  if (node.type !== 'object' || typeof segment !== 'string') return undefined;
  for (let i = children.length - 1; i >= 0; i--) {
    const [key, value] = children[i]!.children ?? [];
    if (key?.value === segment) return value;
  }
  return undefined;
}

function targetRange(node: JsonNode, target: RangeTarget): TextRange {
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  if (property && target === 'key') {
    const key = property.children![0]!;
    return { offset: key.offset, length: key.length };
  }
  if (property && target === 'property') return { offset: property.offset, length: property.length };
  return { offset: node.offset, length: node.length };
}

function contains(node: JsonNode, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** Binary search among sorted, disjoint children for the one containing `offset` (ends inclusive). */
function childIndexAt(children: JsonNode[], offset: number): number {
  let lo = 0;
  let hi = children.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid]!.offset <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best >= 0 && contains(children[best]!, offset) ? best : -1;
}
