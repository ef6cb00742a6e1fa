import { Button, Checkbox, Spinner } from '@fluentui/react-components';
import { Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { analyze } from '../../card/analyze.ts';
import { formatWait } from '../../card/rateLimit.ts';
import { asString } from '../../card/read.ts';
import { formatBytes, TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from '../../card/size.ts';
import { recognizeWebhook } from '../../card/webhook.ts';
import { useDesigner } from '../../store/hooks.ts';
import { useSend } from '../../store/sendStore.ts';
import { ResultView } from './ResultView.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import type { Sender } from './useSender.ts';
import { useWorkflowsPayload } from './useWorkflowsPayload.ts';
import { WorkflowsSendChoice } from './WorkflowsSendChoice.tsx';

const HOST_NAMES = { teams: 'a Teams incoming webhook', workflows: 'Teams Workflows', outlook: 'Outlook' } as const;

/** The title the history shows for a card. */
function cardTitle(card: Record<string, unknown> | undefined): string {
  return asString(card?.title) || asString(card?.summary) || asString(card?.text)?.slice(0, 60) || '(untitled card)';
}

/** Target, pre-flight for the target's profile, the Send button (or its countdown), and the last result. */
export function SendPanel({ sender }: { sender: Sender }) {
  const text = useDesigner((s) => s.text);
  const targets = useSend((s) => s.targets);
  const selectedId = useSend((s) => s.selectedId);
  const last = useSend((s) => s.last);
  const [anyway, setAnyway] = useState(false);
  const target = targets.find((t) => t.id === selectedId) ?? targets[0]!;
  const info = recognizeWebhook(target.url, location.origin);
  const analysis = analyze(text, { host: info.host });
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  const size = analysis.sizeBytes;
  const parsedCard = analysis.parsed.ok ? analysis.card : undefined;
  // Workflows targets: the MessageCard as it is, or the converted Adaptive Card in the Workflows envelope (issue 7).
  const workflows = useWorkflowsPayload(info.kind, parsedCard);

  const tooLarge = size !== undefined && size > TEAMS_SIZE_LIMIT_BYTES;
  const large = size !== undefined && size > TEAMS_SIZE_WARNING_BYTES;
  const blockedBy = !parsedCard
    ? 'The JSON must parse into a card object before it can be sent.'
    : tooLarge
      ? `The card is ${formatBytes(size!)}, over Teams' 28 KB limit: Teams would refuse it. Make it smaller.`
      : info.kind === 'invalid'
        ? 'The target has no valid URL.'
        : errors.length > 0 && !anyway
          ? 'Fix the errors first, or tick "Send anyway".'
          : undefined;

  const { state } = sender;
  const busy = state.phase !== 'idle';
  const send = () =>
    parsedCard &&
    sender.send({
      target,
      card: workflows?.prepared?.message ?? parsedCard,
      cardText: text,
      title: cardTitle(parsedCard),
      sizeBytes: workflows?.prepared?.bytes ?? size ?? 0,
    });

  return (
    <div className="send-panel">
      <TargetPicker target={target} info={info} />
      {workflows && parsedCard && (
        <WorkflowsSendChoice workflows={info.host === 'workflows'} card={parsedCard} payload={workflows} />
      )}

      <section className="send-preflight" aria-label="Pre-flight">
        <h3>Pre-flight for {HOST_NAMES[info.host]}</h3>
        <p data-testid="preflight-summary">
          {!analysis.parsed.ok
            ? 'The JSON does not parse.'
            : `${errors.length === 0 ? 'No errors' : `${errors.length} error${errors.length > 1 ? 's' : ''}`}, ${analysis.counts.warning} warning${analysis.counts.warning === 1 ? '' : 's'}, ${formatBytes(size ?? 0)} of 28 KB.`}
        </p>
        {errors.length > 0 && (
          <ul className="send-issues">
            {errors.slice(0, 5).map((issue) => (
              <li key={`${issue.rule}:${issue.range.offset}`}>
                Line {issue.line}: {issue.message}
              </li>
            ))}
            {errors.length > 5 && <li>… and {errors.length - 5} more in the problems list.</li>}
          </ul>
        )}
        {large && !tooLarge && (
          <p className="send-warning" role="note">
            Over 20 KB: MessageCards often fail above about 20 KB although the documented limit is 28 KB, because Teams
            counts the HTML it renders.
          </p>
        )}
        {errors.length > 0 && parsedCard && !tooLarge && (
          <Checkbox checked={anyway} onChange={(_e, d) => setAnyway(d.checked === true)} label="Send anyway" />
        )}
      </section>

      <div className="send-row send-action">
        {state.phase === 'waiting' ? (
          <>
            <span role="status" data-testid="send-countdown" className="send-countdown">
              Teams allows {state.window?.label ?? 'only so many cards'} on one webhook. Sending in{' '}
              {formatWait(state.waitMs)}…
            </span>
            <Button onClick={sender.cancel}>Cancel</Button>
          </>
        ) : (
          <Button
            appearance="primary"
            icon={<Send20Regular />}
            onClick={send}
            disabled={busy || blockedBy !== undefined}
          >
            Send to {target.name}
          </Button>
        )}
        {state.phase === 'sending' && <Spinner size="tiny" label="Sending…" />}
      </div>
      {blockedBy && !busy && <p className="send-blocked">{blockedBy}</p>}

      {last && <ResultView key={last.seq} last={last} />}
    </div>
  );
}
