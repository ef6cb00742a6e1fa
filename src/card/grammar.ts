/**
 * The grammar of a card's elements, written once: which element a property of which element
 * holds, whether it is a list or a single object, which `@type`s a list takes, what each element
 * is called and which definitions of the JSON Schema describe it. Paths to elements
 * ({@link elementPath}, {@link pathAtOffset}), the outline and the forms' lists
 * (`elements.ts`), the forms' fields (`formFields.ts`) and the rules' messages all derive from
 * this table, so they cannot disagree about what a card is made of.
 *
 * Matching is case-sensitive, like Teams: content under `Sections` is not a section (Teams drops
 * it).
 */
import { valuePathAtOffset } from '../json/locate.ts';
import type { ParsedText } from '../json/parse.ts';
import type { JsonPath } from '../json/types.ts';
import { ACTION_TYPES, INPUT_TYPES, type ActionType, type InputType } from './types.ts';

/** The kinds of element, by their place in a card. Actions and inputs carry their `@type` apart. */
export type ElementKind =
  'card' | 'section' | 'fact' | 'image' | 'heroImage' | 'action' | 'input' | 'choice' | 'target' | 'header';

/**
 * The definitions of the JSON Schema (`schema.ts`): one per element kind, and one more for each
 * action and input `@type`. An action is described by `['action', type]`, an input by
 * `['input', type]`.
 */
export type SchemaKind =
  | 'card'
  | 'section'
  | 'fact'
  | 'image'
  | 'openUriTarget'
  | 'httpHeader'
  | 'choice'
  | 'action'
  | 'input'
  | ActionType
  | InputType;

/** A property of an element that holds other elements. */
interface Member {
  kind: ElementKind;
  /** A list (`facts[i]`) rather than a single object (`heroImage`). */
  indexed: boolean;
  /** Only an action or input of this `@type` holds it (an OpenUri's `targets`). */
  holder?: ActionType | InputType;
}

interface Definition {
  /** What the outline and the forms call it (`Fact`); actions and inputs show their `@type`. */
  label: string;
  /** The schema definition that describes it (with the `@type`'s own for actions and inputs). */
  schema: SchemaKind;
  /** The properties holding other elements, in the order the outline and the forms show them. */
  members: Readonly<Record<string, Member>>;
}

const list = (kind: ElementKind, holder?: ActionType | InputType): Member => ({ kind, indexed: true, holder });

/** The grammar. */
export const GRAMMAR: Readonly<Record<ElementKind, Definition>> = {
  card: { label: 'Card', schema: 'card', members: { sections: list('section'), potentialAction: list('action') } },
  section: {
    label: 'Section',
    schema: 'section',
    members: {
      heroImage: { kind: 'heroImage', indexed: false },
      facts: list('fact'),
      images: list('image'),
      potentialAction: list('action'),
    },
  },
  fact: { label: 'Fact', schema: 'fact', members: {} },
  image: { label: 'Image', schema: 'image', members: {} },
  heroImage: { label: 'Hero image', schema: 'image', members: {} },
  action: {
    label: 'Action',
    schema: 'action',
    members: {
      inputs: list('input', 'ActionCard'),
      actions: list('action', 'ActionCard'),
      targets: list('target', 'OpenUri'),
      headers: list('header', 'HttpPOST'),
    },
  },
  input: { label: 'Input', schema: 'input', members: { choices: list('choice', 'MultichoiceInput') } },
  choice: { label: 'Choice', schema: 'choice', members: {} },
  target: { label: 'Target', schema: 'openUriTarget', members: {} },
  header: { label: 'Header', schema: 'httpHeader', members: {} },
};

/** The action types an ActionCard may hold (reference §4.1: no ActionCard inside an ActionCard). */
export const NESTED_ACTION_TYPES: readonly ActionType[] = ['OpenUri', 'HttpPOST'];

/** How the rules' messages name an element of each schema definition. */
export const SCHEMA_PHRASES: Readonly<Record<SchemaKind, string>> = {
  card: 'the card',
  section: 'a section',
  fact: 'a fact',
  image: 'an image',
  action: 'an action',
  OpenUri: 'an OpenUri action',
  openUriTarget: 'an OpenUri target',
  HttpPOST: 'an HttpPOST action',
  httpHeader: 'an HttpPOST header',
  ActionCard: 'an ActionCard',
  ViewAction: 'a ViewAction',
  InvokeAddInCommand: 'an InvokeAddInCommand action',
  input: 'an input',
  TextInput: 'a TextInput',
  DateInput: 'a DateInput',
  MultichoiceInput: 'a MultichoiceInput',
  choice: 'a choice',
};

/** Every schema definition. */
export const SCHEMA_KINDS = Object.keys(SCHEMA_PHRASES) as SchemaKind[];

/** An element as the grammar sees it: its kind, the `@type` of an action or input, and whether it is inside an ActionCard. */
export interface ElementShape {
  kind: ElementKind;
  type: string | undefined;
  nested: boolean;
}

/** A property of an element that holds other elements, and the `@type`s its members may have. */
export interface ChildList {
  key: string;
  kind: ElementKind;
  /** For lists of actions or inputs, the types that may be added; else undefined. */
  types: readonly string[] | undefined;
  /** A single object (`heroImage`) rather than a list. */
  single: boolean;
}

/** The properties of an element that hold other elements, in display order. */
export function childLists({ kind, type, nested }: ElementShape): ChildList[] {
  if (nested && type === 'ActionCard') return []; // not allowed there, so it holds nothing
  return Object.entries(GRAMMAR[kind].members)
    .filter(([, member]) => member.holder === undefined || member.holder === type)
    .map(([key, member]) => ({
      key,
      kind: member.kind,
      types:
        member.kind === 'action'
          ? kind === 'action'
            ? NESTED_ACTION_TYPES
            : ACTION_TYPES
          : member.kind === 'input'
            ? INPUT_TYPES
            : undefined,
      single: !member.indexed,
    }));
}

/**
 * What people call an element of this kind: its `@type` for actions and inputs that have one
 * (`HttpPOST`, `TextInput`), else the kind's label (`Fact`).
 */
export function kindLabel(info: Pick<ElementShape, 'kind' | 'type'>): string {
  if ((info.kind === 'action' || info.kind === 'input') && info.type) return info.type;
  return GRAMMAR[info.kind].label;
}

/** The schema definitions that describe an element: `['action', 'OpenUri']` for an OpenUri action. */
export function schemaKindsOf(info: Pick<ElementShape, 'kind' | 'type'>): SchemaKind[] {
  const own = GRAMMAR[info.kind].schema;
  const types: readonly string[] = info.kind === 'action' ? ACTION_TYPES : info.kind === 'input' ? INPUT_TYPES : [];
  return info.type !== undefined && types.includes(info.type) ? [own, info.type as SchemaKind] : [own];
}

/** How far `path` follows the grammar from the card: the kind reached and the length of that prefix. */
export interface GrammarWalk {
  kind: ElementKind;
  /** The element reached is an action inside an action (an ActionCard's `actions`). */
  nested: boolean;
  /** How many segments of the path name elements. */
  end: number;
}

/** Follows `path` through the grammar as far as it names elements. */
export function walkGrammar(path: JsonPath): GrammarWalk {
  let kind: ElementKind = 'card';
  let nested = false;
  let end = 0;
  while (end < path.length) {
    const segment = path[end];
    const members: Readonly<Record<string, Member>> = GRAMMAR[kind].members;
    if (typeof segment !== 'string' || !Object.hasOwn(members, segment)) break;
    const member: Member = members[segment]!;
    let next = end + 1;
    if (member.indexed) {
      if (typeof path[next] !== 'number') break;
      next++;
    }
    nested = kind === 'action' && member.kind === 'action';
    kind = member.kind;
    end = next;
  }
  return { kind, nested, end };
}

/**
 * The longest prefix of `path` that names a card element: the card (`[]`), a section, fact,
 * image, hero image, action (card or section level), ActionCard input or inner action, choice,
 * OpenUri target or HttpPOST header; e.g. `['sections', 0, 'facts', 1, 'value']` →
 * `['sections', 0, 'facts', 1]`.
 */
export function elementPath(path: JsonPath): JsonPath {
  return path.slice(0, walkGrammar(path).end);
}

/**
 * The path of the nearest card element containing `offset` (see {@link elementPath}). Moving the
 * editor cursor selects this element in the preview and forms; e.g. inside `"name"` of
 * `sections[1].facts[2]` it is `['sections', 1, 'facts', 2]`.
 */
export function pathAtOffset(parsed: ParsedText, offset: number): JsonPath {
  return elementPath(valuePathAtOffset(parsed, offset));
}
