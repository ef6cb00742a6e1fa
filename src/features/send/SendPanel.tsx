import { Button, Checkbox, Spinner } from '@fluentui/react-components';
import { Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { analyze } from '../../card/analyze.ts';
import { formatWait } from '../../webhook/rateLimit.ts';
import { asString } from '../../json/read.ts';
import { TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from '../../card/size.ts';
import { formatBytes } from '../../lib/bytes.ts';
import { localWorkflowsName, recognizeWebhook } from '../../webhook/kinds.ts';
import { adaptivePreflight } from '../../webhook/workflowsRun.ts';
import { useDesigner, useSend, useWorkflows } from '../../store/hooks.ts';
import { ResultView } from './ResultView.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import type { Sender } from './useSender.ts';
import { useWorkflowsPayload } from './useWorkflowsPayload.ts';
import { WorkflowsSendChoice } from './WorkflowsSendChoice.tsx';

const HOST_NAMES = {
  teams: 'a Teams incoming webhook',
  workflows: 'the MessageCard as it is, on Teams Workflows',
  outlook: 'Outlook',
} as const;

/** One line of the pre-flight list. */
interface PreflightLine {
  key: string;
  text: string;
}

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
  const version = useWorkflows((s) => s.version);
  const target = targets.find((t) => t.id === selectedId) ?? targets[0]!;
  const info = recognizeWebhook(target.url, location.origin);
  const analysis = analyze(text, { host: info.host });
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  const size = analysis.sizeBytes;
  const parsedCard = analysis.parsed.ok ? analysis.card : undefined;
  // Workflows targets: the MessageCard as it is, or the converted Adaptive Card in the Workflows envelope (issue 7).
  const workflows = useWorkflowsPayload(info.kind, parsedCard);
  // The pre-flight of what is posted: the converted Adaptive Card's checks, or the MessageCard's rules for the
  // target's profile.
  const prepared = workflows?.format === 'adaptive' ? workflows.prepared : undefined;
  const adaptiveIssues = prepared ? adaptivePreflight(prepared) : [];
  const blocking: PreflightLine[] = prepared
    ? adaptiveIssues.filter((i) => i.severity === 'error').map((i) => ({ key: i.code, text: i.message }))
    : errors.map((issue) => ({
        key: `${issue.rule}:${issue.range.offset}`,
        text: `Line ${issue.line}: ${issue.message}`,
      }));
  const notes: PreflightLine[] = prepared
    ? adaptiveIssues.filter((i) => i.severity === 'warning').map((i) => ({ key: i.code, text: i.message }))
    : [];
  // The editor may hold a Workflows message or an Adaptive Card already: converting it as a MessageCard is wrong.
  if (prepared && parsedCard && (parsedCard.type === 'message' || parsedCard.type === 'AdaptiveCard')) {
    notes.unshift({
      key: 'not-a-messagecard',
      text: `The editor holds ${parsedCard.type === 'message' ? 'a Workflows message' : 'an Adaptive Card'}, not a MessageCard: choose "The MessageCard as it is" to send it unchanged.`,
    });
  }
  const warnings = prepared ? notes.length : analysis.counts.warning;
  const bytes = prepared ? prepared.bytes : size;

  const tooLarge = bytes !== undefined && bytes > TEAMS_SIZE_LIMIT_BYTES;
  const large = !prepared && bytes !== undefined && bytes > TEAMS_SIZE_WARNING_BYTES;
  const blockedBy = !parsedCard
    ? 'The JSON must parse into a card object before it can be sent.'
    : info.kind === 'invalid'
      ? 'The target has no valid URL.'
      : tooLarge && !anyway
        ? `The ${prepared ? 'message' : 'card'} is ${formatBytes(bytes!)}, over Teams' 28 KB limit: Teams would refuse it. Make it smaller, or tick "Send anyway" to see the refusal.`
        : blocking.length > 0 && !anyway
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
      sizeBytes: bytes ?? 0,
    });

  return (
    <div className="send-panel">
      <TargetPicker target={target} info={info} />
      {workflows && parsedCard && (
        <WorkflowsSendChoice workflows={info.host === 'workflows'} card={parsedCard} payload={workflows} />
      )}

      <section className="send-preflight" aria-label="Pre-flight">
        <h3>
          Pre-flight for {prepared ? `the Adaptive Card ${version} in a Workflows message` : HOST_NAMES[info.host]}
        </h3>
        <p data-testid="preflight-summary">
          {!analysis.parsed.ok
            ? 'The JSON does not parse.'
            : `${blocking.length === 0 ? 'No errors' : `${blocking.length} error${blocking.length > 1 ? 's' : ''}`}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${formatBytes(bytes ?? 0)} of 28 KB.`}
        </p>
        {blocking.length > 0 && (
          <ul className="send-issues" data-testid="preflight-errors">
            {blocking.slice(0, 5).map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
            {blocking.length > 5 && <li>… and {blocking.length - 5} more in the problems list.</li>}
          </ul>
        )}
        {notes.length > 0 && (
          <ul className="send-notes send-warning">
            {notes.map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
          </ul>
        )}
        {large && !tooLarge && (
          <p className="send-warning" role="note">
            Over 20 KB: MessageCards often fail above about 20 KB although the documented limit is 28 KB, because Teams
            counts the HTML it renders.
          </p>
        )}
        {(blocking.length > 0 || tooLarge) && parsedCard && (
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

      {last && (
        <ResultView
          key={last.seq}
          last={last}
          localWorkflows={localWorkflowsName(targets.find((t) => t.id === last.targetId)?.url ?? '', location.origin)}
        />
      )}
    </div>
  );
}
