/**
 * What a send posts to a Workflows webhook: the MessageCard as it is, or the converted Adaptive Card
 * in the Workflows message envelope. Workflows accepts both, but draws no button of a MessageCard
 * (reference section 8), so the converted message is the default there.
 */
import { asArray, asObject } from '../json/read.ts';
import { compactJsonBytes } from '../card/size.ts';
import type { WebhookKind } from './kinds.ts';
import { convertToAdaptiveCard, workflowsEnvelope } from '../adaptive/convert.ts';
import { applyTeamsOptions, DEFAULT_TEAMS_OPTIONS, type MentionStatus, type TeamsOptions } from '../adaptive/teams.ts';
import type { AdaptiveVersion, ConversionNote, WorkflowsMessage } from '../adaptive/types.ts';

/** `messagecard`: post the card as written; `adaptive`: post the converted card in the Workflows envelope. */
export type SendFormat = 'messagecard' | 'adaptive';

/**
 * The format a send to a target of `kind` posts, or undefined when there is no choice to make:
 * Teams incoming webhooks and the local inbox take MessageCards. Workflows targets default to the
 * Adaptive Card; other hosts (a receiver of your own allowed in the server's configuration, a relay
 * in front of a flow) may take either, and default to the card as written.
 */
export function sendFormatFor(kind: WebhookKind, chosen: SendFormat | undefined): SendFormat | undefined {
  if (kind === 'workflows-logic-apps' || kind === 'workflows-power-platform' || kind === 'local-workflows')
    return chosen ?? 'adaptive';
  if (kind === 'other') return chosen ?? 'messagecard';
  return undefined;
}

/** The Workflows message for a card, with its size as posted and the conversion report. */
export interface PreparedMessage {
  message: WorkflowsMessage;
  bytes: number;
  /** The conversion report, then what the Teams options left undone (names without an ID). */
  notes: ConversionNote[];
  /** Each `<at>Name</at>` of the card and whether it became a mention. */
  mentions: MentionStatus[];
}

/**
 * Converts a card, applies the Teams options (full width, mentions; full width and no mentions
 * unless given) and wraps it for a Workflows webhook.
 */
export function prepareWorkflowsMessage(
  card: Record<string, unknown>,
  version: AdaptiveVersion,
  teams: TeamsOptions = DEFAULT_TEAMS_OPTIONS,
): PreparedMessage {
  const converted = convertToAdaptiveCard(card, { version });
  const applied = applyTeamsOptions(converted.card, card, teams);
  const message = workflowsEnvelope(applied.card);
  return {
    message,
    bytes: compactJsonBytes(message),
    notes: [...converted.notes, ...applied.notes],
    mentions: applied.mentions,
  };
}

/** The buttons a MessageCard has (card and section actions): all of them are invisible in Workflows. */
export function countButtons(card: Record<string, unknown>): number {
  const sections = asArray(card.sections) ?? [];
  return (
    (asArray(card.potentialAction)?.length ?? 0) +
    sections.reduce<number>((n, section) => n + (asArray(asObject(section)?.potentialAction)?.length ?? 0), 0)
  );
}
