/**
 * The MessageCard (Office 365 Connector card) model, as the reference describes it, and the
 * vocabulary every layer shares: JSON paths, text ranges, issues and host profiles.
 *
 * The card types describe a card as it should be. Real cards are looser (strings for booleans,
 * numbers for strings, null values), so code that reads a parsed card must treat every field as
 * possibly of another type: use the readers in `read.ts`, never a bare cast.
 */

/** A step into JSON: a property name or an array index. */
export type JsonSegment = string | number;

/** The location of a value inside the card JSON, e.g. `['sections', 0, 'facts', 2]`. */
export type JsonPath = readonly JsonSegment[];

/** A span of the card text, in UTF-16 code units as JavaScript strings count them. */
export interface TextRange {
  offset: number;
  length: number;
}

/** A 1-based line and column, as editors and the command line show them. */
export interface LineColumn {
  line: number;
  column: number;
}

/** The host a card is checked for: each applies its own display rules. */
export type HostProfile = 'teams' | 'workflows' | 'outlook';

export const HOST_PROFILES: readonly HostProfile[] = ['teams', 'workflows', 'outlook'];

export type Severity = 'error' | 'warning' | 'hint';

/** One text replacement: replace `length` characters at `offset` with `content`. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** A quick fix: a value to write at the issue's path (or `remove` it). */
export interface QuickFix {
  /** Button text, e.g. `Use false`. */
  title: string;
  /** Path to write. Usually the issue's path. */
  path: JsonPath;
  /** Write this value, or remove the property/element when `remove` is true. */
  value?: unknown;
  remove?: boolean;
  /** For renames (`Sections` -> `sections`): the new property name at the same parent. */
  renameTo?: string;
}

/** One finding of the rule catalogue (or of the JSON parser). */
export interface Issue {
  /** Stable id, e.g. `summary-or-text-required`. */
  rule: string;
  severity: Severity;
  /** What is wrong and what Teams will do about it, in a sentence or two. */
  message: string;
  /** The element the issue concerns. Empty for the whole card. */
  path: JsonPath;
  /**
   * Where to point in the text. Rules name a path; the analyser turns it into a range.
   * `key` points at the property name instead of its value (unknown fields, renames).
   */
  target?: 'value' | 'key';
  fix?: QuickFix;
}

/** An issue with its place in the text resolved. */
export interface LocatedIssue extends Issue, LineColumn {
  range: TextRange;
}

// ---------------------------------------------------------------------------------------------
// The card itself

export interface MessageCard {
  '@type'?: 'MessageCard';
  '@context'?: string;
  correlationId?: string;
  expectedActors?: string[];
  originator?: string;
  summary?: string;
  themeColor?: string;
  hideOriginalBody?: boolean;
  title?: string;
  text?: string;
  sections?: Section[];
  potentialAction?: Action[];
}

export interface Section {
  title?: string;
  startGroup?: boolean;
  activityImage?: string;
  activityImageType?: 'avatar' | 'article';
  activityTitle?: string;
  activitySubtitle?: string;
  activityText?: string;
  heroImage?: CardImage;
  text?: string;
  facts?: Fact[];
  images?: CardImage[];
  potentialAction?: Action[];
  markdown?: boolean;
}

export interface Fact {
  name?: string;
  value?: string;
}

export interface CardImage {
  image?: string;
  title?: string;
}

export type OsTarget = 'default' | 'windows' | 'iOS' | 'android';

export interface OpenUriTarget {
  os?: OsTarget;
  uri?: string;
}

export interface OpenUriAction {
  '@type': 'OpenUri';
  name?: string;
  targets?: OpenUriTarget[];
}

export interface HttpHeader {
  name?: string;
  value?: string;
}

export interface HttpPostAction {
  '@type': 'HttpPOST';
  name?: string;
  target?: string;
  headers?: HttpHeader[];
  body?: string;
  bodyContentType?: 'application/json' | 'application/x-www-form-urlencoded';
}

export interface ActionCardAction {
  '@type': 'ActionCard';
  name?: string;
  inputs?: Input[];
  actions?: (OpenUriAction | HttpPostAction)[];
}

export interface ViewAction {
  '@type': 'ViewAction';
  '@context'?: string;
  name?: string;
  target?: string[];
}

export interface InvokeAddInCommandAction {
  '@type': 'InvokeAddInCommand';
  name?: string;
  addInId?: string;
  desktopCommandId?: string;
  initializationContext?: Record<string, unknown>;
}

export type Action = OpenUriAction | HttpPostAction | ActionCardAction | ViewAction | InvokeAddInCommandAction;
export type ActionType = Action['@type'];
export const ACTION_TYPES: readonly ActionType[] = [
  'OpenUri',
  'HttpPOST',
  'ActionCard',
  'ViewAction',
  'InvokeAddInCommand',
];

interface InputBase {
  id?: string;
  isRequired?: boolean;
  title?: string;
  value?: string;
}

export interface TextInput extends InputBase {
  '@type': 'TextInput';
  isMultiline?: boolean;
  maxLength?: number;
}

export interface DateInput extends InputBase {
  '@type': 'DateInput';
  includeTime?: boolean;
}

export interface Choice {
  display?: string;
  value?: string;
}

export interface MultichoiceInput extends InputBase {
  '@type': 'MultichoiceInput';
  choices?: Choice[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'normal' | 'expanded';
}

export type Input = TextInput | DateInput | MultichoiceInput;
export type InputType = Input['@type'];
export const INPUT_TYPES: readonly InputType[] = ['TextInput', 'DateInput', 'MultichoiceInput'];
