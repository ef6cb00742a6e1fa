/**
 * The card's elements for the outline and the forms, over the grammar of `grammar.ts`: which
 * element sits at a path of a given card, what may move where, what a new element looks like, and
 * the outline. Plain data over loose card values (read through `json/read.ts`), so it works on any
 * card a sender wrote, not only well-typed ones.
 */
import { samePath } from '../json/path.ts';
import { asArray, asObject, asString, getAt } from '../json/read.ts';
import { childLists, kindLabel, walkGrammar, type ElementKind, type ElementShape } from './grammar.ts';
import { INPUT_TYPES, type InputType, type JsonPath } from './types.ts';

/** What kind of element sits at a path, read from the path and the value found there. */
export interface ElementInfo extends ElementShape {
  path: JsonPath;
}

/**
 * The element at `path` of `card`, or undefined when the path does not name an element of the
 * card's grammar (`['sections', 0, 'facts', 1]` is a fact; `['sections', 0, 'title']` is not an
 * element) or nothing is there.
 */
export function elementAt(card: unknown, path: JsonPath): ElementInfo | undefined {
  const { kind, nested, end } = walkGrammar(path);
  if (end !== path.length) return undefined;
  const value = getAt(card, path);
  if (value === undefined) return undefined;
  const type = kind === 'action' || kind === 'input' ? asString(asObject(value)?.['@type']) : undefined;
  return { path, kind, type, nested };
}

/** The nearest element at or above `path` that exists in `card` (the card itself at worst). */
export function nearestElement(card: unknown, path: JsonPath): ElementInfo {
  for (let end = path.length; end > 0; end--) {
    const info = elementAt(card, path.slice(0, end));
    if (info) return info;
  }
  return { path: [], kind: 'card', type: undefined, nested: false };
}

// ---------------------------------------------------------------------------------------------
// What may be added and moved where

/**
 * Whether `list` of the element `owner` may take a member like `moved` (for moves and drops):
 * facts into any section's facts, actions into any action list whose types allow them.
 */
export function acceptsMember(owner: ElementInfo, key: string, moved: ElementInfo): boolean {
  const list = childLists(owner).find((l) => l.key === key && !l.single);
  if (!list || list.kind !== moved.kind) return false;
  if (moved.kind === 'action' || moved.kind === 'input') {
    return moved.type !== undefined && (list.types ?? []).includes(moved.type);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// New elements

/** Ids already used by the inputs of an ActionCard. */
export function inputIds(card: unknown, actionCardPath: JsonPath): string[] {
  const inputs = asArray(getAt(card, [...actionCardPath, 'inputs'])) ?? [];
  return inputs.flatMap((input) => {
    const id = asString(asObject(input)?.id);
    return id ? [id] : [];
  });
}

/**
 * The ActionCard whose inputs an HttpPOST's `{{id.value}}` can read: the one holding the action,
 * or undefined for an HttpPOST that is not inside an ActionCard.
 */
export function enclosingActionCard(path: JsonPath): JsonPath | undefined {
  const n = path.length;
  return n >= 4 && path[n - 2] === 'actions' ? path.slice(0, n - 2) : undefined;
}

function uniqueName(base: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}`;
    if (!taken.includes(name)) return name;
  }
}

const INPUT_ID_BASE: Readonly<Record<InputType, string>> = {
  TextInput: 'text',
  DateInput: 'date',
  MultichoiceInput: 'choice',
};

/**
 * A new element for the list `key` of the element at `ownerPath`: the smallest value that passes
 * the rules for Teams, so adding something never starts with a red marker. Input ids and choice
 * values are made unique among their neighbours.
 */
export function newElement(card: unknown, ownerPath: JsonPath, kind: ElementKind, type?: string): unknown {
  switch (kind) {
    case 'section':
      return { activityTitle: 'New section' };
    case 'fact':
      return { name: 'Name', value: 'Value' };
    case 'image':
    case 'heroImage':
      return { image: 'https://example.com/image.png', title: 'Image' };
    case 'target': {
      const targets = asArray(getAt(card, [...ownerPath, 'targets'])) ?? [];
      const used = targets.map((t) => asString(asObject(t)?.os));
      const os = ['default', 'iOS', 'android', 'windows'].find((o) => !used.includes(o)) ?? 'default';
      return { os, uri: 'https://example.com' };
    }
    case 'header':
      return { name: 'X-Header', value: 'value' };
    case 'choice': {
      const choices = asArray(getAt(card, [...ownerPath, 'choices'])) ?? [];
      const values = choices.map((c) => asString(asObject(c)?.value) ?? '');
      const value = uniqueName('option', values);
      return { display: `Option ${value.slice('option'.length)}`, value };
    }
    case 'input': {
      const inputType: InputType = INPUT_TYPES.includes(type as InputType) ? (type as InputType) : 'TextInput';
      const id = uniqueName(INPUT_ID_BASE[inputType], inputIds(card, ownerPath));
      if (inputType === 'DateInput') return { '@type': 'DateInput', id, title: 'Pick a date' };
      if (inputType === 'MultichoiceInput') {
        return {
          '@type': 'MultichoiceInput',
          id,
          title: 'Pick one',
          isMultiSelect: false,
          choices: [{ display: 'Option 1', value: 'option1' }],
        };
      }
      return { '@type': 'TextInput', id, title: 'Your answer' };
    }
    case 'action':
      return newAction(type);
    default:
      return {};
  }
}

function newAction(type: string | undefined): unknown {
  switch (type) {
    case 'HttpPOST':
      return { '@type': 'HttpPOST', name: 'Send', target: 'https://example.com/api', body: '' };
    case 'ActionCard':
      return {
        '@type': 'ActionCard',
        name: 'Respond',
        inputs: [],
        actions: [{ '@type': 'HttpPOST', name: 'Send', target: 'https://example.com/api', body: '' }],
      };
    case 'ViewAction':
      return { '@context': 'http://schema.org', '@type': 'ViewAction', name: 'View', target: ['https://example.com'] };
    case 'InvokeAddInCommand':
      return {
        '@type': 'InvokeAddInCommand',
        name: 'Open add-in',
        addInId: '00000000-0000-0000-0000-000000000000',
        desktopCommandId: 'command',
        initializationContext: {},
      };
    default:
      return { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] };
  }
}

/**
 * A copy of the element at `path` to insert after it: the same value (unknown fields included),
 * with a fresh id for an input and a fresh value for a choice, so the copy breaks no uniqueness rule.
 */
export function duplicateOf(card: unknown, info: ElementInfo): unknown {
  const value: unknown = structuredClone(getAt(card, info.path));
  const object = asObject(value);
  if (!object) return value;
  const ownerPath = info.path.slice(0, -2);
  if (info.kind === 'input') {
    const base = (asString(object.id) ?? 'input').replace(/\d+$/, '');
    object.id = uniqueName(base, inputIds(card, ownerPath));
  } else if (info.kind === 'choice') {
    const choices = asArray(getAt(card, [...ownerPath, 'choices'])) ?? [];
    const values = choices.map((c) => asString(asObject(c)?.value) ?? '');
    const base = (asString(object.value) ?? 'option').replace(/\d+$/, '');
    object.value = uniqueName(base, values);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The outline

/** One node of the outline: an element, with its place in its list. */
export interface OutlineNode {
  path: JsonPath;
  kind: ElementKind;
  type: string | undefined;
  nested: boolean;
  /** What the node is called in the outline, e.g. `Fact: Status`. */
  label: string;
  /** The list it belongs to and its index there; undefined for the card and a hero image. */
  list: { path: JsonPath; index: number; length: number } | undefined;
  children: OutlineNode[];
}

const MAX_LABEL = 48;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LABEL ? `${line.slice(0, MAX_LABEL - 1)}…` : line;
}

/** The words that name one element: its title, name or id, whichever it has. */
function caption(kind: ElementKind, value: unknown): string {
  const o = asObject(value);
  if (!o) return value === null ? '(null)' : '(not an object)';
  const first = (...keys: string[]) => keys.map((k) => asString(o[k])?.trim()).find((s) => s) ?? '';
  switch (kind) {
    case 'card':
      return first('title', 'summary', 'text');
    case 'section':
      return first('title', 'activityTitle', 'text', 'activitySubtitle');
    case 'fact':
    case 'header':
      return first('name', 'value');
    case 'image':
    case 'heroImage':
      return first('title', 'image');
    case 'action':
      return first('name');
    case 'input':
      return first('id', 'title');
    case 'choice':
      return first('display', 'value');
    case 'target':
      return [asString(o.os) ?? 'default', asString(o.uri) ?? ''].filter(Boolean).join(' ');
  }
}

/**
 * The outline of a card: the card, its sections (with hero image, facts, images and actions),
 * its actions (with an ActionCard's inputs and inner actions, choices, OpenUri targets and
 * HttpPOST headers), each with its path. Members that are not objects still get a node, so they
 * can be found and deleted.
 */
export function buildOutline(card: unknown): OutlineNode {
  return node(card, [], 'card', false, undefined);
}

function node(
  value: unknown,
  path: JsonPath,
  kind: ElementKind,
  nested: boolean,
  list: OutlineNode['list'],
): OutlineNode {
  const type = kind === 'action' || kind === 'input' ? asString(asObject(value)?.['@type']) : undefined;
  const info: ElementInfo = { path, kind, type, nested };
  const words = caption(kind, value);
  const children: OutlineNode[] = [];
  const object = asObject(value);
  if (object) {
    for (const child of childLists(info)) {
      const raw = object[child.key];
      if (child.single) {
        if (raw !== undefined) children.push(node(raw, [...path, child.key], child.kind, false, undefined));
        continue;
      }
      const items = asArray(raw) ?? [];
      items.forEach((item, index) => {
        const itemPath = [...path, child.key, index];
        const isNested = kind === 'action' && child.kind === 'action';
        children.push(
          node(item, itemPath, child.kind, isNested, { path: [...path, child.key], index, length: items.length }),
        );
      });
    }
  }
  const name = kindLabel(info);
  const label =
    kind === 'section' && list
      ? `Section ${list.index + 1}${words ? `: ${clip(words)}` : ''}`
      : name + (words ? `: ${clip(words)}` : '');
  return { path, kind, type, nested, label, list, children };
}

/** The nodes in display order (depth first), each with its depth (the card is 0). */
export function flattenOutline(
  root: OutlineNode,
): { node: OutlineNode; depth: number; parent: OutlineNode | undefined }[] {
  const rows: { node: OutlineNode; depth: number; parent: OutlineNode | undefined }[] = [];
  const walk = (n: OutlineNode, depth: number, parent: OutlineNode | undefined) => {
    rows.push({ node: n, depth, parent });
    for (const child of n.children) walk(child, depth + 1, n);
  };
  walk(root, 0, undefined);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Moves

/**
 * A move of an array member. `to` is where it ends up, in the card after the move (the path to
 * select afterwards). `insertAt` is set when the destination lies inside a later member of the
 * same list (an action dropped into the ActionCard after it): `moveAt` cannot express that, so
 * the move is an insertion at `insertAt` (a path in the card before the move) and then a removal.
 */
export interface Move {
  from: JsonPath;
  to: JsonPath;
  insertAt?: JsonPath;
}

/** Builds a move to `to`, a path in the card before the move (see {@link Move}). */
function settle(from: JsonPath, to: JsonPath): Move {
  const listPath = from.slice(0, -1);
  const index = from[from.length - 1] as number;
  const depth = listPath.length;
  const through = to[depth];
  if (
    to.length > depth + 1 &&
    samePath(to.slice(0, depth), listPath) &&
    typeof through === 'number' &&
    through > index
  ) {
    return { from, to: [...to.slice(0, depth), through - 1, ...to.slice(depth + 1)], insertAt: to };
  }
  return { from, to };
}

/**
 * The move that takes a member one step up or down (Alt+Up/Down in the outline): within its list,
 * and past the end of the list into the neighbouring section's list for facts, images and
 * section actions, so they can travel between sections from the keyboard. Undefined when there
 * is nowhere to go.
 */
export function stepMove(card: unknown, path: JsonPath, direction: -1 | 1): Move | undefined {
  const info = elementAt(card, path);
  const index = path[path.length - 1];
  if (!info || typeof index !== 'number' || info.kind === 'card' || info.kind === 'heroImage') return undefined;
  const listPath = path.slice(0, -1);
  const length = asArray(getAt(card, listPath))?.length ?? 0;
  const next = index + direction;
  if (next >= 0 && next < length) return { from: path, to: [...listPath, next] };

  // Past the end: into the previous or next section's list of the same name.
  const key = listPath[listPath.length - 1];
  const inSection = path.length === 4 && path[0] === 'sections' && typeof path[1] === 'number';
  if (!inSection || typeof key !== 'string') return undefined;
  const sections = asArray(asObject(card)?.sections) ?? [];
  for (let s = (path[1] as number) + direction; s >= 0 && s < sections.length; s += direction) {
    const owner = elementAt(card, ['sections', s]);
    if (!owner || !acceptsMember(owner, key, info)) continue;
    const members = asArray(getAt(card, ['sections', s, key]));
    const at = direction < 0 ? (members?.length ?? 0) : 0;
    if (members === undefined && getAt(card, ['sections', s, key]) !== undefined) continue; // not a list
    return settle(path, ['sections', s, key, at]);
  }
  return undefined;
}

/**
 * The move for dropping the member at `from` on the outline node at `over`: onto a member of a
 * list that accepts it, it takes that member's place; onto an element with a list that accepts it
 * (a section, for a fact), it goes to the end of that list. Undefined when the drop is not allowed.
 */
export function dropMove(card: unknown, from: JsonPath, over: JsonPath): Move | undefined {
  const moved = elementAt(card, from);
  if (!moved || typeof from[from.length - 1] !== 'number' || samePath(from, over)) return undefined;
  if (over.length >= from.length && samePath(over.slice(0, from.length), from)) return undefined; // into itself
  const target = elementAt(card, over);
  if (!target) return undefined;

  const overIndex = over[over.length - 1];
  if (typeof overIndex === 'number' && target.kind === moved.kind) {
    const listPath = over.slice(0, -2);
    const key = over[over.length - 2] as string;
    const owner = elementAt(card, listPath);
    if (owner && acceptsMember(owner, key, moved)) return settle(from, over);
  }
  for (const list of childLists(target)) {
    if (list.single || !acceptsMember(target, list.key, moved)) continue;
    const listPath = [...over, list.key];
    const raw = getAt(card, listPath);
    if (raw !== undefined && !Array.isArray(raw)) return undefined;
    const length = asArray(raw)?.length ?? 0;
    const sameList = samePath(listPath, from.slice(0, -1));
    return settle(from, [...listPath, sameList ? length - 1 : length]);
  }
  return undefined;
}
