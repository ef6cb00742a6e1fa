import { useMemo } from 'react';
import { convertToAdaptiveCard } from '../../adaptive/convert.ts';
import { applyTeamsOptions, type MentionStatus } from '../../adaptive/teams.ts';
import type { AdaptiveCardJson, AdaptiveVersion, ConversionNote } from '../../adaptive/types.ts';
import { useWorkflows } from '../../store/hooks.ts';

/** A MessageCard converted for Workflows, with the Teams options of the Adaptive Card view applied. */
export interface AdaptiveConversion {
  card: AdaptiveCardJson;
  /** The conversion report, then the names left without a mention. */
  notes: ConversionNote[];
  mentions: MentionStatus[];
}

/**
 * Converts `card` to an Adaptive Card of `version` and applies the full width and mention options
 * chosen in the Adaptive Card view, so every view that draws the converted card draws the same one
 * (the conversion is redone only when the card or the version changes).
 */
export function useAdaptiveConversion(
  card: Record<string, unknown> | undefined,
  version: AdaptiveVersion,
): AdaptiveConversion | undefined {
  const fullWidth = useWorkflows((s) => s.fullWidth);
  const mentionIds = useWorkflows((s) => s.mentionIds);
  const converted = useMemo(() => (card ? convertToAdaptiveCard(card, { version }) : undefined), [card, version]);
  return useMemo(() => {
    if (!card || !converted) return undefined;
    const teams = applyTeamsOptions(converted.card, card, { fullWidth, mentions: mentionIds });
    return { card: teams.card, notes: [...converted.notes, ...teams.notes], mentions: teams.mentions };
  }, [card, converted, fullWidth, mentionIds]);
}
