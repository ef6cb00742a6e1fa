import { useMemo } from 'react';
import {
  prepareWorkflowsMessage,
  sendFormatFor,
  type PreparedMessage,
  type SendFormat,
} from '../../webhook/prepare.ts';
import type { WebhookKind } from '../../webhook/kinds.ts';
import { useWorkflows } from '../../store/hooks.ts';

/** What a send to a target of `kind` posts instead of the bare card, if anything. */
export interface WorkflowsPayload {
  format: SendFormat;
  /** The converted Workflows message when `format` is `adaptive`. */
  prepared: PreparedMessage | undefined;
}

/**
 * The format chosen for a Workflows (or other non-Teams) target and, for the Adaptive Card, the
 * converted message in the version and with the Teams options (full width, mentions) picked in the
 * Adaptive Card view. Undefined for targets that take MessageCards only (incoming webhooks, the
 * local inbox).
 */
export function useWorkflowsPayload(
  kind: WebhookKind,
  card: Record<string, unknown> | undefined,
): WorkflowsPayload | undefined {
  const chosen = useWorkflows((s) => s.sendAs);
  const version = useWorkflows((s) => s.version);
  const fullWidth = useWorkflows((s) => s.fullWidth);
  const mentions = useWorkflows((s) => s.mentionIds);
  const format = sendFormatFor(kind, chosen);
  return useMemo(() => {
    if (!format) return undefined;
    return {
      format,
      prepared:
        format === 'adaptive' && card ? prepareWorkflowsMessage(card, version, { fullWidth, mentions }) : undefined,
    };
  }, [format, card, version, fullWidth, mentions]);
}
