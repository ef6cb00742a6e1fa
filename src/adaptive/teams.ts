/**
 * What Teams users ask of a converted card beyond the Adaptive Card schema: full width
 * (`msteams.width`) and mentions (`msteams.entities`, reference section 8).
 *
 * Pure functions applied to the converter's result, so the conversion itself stays as it is. A
 * mention is the text `<at>Name</at>` in a TextBlock or a fact plus an entity that names the person
 * by UPN or Entra object ID; the text alone notifies nobody. Names come from what the MessageCard's
 * author wrote, and IDs only from the user: a name without a valid ID gets no entity and is reported,
 * never guessed. (A bot cannot be mentioned from a webhook at all, msteams-docs#10545.)
 */
import { asArray, asBoolean, asObject, asString } from '../json/read.ts';
import type { JsonPath } from '../card/types.ts';
import type { AdaptiveCardJson, ConversionNote, MentionEntity, TeamsCardProperties } from './types.ts';

/** The user's choices: full width on or off, and an ID (UPN or Entra object ID) per mentioned name. */
export interface TeamsOptions {
  fullWidth: boolean;
  /** Name (as written between `<at>` and `</at>`) → ID. Read with own-property checks only. */
  mentions: Readonly<Record<string, string>>;
}

/** Full width on, no IDs: what a conversion gives before the user chooses anything. */
export const DEFAULT_TEAMS_OPTIONS: TeamsOptions = { fullWidth: true, mentions: {} };

/** A name mentioned in the MessageCard, with every field that mentions it. */
export interface FoundMention {
  name: string;
  /** The fields where `<at>name</at>` is written, in card order, each once. */
  paths: JsonPath[];
  /** How many times it is written in all. */
  count: number;
}

/**
 * What became of a mentioned name:
 * - `mentioned`: it has a valid ID and its `<at>` text is in the Adaptive Card: an entity is added;
 * - `missing`: no ID given: the text stays as written and notifies nobody;
 * - `invalid`: the ID is neither a UPN nor an Entra object ID: treated as missing;
 * - `not-carried`: the ID is valid but the conversion did not keep the `<at>` text (HTML text).
 */
export type MentionState = 'mentioned' | 'missing' | 'invalid' | 'not-carried';

export interface MentionStatus extends FoundMention {
  state: MentionState;
  /** The trimmed ID the user gave, valid or not. */
  id?: string;
  /** How many of the `count` times it is written became a mention (0 unless `mentioned`). */
  carried: number;
}

/** The converted card with the options applied, each mentioned name's fate, and report notes. */
export interface TeamsResult {
  card: AdaptiveCardJson;
  mentions: MentionStatus[];
  notes: ConversionNote[];
}

/**
 * `<at>Name</at>`: a name of up to 100 characters on one line, without angle brackets. Longer or
 * odder spans are not names anyone types, and leaving them alone keeps the scan linear.
 */
const MENTION = /<at>([^<>\r\n]{1,100}?)<\/at>/g;

/** An Entra (Azure AD) object ID. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UPN: the characters Entra allows before the @ (no dot at either end), then a DNS domain. */
const UPN =
  /^(?!\.)[A-Za-z0-9'._!#^~-]{1,64}(?<!\.)@(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Why `id` cannot name a person in a mention, or undefined when it can (a UPN such as
 * `ada@contoso.com` or an Entra object ID, a GUID). The ID is trimmed first.
 */
export function mentionIdProblem(id: string): string | undefined {
  const value = id.trim();
  if (value === '') return 'No ID: the name stays plain text and notifies nobody.';
  if (GUID.test(value) || UPN.test(value)) return undefined;
  const orgId = /^8:orgid:([0-9a-f-]{36})$/i.exec(value)?.[1];
  if (orgId && GUID.test(orgId)) return `Give the object ID without “8:orgid:”: ${orgId}.`;
  return 'This is neither a UPN (name@domain) nor an Entra object ID (a GUID, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).';
}

/** An HTML tag other than `<at>`: the converter rewrites such a text as Markdown, without the `<at>` tags. */
const OTHER_TAG = /<(?!\/?at>)\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

interface TextField {
  path: JsonPath;
  text: string;
  /** Read as HTML by the converter (`markdown: false`, or HTML tags in it). */
  html: boolean;
}

/** The MessageCard fields whose text becomes Adaptive Card TextBlock or fact text, with their paths. */
function textFields(card: Record<string, unknown>): TextField[] {
  const fields: TextField[] = [];
  let htmlSection = false;
  const add = (value: unknown, path: JsonPath) => {
    const text = asString(value);
    if (text !== undefined && text.includes('<at>')) {
      fields.push({ path, text, html: htmlSection || OTHER_TAG.test(text) });
    }
  };
  add(card.title, ['title']);
  add(card.text, ['text']);
  (asArray(card.sections) ?? []).forEach((raw, s) => {
    const section = asObject(raw);
    if (!section) return;
    htmlSection = asBoolean(section.markdown) === false;
    for (const key of ['title', 'activityTitle', 'activitySubtitle', 'activityText', 'text']) {
      add(section[key], ['sections', s, key]);
    }
    (asArray(section.facts) ?? []).forEach((rawFact, f) => {
      const fact = asObject(rawFact);
      if (!fact) return;
      add(fact.name, ['sections', s, 'facts', f, 'name']);
      add(fact.value, ['sections', s, 'facts', f, 'value']);
    });
  });
  return fields;
}

/**
 * Every `<at>Name</at>` written in the MessageCard's text fields (card title and text; section
 * title, activity title, subtitle and text, text; fact names and values), names deduplicated
 * exactly as written, in order of first appearance. The summary is left out: it becomes the
 * fallback text, which is plain and mentions nobody.
 */
export function findMentions(card: Record<string, unknown>): FoundMention[] {
  return scanMentions(card).found;
}

/** {@link findMentions}, and the paths of the fields the converter reads as HTML. */
function scanMentions(card: Record<string, unknown>): { found: FoundMention[]; htmlPaths: Set<JsonPath> } {
  const found = new Map<string, FoundMention>();
  const htmlPaths = new Set<JsonPath>();
  for (const { path, text, html } of textFields(card)) {
    if (html) htmlPaths.add(path);
    for (const match of text.matchAll(MENTION)) {
      const name = match[1]!;
      if (name.trim() === '') continue;
      let entry = found.get(name);
      if (!entry) {
        entry = { name, paths: [], count: 0 };
        found.set(name, entry);
      }
      entry.count++;
      if (entry.paths[entry.paths.length - 1] !== path) entry.paths.push(path);
    }
  }
  return { found: [...found.values()], htmlPaths };
}

/** The ID the options give `name`, own properties only (a name may be `__proto__` or `constructor`). */
function idFor(options: TeamsOptions, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(options.mentions, name)) return undefined;
  const id = options.mentions[name];
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Markdown backslash escapes undone: what the converter wrote for a name with `*` or `_` in it. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Rewrites the `<at>…</at>` spans of one text so that each span naming one of `names` is spelled
 * exactly as its entity's text (the converter may have backslash-escaped `*` or `_` in it), and
 * records the names met.
 */
function normalizeText(text: string, names: ReadonlySet<string>, met: Map<string, number>): string {
  if (!text.includes('<at>')) return text;
  return text.replace(MENTION, (whole, inner: string) => {
    const name = names.has(inner) ? inner : unescapeMarkdown(inner);
    if (!names.has(name)) return whole;
    met.set(name, (met.get(name) ?? 0) + 1);
    return `<at>${name}</at>`;
  });
}

/** Walks the converted card (a fresh copy) and normalizes the text of its TextBlocks and facts. */
function normalizeMentions(value: unknown, names: ReadonlySet<string>, met: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const item of value) normalizeMentions(item, names, met);
    return;
  }
  const object = asObject(value);
  if (!object) return;
  if (object.type === 'TextBlock' && typeof object.text === 'string') {
    object.text = normalizeText(object.text, names, met);
  }
  if (object.type === 'FactSet') {
    for (const fact of asArray(object.facts) ?? []) {
      const f = asObject(fact);
      if (!f) continue;
      if (typeof f.title === 'string') f.title = normalizeText(f.title, names, met);
      if (typeof f.value === 'string') f.value = normalizeText(f.value, names, met);
    }
  }
  for (const [key, child] of Object.entries(object)) {
    if (key !== 'facts' && typeof child === 'object' && child !== null) normalizeMentions(child, names, met);
  }
}

function quoteName(name: string): string {
  return `<at>${name}</at>`;
}

/**
 * Applies the options to a card converted from `source`: `msteams.width: "Full"` when asked, and
 * one `msteams.entities` mention per name that has a valid ID and whose `<at>` text the Adaptive
 * Card carries. Names without an ID, with an ID that is neither a UPN nor an Entra object ID, or
 * whose text the conversion did not keep are reported in `notes` and get no entity. The card given
 * is not changed; `msteams` is written before `body`, where Teams is known to read it
 * (msteams-docs#12288).
 */
export function applyTeamsOptions(
  card: AdaptiveCardJson,
  source: Record<string, unknown>,
  options: TeamsOptions,
): TeamsResult {
  const { found, htmlPaths } = scanMentions(source);
  const notes: ConversionNote[] = [];
  const valid = new Map<string, string>();
  const statuses: MentionStatus[] = found.map((mention) => {
    const id = idFor(options, mention.name);
    const at = mention.paths[0]!;
    if (id === undefined) {
      notes.push({
        kind: 'approximated',
        path: at,
        topic: 'mention-no-id',
        message: `${quoteName(mention.name)} has no UPN or Entra object ID: it stays plain text and notifies nobody.`,
      });
      return { ...mention, state: 'missing', carried: 0 };
    }
    if (mentionIdProblem(id) !== undefined) {
      notes.push({
        kind: 'approximated',
        path: at,
        topic: 'mention-bad-id',
        message: `The ID given for ${quoteName(mention.name)} is neither a UPN (name@domain) nor an Entra object ID (a GUID): no mention is made, and the text stays plain.`,
      });
      return { ...mention, state: 'invalid', id, carried: 0 };
    }
    valid.set(mention.name, id);
    return { ...mention, state: 'mentioned', id, carried: 0 };
  });

  const { msteams: previous, $schema, type, version, ...rest } = structuredClone(card);
  const met = new Map<string, number>();
  if (valid.size > 0) normalizeMentions(rest.body, new Set(valid.keys()), met);

  const entities: MentionEntity[] = [];
  for (const status of statuses) {
    if (status.state !== 'mentioned') continue;
    const carried = Math.min(met.get(status.name) ?? 0, status.count);
    status.carried = carried;
    if (carried < status.count) {
      const plain = status.count - carried;
      notes.push({
        kind: 'lost',
        path: status.paths.find((path) => htmlPaths.has(path)) ?? status.paths[0]!,
        topic: 'mention-not-carried',
        message:
          carried === 0
            ? `${quoteName(status.name)} is in text the conversion rewrites without its <at> tag (HTML or code): no mention is made.`
            : `${quoteName(status.name)} is written ${status.count} times; ${plain} of them ${plain === 1 ? 'is' : 'are'} in text the conversion rewrites without its <at> tag (HTML or code) and ${plain === 1 ? 'stays' : 'stay'} plain text.`,
      });
    }
    if (carried === 0) {
      status.state = 'not-carried';
      continue;
    }
    entities.push({
      type: 'mention',
      text: quoteName(status.name),
      mentioned: { id: valid.get(status.name)!, name: status.name.trim() },
    });
  }

  const msteams: TeamsCardProperties = {
    ...(previous ?? {}),
    ...(options.fullWidth ? { width: 'Full' as const } : {}),
    ...(entities.length > 0 ? { entities } : {}),
  };
  if (!options.fullWidth) delete msteams.width;
  if (entities.length === 0) delete msteams.entities;
  const hasTeams = Object.keys(msteams).length > 0;
  const result: AdaptiveCardJson = {
    $schema,
    type,
    version,
    ...(hasTeams ? { msteams } : {}),
    ...rest,
  };
  return { card: result, mentions: statuses, notes };
}
