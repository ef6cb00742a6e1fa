/**
 * One answer per behaviour of a host (issue 13). The preview (`card/preview`, `features/preview`),
 * the rule catalogue (`card/rules`) and the Adaptive Card converter (`adaptive/`) ask these
 * functions, never decide on their own, so that what the preview draws, what a rule says and what
 * the converter writes cannot disagree. Every function answers for every host profile:
 *
 * - `teams`: Teams' connector-card renderer;
 * - `workflows`: Teams drawing a MessageCard posted to a Workflows webhook (the Teams renderer
 *   without any button, reference §8), and the host the Adaptive Card converter writes for;
 * - `outlook`: Outlook's actionable messages (reference §6.1, §9.1).
 *
 * Sources are sections of `shared/reference/messagecard.md`; where the reference is unsure, the
 * decision is written next to the function.
 */
import { asArray, asBoolean, asObject, asString } from '../json/read.ts';
import type { HostProfile, JsonPath, Severity } from './types.ts';

/** Whether a host draws with Teams' renderer (the connector view and the Workflows view). */
export function isTeamsRenderer(host: HostProfile): boolean {
  return host !== 'outlook';
}

// -------------------------------------------------------------------------------------------------
// Sections: which ones get a separator

/** What comes above a section: a line and a large gap, a normal gap, or nothing at all. */
export type SectionGap = 'separator' | 'gap' | 'none';

/** Whether the card draws something above its first section: a title or a text. */
function hasContentBeforeSections(card: Record<string, unknown>): boolean {
  return [card.title, card.text].some((v) => (asString(v)?.trim() ?? '') !== '');
}

/**
 * What is drawn above section `index` (reference §2, §9.1): Teams treats every section as
 * `startGroup: true`, so each is set apart by a line; Outlook draws the line only before a section
 * with `startGroup: true` and a normal gap otherwise. In every host, a first section with nothing
 * before it (no card title or text) starts the card: no line and no gap.
 */
export function sectionGap(card: Record<string, unknown>, index: number, host: HostProfile): SectionGap {
  if (index === 0 && !hasContentBeforeSections(card)) return 'none';
  if (isTeamsRenderer(host)) return 'separator';
  const section = asObject(asArray(card.sections)?.[index]);
  return asBoolean(section?.startGroup) === true ? 'separator' : 'gap';
}

// -------------------------------------------------------------------------------------------------
// MultichoiceInput: which layout a choice list has

export type ChoiceStyle = 'compact' | 'expanded';

/** How a choice list is drawn: its style, whether several may be picked, and why that style. */
export interface ChoiceLayout {
  multiSelect: boolean;
  style: ChoiceStyle;
  /**
   * Where the style comes from: `style` as written (`given`, letter case and spaces ignored, Outlook's
   * `normal` = compact), the Teams docs' recipe `"style": true` read as compact (`recipe`), or the
   * host's default because `style` is absent (`default`) or holds no style Teams knows (`unknown`).
   */
  source: 'given' | 'recipe' | 'default' | 'unknown';
}

/** The styles a MultichoiceInput may name and what each means (reference §5). */
const CHOICE_STYLES: Readonly<Record<string, ChoiceStyle>> = {
  compact: 'compact',
  normal: 'compact',
  expanded: 'expanded',
};

/**
 * The host's layout when `style` says nothing (reference §5, §9.1): Teams shows a single choice
 * compact (a drop-down) and a multi-select expanded (check boxes); Outlook shows both compact
 * (its `normal`) unless the card asks for `expanded`.
 */
export function defaultChoiceStyle(multiSelect: boolean, host: HostProfile): ChoiceStyle {
  return isTeamsRenderer(host) && multiSelect ? 'expanded' : 'compact';
}

/**
 * The layout of a MultichoiceInput in a host. `isMultiSelect` is read like every boolean (`"true"`
 * counts); `style` case-insensitively; the Teams page's recipe for a compact multi-select,
 * `"isMultiSelect": true, "style": true`, is read as the compact it means (reference §5).
 */
export function choiceLayout(input: unknown, host: HostProfile): ChoiceLayout {
  const fields = asObject(input) ?? {};
  const multiSelect = asBoolean(fields.isMultiSelect) === true;
  const raw = fields.style;
  if (raw === true) return { multiSelect, style: 'compact', source: 'recipe' };
  const named = typeof raw === 'string' ? CHOICE_STYLES[raw.trim().toLowerCase()] : undefined;
  if (named) return { multiSelect, style: named, source: 'given' };
  const style = defaultChoiceStyle(multiSelect, host);
  return { multiSelect, style, source: raw === undefined || raw === null ? 'default' : 'unknown' };
}

/** The words a message uses for a layout: "a drop-down", "radio buttons", "check boxes", ... */
export function describeChoiceLayout(layout: ChoiceLayout): string {
  if (layout.multiSelect) return layout.style === 'expanded' ? 'check boxes' : 'a multi-select drop-down';
  return layout.style === 'expanded' ? 'radio buttons' : 'a drop-down';
}

// -------------------------------------------------------------------------------------------------
// Text: links in titles, and how a section's text is read

/**
 * Whether a Markdown link in a card or section `title` is drawn as a link. Decision (reference §1:
 * "no Markdown links" in `title`; §2: section title "no links"; §6.2: Teams formats the text
 * property only): in no host. The title shows the link as written, `[text](url)`, and the rule
 * `markdown-link-in-title` says so; the summary is plain text everywhere.
 */
export function titleLinksAreLinks(host: HostProfile): boolean {
  void host;
  return false;
}

/** How the text fields of a section are read. */
export interface TextFormat {
  /** `html`: Teams' HTML subset (`markdown: false` in Teams); `markdown` otherwise. */
  syntax: 'markdown' | 'html';
  /** The deepest heading level drawn as a heading (Teams 3, Outlook 6). */
  headingLevels: 3 | 6;
}

/**
 * How a section's texts are read (reference §2, §6): Teams reads Markdown, or its HTML subset when
 * the section says `"markdown": false`, with headings 1 to 3. Outlook does not know the `markdown`
 * field: it reads every text as Markdown with headings 1 to 6, and HTML "is ignored and treated as
 * plain text", so tags show as written.
 */
export function sectionTextFormat(section: unknown, host: HostProfile): TextFormat {
  if (!isTeamsRenderer(host)) return { syntax: 'markdown', headingLevels: 6 };
  const html = asBoolean(asObject(section)?.markdown) === false;
  return { syntax: html ? 'html' : 'markdown', headingLevels: 3 };
}

// -------------------------------------------------------------------------------------------------
// DateInput: how its value is read

/** A DateInput value as a date picker reads it. */
export interface DateValue {
  /** `YYYY-MM-DD`, when the value starts with an ISO date. */
  date: string | undefined;
  /** `HH:MM`, when the value has an ISO time after the date (seconds and zone are dropped). */
  time: string | undefined;
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads a DateInput `value` (reference §5: the initial value): an ISO 8601 date, optionally with a
 * time, seconds, fractions and a time zone (`2017-05-01`, `2017-05-01T17:07`,
 * `2017-05-01T17:07:18-07:00`, `…Z`). The date and the clock time are taken as written (no zone
 * conversion: the card's author wrote the time they mean). Anything else reads as no value.
 */
export function readDateValue(value: unknown): DateValue {
  const text = typeof value === 'string' ? value.trim() : '';
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return { date: undefined, time: undefined };
  const date = match[1]!;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return { date: undefined, time: undefined };
  }
  const time = match[2];
  const valid = time === undefined || (Number(time.slice(0, 2)) < 24 && Number(time.slice(3)) < 60);
  return { date, time: valid ? time : undefined };
}

/** The value of a date field (`YYYY-MM-DD`) or a date-and-time field (`YYYY-MM-DDTHH:MM`); '' when unread. */
export function dateFieldValue(value: unknown, includeTime: boolean): string {
  const { date, time } = readDateValue(value);
  if (!date) return '';
  return includeTime ? `${date}T${time ?? '00:00'}` : date;
}

// -------------------------------------------------------------------------------------------------
// Actions: which are drawn, which count toward a limit, and what an ActionCard without actions does

/**
 * Whether a host draws an action's button (reference §4.1, §8): Workflows draws no button at all;
 * Teams does not draw InvokeAddInCommand (Outlook add-ins only); Outlook draws every known type.
 * Unknown types are "drawn" as the designer's note in the preview and reported by their own rule.
 */
export function actionDrawn(action: unknown, host: HostProfile): boolean {
  if (host === 'workflows') return false;
  const type = asString(asObject(action)?.['@type']);
  return !(host === 'teams' && type === 'InvokeAddInCommand');
}

/** The actions of a list a host draws, with their indexes, and how many it leaves out as not its kind. */
export function drawnActions(
  list: unknown,
  host: HostProfile,
): { drawn: { action: unknown; index: number }[]; notDrawn: number } {
  const drawn: { action: unknown; index: number }[] = [];
  let notDrawn = 0;
  (asArray(list) ?? []).forEach((action, index) => {
    if (actionDrawn(action, host)) drawn.push({ action, index });
    else notDrawn++;
  });
  return { drawn, notDrawn };
}

/**
 * How many actions of a list count toward a host's display limit: only those it draws (reference
 * §4.1, §4.6: Teams does not draw InvokeAddInCommand, so it takes no place). Workflows draws none.
 */
export function actionsCountedForLimit(list: unknown, host: HostProfile): number {
  return drawnActions(list, host).drawn.length;
}

/** What an ActionCard's panel can do. */
export type ActionCardState = 'ok' | 'inputs-without-actions' | 'empty';

/** The state of an ActionCard: whether its panel has a button that sends the inputs (reference §4.4). */
export function actionCardState(action: unknown): ActionCardState {
  const fields = asObject(action) ?? {};
  const actions = asArray(fields.actions)?.length ?? 0;
  if (actions > 0) return 'ok';
  return (asArray(fields.inputs)?.length ?? 0) > 0 ? 'inputs-without-actions' : 'empty';
}

/**
 * The one sentence about an ActionCard whose panel has no button (reference §4.4, §11: an error):
 * the preview's note, the rule's message and the converter's note all use it.
 */
export function actionCardStateSentence(state: ActionCardState): string | undefined {
  if (state === 'inputs-without-actions') {
    return "This ActionCard has inputs but no actions: its panel has no button, so what people enter is never sent (Teams' newer renderer even failed to draw it).";
  }
  if (state === 'empty') {
    return "This ActionCard has no inputs and no actions: its panel is empty (Teams' newer renderer failed to draw it).";
  }
  return undefined;
}

// -------------------------------------------------------------------------------------------------
// Fields a host ignores

/** A field a host does nothing with. */
export interface IgnoredField {
  path: JsonPath;
  field: string;
  /** Why, as the end of a sentence. */
  why: string;
}

/** What Teams' issues with an ignored field are (reference §11 and the corpus contract: warnings). */
export const IGNORED_FIELD_SEVERITY: Severity = 'warning';

const IGNORED_CARD_FIELDS_IN_TEAMS: Readonly<Record<string, string>> = {
  hideOriginalBody: 'it hides the body of an e-mail, which a Teams post does not have',
  originator: 'it identifies the sender of an actionable e-mail',
  correlationId: 'Outlook echoes it in action requests',
  expectedActors: 'it restricts who may act on an actionable e-mail',
};

/** The card-level fields a host ignores (reference §1: "not supported" in Teams). */
export function ignoredCardFields(card: Record<string, unknown>, host: HostProfile): IgnoredField[] {
  if (!isTeamsRenderer(host)) return [];
  return Object.entries(IGNORED_CARD_FIELDS_IN_TEAMS)
    .filter(([field]) => Object.hasOwn(card, field) && card[field] !== undefined && card[field] !== null)
    .map(([field, why]) => ({ path: [field], field, why }));
}

/**
 * The section fields a host ignores (reference §2): Teams does not draw `heroImage` and separates
 * every section whatever `startGroup: false` says; Outlook does not know the Teams extensions
 * `activityImageType` and `markdown`.
 */
export function ignoredSectionFields(section: unknown, path: JsonPath, host: HostProfile): IgnoredField[] {
  const fields = asObject(section);
  if (!fields) return [];
  const present = (field: string) =>
    Object.hasOwn(fields, field) && fields[field] !== undefined && fields[field] !== null;
  const out: IgnoredField[] = [];
  if (isTeamsRenderer(host)) {
    if (present('heroImage')) {
      out.push({ path: [...path, 'heroImage'], field: 'heroImage', why: 'Teams does not draw hero images' });
    }
    if (asBoolean(fields.startGroup) === false) {
      out.push({
        path: [...path, 'startGroup'],
        field: 'startGroup',
        why: 'Teams separates every section with a line anyway',
      });
    }
  } else {
    for (const field of ['activityImageType', 'markdown']) {
      if (present(field)) {
        out.push({
          path: [...path, field],
          field,
          why:
            field === 'markdown'
              ? 'it is a Teams extension: Outlook reads every text as Markdown'
              : 'it is a Teams extension',
        });
      }
    }
  }
  return out;
}

/** Whether a host draws a section's `heroImage`. */
export function heroImageDrawn(host: HostProfile): boolean {
  return !isTeamsRenderer(host);
}

/** A MultichoiceInput `value` that is not among its choices' values is an error (reference §11). */
export const VALUE_NOT_A_CHOICE_SEVERITY: Severity = 'error';

// -------------------------------------------------------------------------------------------------
// Colours

/** The colours a preview frame uses (reference §9 for Teams, §9.1 for Outlook). */
export interface HostPalette {
  surface: string;
  text: string;
  subtle: string;
  separator: string;
  accent: string;
}

/**
 * The palette of each preview host. Teams light and dark are the Teams host configurations
 * (separator `#EEEEEE` in light); high contrast has no documented configuration (black, white and
 * the system highlight). Outlook is the MessageCard Playground's: text `#333333`, subtle text the
 * same at 93 %, accent `#2E89FC`, separator `#EEEEEE`. The preview's style sheet holds the same
 * values (a test compares them).
 */
export const HOST_PALETTES = {
  'teams-light': {
    surface: '#ffffff',
    text: '#252424',
    subtle: 'rgba(37, 36, 36, 0.75)',
    separator: '#eeeeee',
    accent: '#6264a7',
  },
  'teams-dark': {
    surface: '#2d2c2c',
    text: '#ffffff',
    subtle: 'rgba(255, 255, 255, 0.75)',
    separator: '#3b3a39',
    accent: '#a6a7dc',
  },
  'teams-contrast': {
    surface: '#000000',
    text: '#ffffff',
    subtle: '#ffffff',
    separator: '#ffffff',
    accent: '#1aebff',
  },
  outlook: {
    surface: '#ffffff',
    text: '#333333',
    subtle: 'rgba(51, 51, 51, 0.93)',
    separator: '#eeeeee',
    accent: '#2e89fc',
  },
} as const satisfies Record<string, HostPalette>;

/** The palette a host profile is drawn in by default (Workflows posts show in Teams, light). */
export function hostPalette(host: HostProfile): HostPalette {
  return host === 'outlook' ? HOST_PALETTES.outlook : HOST_PALETTES['teams-light'];
}
