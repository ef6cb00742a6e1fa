/**
 * MessageCard → Adaptive Card, following reference/messagecard.md section 8.1 (Microsoft's
 * transformation template plus our additions), for posting through a Teams Workflows webhook.
 *
 * Pure and total: any parsed card value goes in (loose types, nulls, strings for booleans are read
 * through `read.ts` the way Teams reads them), a card that Microsoft's `adaptivecards` library parses
 * for the chosen version without a warning comes out, and every part that does not carry over
 * exactly is named, with its path, in `notes`.
 *
 * The parts are in `convert/`: the card and its sections (`card.ts`), buttons and inputs
 * (`actions.ts`), texts (`text.ts`) and the report's sentences for Markdown (`markdownNotes.ts`, a table).
 */
import { compactJsonBytes, TEAMS_SIZE_LIMIT_BYTES } from '../card/size.ts';
import { formatPath } from '../json/path.ts';
import { formatBytes } from '../lib/bytes.ts';
import type { JsonPath } from '../card/types.ts';
import { convertCard } from './convert/card.ts';
import { Conversion } from './convert/context.ts';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_VERSIONS,
  DEFAULT_ADAPTIVE_VERSION,
  type AdaptiveCardJson,
  type AdaptiveVersion,
  type ConversionResult,
  type WorkflowsMessage,
} from './types.ts';

export { nearestTextColor } from './convert/card.ts';

/** Options of {@link convertToAdaptiveCard}. */
export interface ConvertOptions {
  /** The Adaptive Card version to target; 1.4 unless given. */
  version?: AdaptiveVersion;
}

/** `sections[0].facts[2]`: how the report and the command line write a path. */
export function describePath(path: JsonPath): string {
  return formatPath(path, '(card)');
}

/**
 * Converts a MessageCard (any parsed JSON object; fields are read leniently, as Teams reads them)
 * to an Adaptive Card of `options.version` (1.4 by default), with the report of everything that was
 * not carried or only approximated.
 */
export function convertToAdaptiveCard(card: Record<string, unknown>, options: ConvertOptions = {}): ConversionResult {
  const version = options.version ?? DEFAULT_ADAPTIVE_VERSION;
  const conversion = new Conversion(version);
  const adaptive = convertCard(conversion, card);
  const bytes = compactJsonBytes(workflowsEnvelope(adaptive));
  if (bytes > TEAMS_SIZE_LIMIT_BYTES) {
    conversion.note(
      'limit',
      [],
      'size-limit',
      `The converted message is ${formatBytes(bytes)}; Workflows refuses messages over ${formatBytes(TEAMS_SIZE_LIMIT_BYTES)} ("The payload is too large").`,
    );
  }
  return { card: adaptive, notes: conversion.notes };
}

/** Wraps an Adaptive Card in the message a Teams Workflows webhook expects (reference section 8). */
export function workflowsEnvelope(card: AdaptiveCardJson): WorkflowsMessage {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

/** Whether a string names a version the converter targets. */
export function isAdaptiveVersion(value: string): value is AdaptiveVersion {
  return (ADAPTIVE_VERSIONS as readonly string[]).includes(value);
}
