/**
 * The MessageCard (Office 365 Connector card) model, as the reference describes it, and the
 * host profiles. The JSON vocabulary (paths, ranges, issues) lives in `json/types.ts`.
 *
 * The card types describe a card as it should be. Real cards are looser (strings for booleans,
 * numbers for strings, null values), so code that reads a parsed card must treat every field as
 * possibly of another type: use the readers in `read.ts`, never a bare cast.
 */

export type {
  JsonSegment,
  JsonPath,
  TextRange,
  LineColumn,
  Severity,
  TextEdit,
  QuickFix,
  Issue,
  LocatedIssue,
} from '../json/types.ts';

/** The host a card is checked for: each applies its own display rules. */
export type HostProfile = 'teams' | 'workflows' | 'outlook';

export const HOST_PROFILES: readonly HostProfile[] = ['teams', 'workflows', 'outlook'];

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
