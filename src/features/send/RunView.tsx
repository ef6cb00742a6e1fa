import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ADAPTIVE_VERSIONS, type AdaptiveCardJson, type AdaptiveVersion } from '../../adaptive/types.ts';
import { FlowBotSender } from '../../ui/FlowBotSender.tsx';
import { explainRun, NOT_DISPLAYED, postedCards, type WorkflowsRun } from '../../webhook/workflowsRun.ts';

/** How the send feature draws cards: given by the app, since features do not import each other. */
export interface CardRenderers {
  /** A MessageCard as the preview draws it: as the retired connector did, or as a Workflows post shows it. */
  renderCard(card: Record<string, unknown>, host?: 'connector' | 'workflows'): ReactNode;
  /** An Adaptive Card, drawn by Microsoft's renderer with Teams' look. */
  renderAdaptive(card: AdaptiveCardJson, version: AdaptiveVersion): ReactNode;
}

const INTENT = { success: 'success', warning: 'warning', error: 'error' } as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A posted Adaptive Card made safe for the renderer: only a version it knows (the posts shown are 1.4 or
 * lower; 1.0 and 1.1 read as 1.2), and `msteams.entities` only as a list of mentions with a text.
 */
function forRenderer(card: Record<string, unknown>): { card: AdaptiveCardJson; version: AdaptiveVersion } {
  const raw = String(card.version ?? '');
  const version = (ADAPTIVE_VERSIONS as readonly string[]).includes(raw) ? (raw as AdaptiveVersion) : '1.2';
  const msteams = isRecord(card.msteams) ? { ...card.msteams } : undefined;
  if (msteams && 'entities' in msteams) {
    const entities = Array.isArray(msteams.entities)
      ? msteams.entities.filter((e) => isRecord(e) && typeof e.text === 'string')
      : [];
    msteams.entities = entities;
  }
  return { card: { ...card, ...(msteams ? { msteams } : {}) } as unknown as AdaptiveCardJson, version };
}

/** What a run did, in plain words, with the run history's own text below for a failure. */
export function RunOutcome({ run }: { run: WorkflowsRun }) {
  const explained = explainRun(run);
  return (
    <div className="send-run-outcome" data-testid="run-outcome" data-outcome={explained.code}>
      <MessageBar intent={INTENT[explained.tone]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{explained.headline}</MessageBarTitle>
          <div className="send-outcome-detail">{explained.detail}</div>
        </MessageBarBody>
      </MessageBar>
      {run.error !== undefined && (
        <figure className="send-run-raw">
          <figcaption>The flow&apos;s run history says:</figcaption>
          <pre className="send-raw" data-testid="run-error" tabIndex={0} aria-label="Run history error">
            {run.error}
          </pre>
        </figure>
      )}
    </div>
  );
}

/** What the channel shows for a run: each posted card as Teams draws it, or its placeholder. */
export function RunCards({ run, renderCard, renderAdaptive }: { run: WorkflowsRun } & CardRenderers) {
  const cards = postedCards(run);
  if (cards.length === 0) return null;
  return (
    <div className="send-run-cards">
      {cards.map((posted, index) => {
        const key = `${run.id}:${index}`;
        if (!isRecord(posted.card)) return null;
        if (!posted.shown) {
          return (
            <div key={key}>
              <FlowBotSender />
              <div className="send-run-unshown" data-testid="run-not-displayed">
                {NOT_DISPLAYED}
              </div>
            </div>
          );
        }
        if (posted.format === 'messagecard') {
          return (
            <div key={key} className="send-inbox-card" data-testid="run-card" data-format="messagecard">
              {renderCard(posted.card, 'workflows')}
            </div>
          );
        }
        const { card, version } = forRenderer(posted.card);
        return (
          <div key={key} className="send-inbox-card send-run-adaptive" data-testid="run-card" data-format="adaptive">
            <FlowBotSender />
            {renderAdaptive(card, version)}
          </div>
        );
      })}
    </div>
  );
}
