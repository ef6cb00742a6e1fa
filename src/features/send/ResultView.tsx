import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { explainResult, formatElapsed, type SendResult } from '../../webhook/answers.ts';
import type { WorkflowsRun } from '../../webhook/workflowsRun.ts';
import type { LastSend } from '../../store/sendStore.ts';
import { fetchRuns } from './api.ts';
import { RunOutcome } from './RunView.tsx';

/** How long, and how often, to look for the local run after a 202. */
const RUN_POLL_MS = 250;
const RUN_POLL_TRIES = 12;

const INTENT = { success: 'success', info: 'info', warning: 'warning', error: 'error' } as const;

function rawText(result: SendResult): string {
  if (result.kind === 'answer' || result.answer) {
    const answer = result.kind === 'answer' ? result.answer : result.answer!;
    const lines = [`HTTP ${answer.status}`];
    for (const [key, value] of Object.entries(answer.headers)) lines.push(`${key}: ${value}`);
    lines.push('', answer.body === '' ? '(empty body)' : answer.body);
    if (answer.truncated) lines.push('', '(cut: the proxy relays at most 64 KB of an answer)');
    if (result.kind === 'refused') lines.unshift(`The proxy: ${result.code} (${result.httpStatus})`, '');
    return lines.join('\n');
  }
  return `The proxy answered ${result.httpStatus || 'nothing'}\ncode: ${result.code}\n\n${result.message}`;
}

/**
 * After the local Workflows webhook answered 202: looks for the run briefly, and shows what it did.
 * A real flow's run can only be read in Power Automate; this one is the designer's own.
 */
function LocalRun({ name, since }: { name: string; since: number }) {
  const [run, setRun] = useState<WorkflowsRun | undefined>(undefined);
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    let stopped = false;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        // Newest first; the server records the run before it answers, so the first recent one is ours.
        const found = (await fetchRuns(name)).find((r) => r.receivedAt >= since - 1000);
        if (stopped) return;
        if (found) return setRun(found);
      } catch {
        // Looked again below.
      }
      if (stopped) return;
      if (++tries < RUN_POLL_TRIES) timer = setTimeout(() => void look(), RUN_POLL_MS);
      else setGaveUp(true);
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [name, since]);

  return (
    <section className="send-local-run" aria-label="The local flow's run" data-testid="local-run">
      <h3>The local flow&apos;s run</h3>
      {run ? (
        <>
          <RunOutcome run={run} />
          <p className="send-meta">Run {run.status} · the Inbox tab shows what the channel shows for it.</p>
        </>
      ) : gaveUp ? (
        <p className="send-warning">No run of this webhook was found. Look in the Inbox tab.</p>
      ) : (
        <Spinner size="tiny" label="Reading the run…" />
      )}
    </section>
  );
}

/**
 * The outcome of the last send in plain words; the raw status, headers and body one click away. For
 * the local Workflows webhook (`localWorkflows`, its name), the run's outcome follows a 202.
 */
export function ResultView({ last, localWorkflows }: { last: LastSend; localWorkflows?: string | undefined }) {
  const [raw, setRaw] = useState(false);
  const rawId = useId();
  const outcome = explainResult(last.result);
  const status =
    last.result.kind === 'answer' ? `HTTP ${last.result.answer.status}` : `proxy ${last.result.httpStatus || '—'}`;
  return (
    <div className="send-result" data-testid="send-result" data-outcome={outcome.code} data-key={last.seq}>
      <MessageBar intent={INTENT[outcome.tone]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.headline}</MessageBarTitle>
          <div className="send-outcome-detail">{outcome.detail}</div>
        </MessageBarBody>
      </MessageBar>
      <div className="send-row send-meta">
        <span>
          To {last.targetName} at {new Date(last.at).toLocaleTimeString()} · {status}
          {last.result.elapsedMs !== undefined && <> · took {formatElapsed(last.result.elapsedMs)}</>}
        </span>
        <Button size="small" appearance="subtle" aria-expanded={raw} aria-controls={rawId} onClick={() => setRaw(!raw)}>
          {raw ? 'Hide raw answer' : 'Show raw answer'}
        </Button>
      </div>
      {raw && (
        <pre id={rawId} className="send-raw" data-testid="raw-answer" tabIndex={0} aria-label="Raw answer">
          {rawText(last.result)}
        </pre>
      )}
      {localWorkflows !== undefined && last.result.kind === 'answer' && last.result.answer.status === 202 && (
        <LocalRun name={localWorkflows} since={last.at} />
      )}
    </div>
  );
}
