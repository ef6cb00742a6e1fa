/**
 * The Adaptive Card side of the conversion: the JSON we produce, the Workflows envelope that
 * carries it, and the report of what did not carry over.
 */
import type { JsonPath } from '../card/types.ts';

/** Adaptive Card schema versions Teams draws (reference section 8: at most 1.5; Workflows posts work best with 1.4). */
export const ADAPTIVE_VERSIONS = ['1.2', '1.3', '1.4', '1.5'] as const;

/** A version the converter can target. */
export type AdaptiveVersion = (typeof ADAPTIVE_VERSIONS)[number];

/** Power Automate's posting paths show "this card couldn't be displayed" for 1.5 cards; 1.4 works (section 8). */
export const DEFAULT_ADAPTIVE_VERSION: AdaptiveVersion = '1.4';

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The `$schema` Teams' documented examples carry. */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** One Adaptive Card element or action, as JSON. Only `type` is common to all of them. */
export interface AdaptiveObject {
  type: string;
  [key: string]: unknown;
}

/** The root of an Adaptive Card. */
export interface AdaptiveCardJson {
  $schema: string;
  type: 'AdaptiveCard';
  version: AdaptiveVersion;
  body: AdaptiveObject[];
  actions?: AdaptiveObject[];
  fallbackText?: string;
  msteams?: TeamsCardProperties;
}

/** Teams' own card properties: full width, and the people the text mentions (`teams.ts`). */
export interface TeamsCardProperties {
  width?: 'Full';
  entities?: MentionEntity[];
}

/** A mention: the `<at>Name</at>` text of a TextBlock or fact, and the person it notifies (UPN or Entra object ID). */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** What a Workflows "when a Teams webhook request is received" flow expects (reference section 8, TEAMS-USING). */
export interface WorkflowsMessage {
  type: 'message';
  attachments: {
    contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
    contentUrl: null;
    content: AdaptiveCardJson;
  }[];
}

/**
 * How a part of the MessageCard fared:
 * - `lost`: something people saw or used in Teams is gone (a button, a colour, strikethrough).
 * - `approximated`: carried, but it looks or works differently (a heading drawn as bold text).
 * - `unused`: it did nothing in Teams either (an Outlook-only field, an unknown field); not carried.
 * - `limit`: a count or size that Teams treats differently now (more than 10 sections, over 28 KB).
 */
export type NoteKind = 'lost' | 'approximated' | 'unused' | 'limit';

/** One entry of the conversion report. */
export interface ConversionNote {
  kind: NoteKind;
  /** Where in the MessageCard; empty for the whole card. */
  path: JsonPath;
  /** A stable id for tests and filtering, e.g. `http-post`, `markdown-heading`. */
  topic: string;
  /** What happened and what the user will see, in a sentence or two. */
  message: string;
}

/** The converter's answer. */
export interface ConversionResult {
  card: AdaptiveCardJson;
  notes: ConversionNote[];
}
