/**
 * Edits to the card text at a JSON path, as minimal text edits.
 *
 * Forms and quick fixes never rewrite the card: they change the few characters that hold the
 * value, and everything else (key order, unknown fields, spacing, line endings) stays byte for
 * byte. New JSON follows the document's own style: its indentation (tabs or N spaces), its line
 * endings, and whether the surrounding container is pretty-printed or written on one line.
 *
 * jsonc-parser's `modify` does the same job for VS Code's settings, but with formatting options it
 * reformats every line the edit touches: adding a property to a minified card pretty-prints the
 * whole card, and inserting a fact explodes the neighbouring one-line fact. So the edits are
 * computed here, on jsonc-parser's tree, and applied with its `applyEdits`.
 */
import { applyEdits } from 'jsonc-parser';
import { nodeAtPath } from './locate.ts';
import { parseText, type JsonNode } from './parse.ts';
import type { JsonPath, TextEdit } from './types.ts';
import { formatPath, pathStartsWith, samePath } from './path.ts';

/**
 * The text after an edit, and the edits that produced it: sorted by offset, non-overlapping,
 * with offsets into the text before the edit (ready for Monaco's `executeEdits`). Applying
 * `edits` to the old text gives `text`; an edit that changes nothing gives no edits.
 */
export interface EditResult {
  text: string;
  edits: TextEdit[];
}

/**
 * Sets the value at `path`, replacing it when it exists and creating it (with any missing
 * parent objects and arrays) when it does not. A new property goes after the last one of its
 * object. `undefined` removes the value, as in {@link removeAt}.
 *
 * @throws when the text is not valid JSON, when a step of the path has the wrong kind (a
 * property of an array, an index into a string), or when an index lies past the end of its array.
 */
export function setAt(text: string, path: JsonPath, value: unknown): EditResult {
  if (value === undefined) return removeAt(text, path);
  const doc = open(text);
  return finish(text, [setEdit(doc, path, renderValue(value, doc.style))]);
}

/**
 * Removes the property or array element at `path`, with its comma. A path that does not exist
 * changes nothing. When an object repeats the key, every occurrence goes, so the property is
 * really gone rather than revealing an earlier duplicate.
 *
 * @throws when the text is not valid JSON, or for the empty path (the whole card).
 */
export function removeAt(text: string, path: JsonPath): EditResult {
  const doc = open(text);
  if (path.length === 0) throw new Error('Cannot remove the whole card');
  const parent = nodeAtPath(doc.root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  const children = parent?.children ?? [];
  let indices: number[] = [];
  if (parent?.type === 'object' && typeof last === 'string') {
    indices = children.flatMap((prop, i) => (prop.children?.[0]?.value === last ? [i] : []));
  } else if (parent?.type === 'array' && typeof last === 'number' && last >= 0 && last < children.length) {
    indices = [last];
  }
  if (!parent || indices.length === 0) return { text, edits: [] };
  return finish(text, removeChildren(parent, indices));
}

/**
 * Inserts `value` into an array before the element at the path's last segment, an index;
 * index = length appends. A missing array is created (with missing parents), and then the
 * index must be 0.
 *
 * @throws when the text is not valid JSON, the path does not end in an index, the index is out
 * of range, or the parent exists but is not an array.
 */
export function insertAt(text: string, path: JsonPath, value: unknown): EditResult {
  const doc = open(text);
  if (value === undefined) throw new Error('Cannot insert undefined: JSON has no such value');
  const { arrayPath, index } = splitIndex(path, 'insert at');
  const array = nodeAtPath(doc.root, arrayPath);
  const render = renderValue(value, doc.style);
  if (!array) return finish(text, [setEdit(doc, path, render)]);
  expectArray(array, arrayPath, 'insert into');
  return finish(text, [insertIntoArray(doc, array, index, render)]);
}

/**
 * Moves an array element, within its array or into another one (a fact from one section to
 * another). `to` ends in the index the element gets in the destination array *after* it was
 * removed from `from`, so moving `[.., 0]` to `[.., 2]` in one array puts it after the element
 * that was at index 2. The element's text moves as written (unknown fields and spacing intact),
 * re-indented to its new depth. A missing destination array is created (index 0).
 *
 * @throws when the text is not valid JSON, either path does not end in an index, the source
 * element does not exist, the destination index is out of range, or the destination lies inside
 * the moved element.
 */
export function moveAt(text: string, from: JsonPath, to: JsonPath): EditResult {
  const doc = open(text);
  const source = splitIndex(from, 'move from');
  const target = splitIndex(to, 'move to');
  if (pathStartsWith(target.arrayPath, from)) {
    throw new Error(`Cannot move ${formatPath(from)} into itself (${formatPath(to)})`);
  }
  const sourceArray = nodeAtPath(doc.root, source.arrayPath);
  const element = sourceArray?.type === 'array' ? sourceArray.children?.[source.index] : undefined;
  if (!sourceArray || !element) throw new Error(`Cannot move ${formatPath(from)}: there is no such element`);
  if (samePath(source.arrayPath, target.arrayPath) && source.index === target.index) return { text, edits: [] };

  const raw = text.slice(element.offset, end(element));
  const render = renderRaw(raw, lineIndent(text, element.offset));
  const [removal] = removeChildren(sourceArray, [source.index]);

  // Compute the insertion on the text without the element, where `to` is defined, then map it
  // back to offsets of the original text so both edits apply to one version of it.
  const removed = applyEdits(text, [removal!]);
  const after = open(removed);
  const destination = nodeAtPath(after.root, target.arrayPath);
  let insertion: TextEdit;
  if (destination) {
    expectArray(destination, target.arrayPath, 'move into');
    insertion = insertIntoArray(after, destination, target.index, render);
  } else {
    insertion = setEdit(after, to, render);
  }
  const expected = applyEdits(removed, [insertion]);
  const mapped = mapThroughRemoval(insertion, removal!);
  if (mapped) {
    const edits = [removal!, mapped].sort((a, b) => a.offset - b.offset);
    if (applyEdits(text, edits) === expected) return { text: expected, edits };
  }
  // Unreachable for well-formed moves; kept so a surprise degrades to one larger, correct edit.
  return { text: expected, edits: [diffEdit(text, expected)] };
}

/**
 * Renames the property at `path` to `newName` (`Sections` → `sections`), replacing only the
 * quoted key; the value's text is untouched.
 *
 * @throws when the text is not valid JSON, the path is not an existing property, or the object
 * already has a property called `newName`.
 */
export function renameKey(text: string, path: JsonPath, newName: string): EditResult {
  const doc = open(text);
  const node = path.length > 0 ? nodeAtPath(doc.root, path) : undefined;
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  const key = property?.children?.[0];
  if (!property || !key || typeof path[path.length - 1] !== 'string') {
    throw new Error(`Cannot rename ${formatPath(path)}: there is no such property`);
  }
  if (key.value === newName) return { text, edits: [] };
  const clash = property.parent?.children?.some((p) => p !== property && p.children?.[0]?.value === newName);
  if (clash) throw new Error(`Cannot rename ${formatPath(path)}: the object already has a property "${newName}"`);
  return finish(text, [{ offset: key.offset, length: key.length, content: JSON.stringify(newName) }]);
}

// ---------------------------------------------------------------------------------------------
// Documents and style

interface Style {
  /** One level of indentation: a tab or some spaces. */
  unit: string;
  eol: string;
  /** Whether the card is pretty-printed (its first property on a line of its own). */
  pretty: boolean;
}

interface Doc {
  text: string;
  root: JsonNode;
  style: Style;
}

function open(text: string): Doc {
  const parsed = parseText(text);
  if (!parsed.ok || !parsed.root) {
    const first = parsed.errors[0];
    const where = first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
    throw new Error(`Cannot edit the card while its JSON has errors${where}`);
  }
  return { text, root: parsed.root, style: detectStyle(text, parsed.root) };
}

function detectStyle(text: string, root: JsonNode): Style {
  const lf = text.indexOf('\n');
  const eol = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : lf < 0 && text.includes('\r') ? '\r' : '\n';
  const first = root.children?.[0];
  if (!first) return { unit: '  ', eol, pretty: true };
  if (!startsLine(text, first.offset)) return { unit: '  ', eol, pretty: false };
  const indent = lineIndent(text, first.offset).slice(lineIndent(text, root.offset).length);
  const unit = indent === '' ? '  ' : indent.startsWith('\t') ? '\t' : indent;
  return { unit, eol, pretty: true };
}

/** The spaces and tabs that start the line containing `offset` (not beyond `offset`). */
function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < offset && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Whether only spaces and tabs stand between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

function spansLines(text: string, node: JsonNode): boolean {
  const slice = text.slice(node.offset, end(node));
  return slice.includes('\n') || slice.includes('\r');
}

function end(node: JsonNode): number {
  return node.offset + node.length;
}

// ---------------------------------------------------------------------------------------------
// Rendering new content

/**
 * How new JSON is laid out, copied from its neighbours: `multiline` (pretty-printed at the right
 * depth), `spaced` (one line, `{ "name": "A", "value": "1" }`) or `compact` (minified).
 */
type Layout = 'multiline' | 'spaced' | 'compact';

/** Produces the text of new content, given the indentation of the line it starts on. */
type Render = (base: string, layout: Layout) => string;

function renderValue(value: unknown, style: Style): Render {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`Cannot write ${typeof value} into JSON`);
  const plain: unknown = JSON.parse(json); // applies toJSON and drops undefined members, as JSON does
  return (base, layout) => (layout === 'compact' ? json : print(plain, base, layout, style));
}

function print(value: unknown, base: string, layout: Layout, style: Style): string {
  const inner = base + style.unit;
  const multiline = layout === 'multiline';
  const open = multiline ? style.eol + inner : ' ';
  const close = multiline ? style.eol + base : ' ';
  const comma = multiline ? ',' + style.eol + inner : ', ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + open + value.map((item) => print(item, inner, layout, style)).join(comma) + close + ']';
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const members = entries.map(([k, v]) => JSON.stringify(k) + ': ' + print(v, inner, layout, style));
    return '{' + open + members.join(comma) + close + '}';
  }
  return JSON.stringify(value);
}

/** Existing text moved elsewhere: its continuation lines shift from `fromBase` to the new base. */
function renderRaw(raw: string, fromBase: string): Render {
  return (base) =>
    base === fromBase
      ? raw
      : raw.replace(/(\r\n|\n|\r)([ \t]*)/g, (_match, br: string, ws: string) =>
          ws.startsWith(fromBase) ? br + base + ws.slice(fromBase.length) : br + ws,
        );
}

/** Wraps content in the objects and arrays that the remaining path segments need. */
function nest(segments: JsonPath, leaf: Render, style: Style, path: JsonPath): Render {
  if (segments.length === 0) return leaf;
  const [segment, ...rest] = segments;
  const inner = nest(rest, leaf, style, path);
  if (typeof segment === 'number' && segment !== 0) {
    throw new Error(`Cannot set ${formatPath(path)}: index ${segment} of an array that does not exist yet`);
  }
  const [open, close] = typeof segment === 'number' ? ['[', ']'] : ['{', '}'];
  return (base, layout) => {
    const deeper = layout === 'multiline' ? base + style.unit : base;
    const head = typeof segment === 'string' ? JSON.stringify(segment) + (layout === 'compact' ? ':' : ': ') : '';
    const body = head + inner(deeper, layout);
    if (layout === 'compact') return open + body + close;
    if (layout === 'spaced') return open + ' ' + body + ' ' + close;
    return open + style.eol + deeper + body + style.eol + base + close;
  };
}

/**
 * Whether a container written on one line puts spaces inside (`{ "a": 1 }`, `[1, 2]`) or not
 * (`{"a":1}`). When the container cannot tell (`[1]`, `{}`), a pretty card gets spaces.
 */
function inlineLayout(doc: Doc, node: JsonNode): Layout {
  const { text, style } = doc;
  const fallback: Layout = style.pretty ? 'spaced' : 'compact';
  if (node.type !== 'object' && node.type !== 'array') {
    return node.parent && node.parent.type !== 'property' ? inlineLayout(doc, node.parent) : fallback;
  }
  if (text[node.offset + 1] === ' ') return 'spaced';
  const [first, second] = node.children ?? [];
  if (node.type === 'object' && first) return colonGap(text, first).includes(' ') ? 'spaced' : 'compact';
  if (first && second) return text.slice(end(first), second.offset).includes(' ') ? 'spaced' : 'compact';
  return fallback;
}

/**
 * The layout for new content next to (or replacing) `node`: multi-line when `node` spans lines
 * or stands on a line of its own in a pretty card, else the one-line style of the nearest
 * non-empty container. `holder` is the property holding `node`, or `node` itself.
 */
function layoutNear(doc: Doc, node: JsonNode, holder: JsonNode): Layout {
  const { text, style } = doc;
  if (spansLines(text, node)) return 'multiline';
  const isContainer = node.type === 'object' || node.type === 'array';
  if (isContainer && (node.children?.length ?? 0) > 0) return inlineLayout(doc, node);
  if (style.pretty && startsLine(text, holder.offset)) return 'multiline';
  const container = holder.parent;
  return container ? inlineLayout(doc, container) : style.pretty ? 'multiline' : 'compact';
}

// ---------------------------------------------------------------------------------------------
// Edit computation

function setEdit(doc: Doc, path: JsonPath, render: Render): TextEdit {
  const { text, root, style } = doc;
  let matched = 0;
  let node = root;
  while (matched < path.length) {
    const child = nodeAtPath(node, [path[matched]!]);
    if (!child) break;
    node = child;
    matched++;
  }

  if (matched === path.length) {
    const holder = node.parent?.type === 'property' ? node.parent : node;
    const content = render(lineIndent(text, holder.offset), layoutNear(doc, node, holder));
    return { offset: node.offset, length: node.length, content };
  }

  const segment = path[matched]!;
  const content = nest(path.slice(matched + 1), render, style, path);
  if (node.type === 'object' && typeof segment === 'string') return insertIntoObject(doc, node, segment, content);
  if (node.type === 'array' && typeof segment === 'number') {
    const length = node.children?.length ?? 0;
    if (segment !== length) throw new Error(`Cannot set ${formatPath(path)}: index ${segment} is past the end`);
    return insertIntoArray(doc, node, segment, content);
  }
  const want = typeof segment === 'number' ? 'an array' : 'an object';
  throw new Error(
    `Cannot set ${formatPath(path)}: ${formatPath(path.slice(0, matched))} is ${kindOf(node)}, not ${want}`,
  );
}

function insertIntoObject(doc: Doc, object: JsonNode, key: string, render: Render): TextEdit {
  const { text, style } = doc;
  const props = object.children ?? [];
  const name = JSON.stringify(key);
  const last = props[props.length - 1];
  if (!last) {
    return fillEmpty(doc, object, (base, layout) => name + (layout === 'compact' ? ':' : ': ') + render(base, layout));
  }
  const base = lineIndent(text, last.offset);
  if (startsLine(text, last.offset)) {
    const layout = style.pretty ? 'multiline' : layoutNear(doc, last, last);
    return { offset: end(last), length: 0, content: ',' + style.eol + base + name + ': ' + render(base, layout) };
  }
  const layout = spansLines(text, last) ? 'multiline' : inlineLayout(doc, object);
  const content = ',' + inlineGap(doc, object) + name + colonGap(text, last) + render(base, layout);
  return { offset: end(last), length: 0, content };
}

function insertIntoArray(doc: Doc, array: JsonNode, index: number, render: Render): TextEdit {
  const { text, style } = doc;
  const items = array.children ?? [];
  if (index < 0 || index > items.length || !Number.isInteger(index)) {
    throw new Error(`Cannot insert at index ${index}: the array has ${items.length} elements`);
  }
  if (items.length === 0) return fillEmpty(doc, array, render);
  const before = index < items.length;
  const anchor = before ? items[index]! : items[items.length - 1]!;
  const base = lineIndent(text, anchor.offset);
  const separator = startsLine(text, anchor.offset) ? style.eol + base : inlineGap(doc, array);
  const item = render(base, layoutNear(doc, anchor, anchor));
  return before
    ? { offset: anchor.offset, length: 0, content: item + ',' + separator }
    : { offset: end(anchor), length: 0, content: ',' + separator + item };
}

/**
 * Writes the first member into `{}` or `[]`: on a line of its own when the card is pretty-printed
 * and the container is not inside a one-line container, else on one line like its surroundings.
 */
function fillEmpty(doc: Doc, container: JsonNode, render: Render): TextEdit {
  const { text, style } = doc;
  const inside = { offset: container.offset + 1, length: container.length - 2 };
  const holder = container.parent?.type === 'property' ? container.parent : container;
  const hasBreak = /[\r\n]/.test(text.slice(inside.offset, inside.offset + inside.length));
  const ownLine = !holder.parent || startsLine(text, holder.offset) || spansLines(text, holder.parent);
  if (hasBreak || (style.pretty && ownLine)) {
    const base = lineIndent(text, container.offset);
    const deeper = base + style.unit;
    return { ...inside, content: style.eol + deeper + render(deeper, 'multiline') + style.eol + base };
  }
  const layout = holder.parent ? inlineLayout(doc, holder.parent) : 'compact';
  const content = render('', layout);
  return { ...inside, content: layout === 'spaced' ? ' ' + content + ' ' : content };
}

/** What follows the comma between members of a one-line container (`", "` or `","`). */
function inlineGap(doc: Doc, container: JsonNode): string {
  const { text } = doc;
  const [first, second] = container.children ?? [];
  if (first && second) {
    const between = text.slice(end(first), second.offset);
    const gap = between.slice(between.indexOf(',') + 1);
    if (!/[\r\n]/.test(gap)) return gap;
  }
  return inlineLayout(doc, container) === 'spaced' ? ' ' : '';
}

/** The text between a property's key and its value (`":"`, `": "`, `" : "`), reused for new keys. */
function colonGap(text: string, property: JsonNode): string {
  const [key, value] = property.children ?? [];
  if (!key || !value) return ': ';
  const gap = text.slice(end(key), value.offset);
  return /[\r\n]/.test(gap) ? ': ' : gap;
}

/**
 * Edits removing some members of a container with their commas. Each run of neighbouring
 * members is one edit: up to the next kept member when there is one (so the indentation before
 * the run stays), else from the end of the previous kept member. Removing all leaves `{}`/`[]`.
 */
function removeChildren(container: JsonNode, indices: number[]): TextEdit[] {
  const children = container.children ?? [];
  if (indices.length >= children.length) {
    return [{ offset: container.offset + 1, length: container.length - 2, content: '' }];
  }
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const edits: TextEdit[] = [];
  for (let k = 0; k < sorted.length;) {
    const first = sorted[k]!;
    let last = first;
    while (sorted[k + 1] === last + 1) last = sorted[++k]!;
    k++;
    const next = children[last + 1];
    if (next) {
      edits.push({ offset: children[first]!.offset, length: next.offset - children[first]!.offset, content: '' });
    } else {
      const from = end(children[first - 1]!);
      edits.push({ offset: from, length: end(children[last]!) - from, content: '' });
    }
  }
  return edits;
}

/** Maps an edit of the text-after-removal back to offsets of the text before it. */
function mapThroughRemoval(edit: TextEdit, removal: TextEdit): TextEdit | undefined {
  if (edit.offset + edit.length <= removal.offset && edit.offset < removal.offset) return edit;
  if (edit.offset >= removal.offset) return { ...edit, offset: edit.offset + removal.length };
  return undefined; // straddles the removed text
}

/** One edit covering the difference between two texts (common prefix and suffix kept). */
function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { offset: start, length: before.length - tail - start, content: after.slice(start, after.length - tail) };
}

function finish(text: string, edits: TextEdit[]): EditResult {
  const real = edits.filter((e) => text.slice(e.offset, e.offset + e.length) !== e.content);
  real.sort((a, b) => a.offset - b.offset);
  return { text: real.length ? applyEdits(text, real) : text, edits: real };
}

// ---------------------------------------------------------------------------------------------
// Paths

function splitIndex(path: JsonPath, verb: string): { arrayPath: JsonPath; index: number } {
  const index = path[path.length - 1];
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw new Error(`Cannot ${verb} ${formatPath(path)}: the path must end in an array index`);
  }
  return { arrayPath: path.slice(0, -1), index };
}

function expectArray(node: JsonNode, path: JsonPath, verb: string): void {
  if (node.type !== 'array') throw new Error(`Cannot ${verb} ${formatPath(path)}: it is ${kindOf(node)}, not an array`);
}

function kindOf(node: JsonNode): string {
  return node.type === 'array' || node.type === 'object' ? `an ${node.type}` : `a ${node.type}`;
}
