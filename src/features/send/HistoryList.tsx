import { Button } from '@fluentui/react-components';
import { prepareWorkflowsMessage, sendFormatFor } from '../../webhook/prepare.ts';
import { analyze } from '../../card/analyze.ts';
import { formatBytes } from '../../lib/bytes.ts';
import { recognizeWebhook } from '../../webhook/kinds.ts';
import { useDesignerStore, useSend, useSendStore, useWorkflowsStore } from '../../store/hooks.ts';
import type { HistoryEntry } from '../../store/sendStore.ts';
import type { Sender } from './useSender.ts';

const TONE_MARK = { success: '✓', info: 'ℹ', warning: '!', error: '✗' } as const;

/** The send history: when, where (by name, never the URL), which card, what happened, how big. */
export function HistoryList({ sender, onResend }: { sender: Sender; onResend(): void }) {
  const history = useSend((s) => s.history);
  const targets = useSend((s) => s.targets);
  const designerStore = useDesignerStore();
  const sendStore = useSendStore();
  const workflowsStore = useWorkflowsStore();

  if (history.length === 0) {
    return <p className="send-empty">Nothing sent yet. Each send is listed here, without its webhook URL.</p>;
  }

  const reopen = (entry: HistoryEntry) => designerStore.getState().applyCommand(() => entry.cardText, 'import');
  const resend = (entry: HistoryEntry) => {
    const target = targets.find((t) => t.id === entry.targetId);
    const analysis = analyze(entry.cardText);
    if (!target || !analysis.parsed.ok || !analysis.card) return;
    // A Workflows target gets what the Send tab would post now: the converted card, or the card as it is.
    const { sendAs, version, fullWidth, mentionIds } = workflowsStore.getState();
    const format = sendFormatFor(recognizeWebhook(target.url, location.origin).kind, sendAs);
    const prepared =
      format === 'adaptive'
        ? prepareWorkflowsMessage(analysis.card, version, { fullWidth, mentions: mentionIds })
        : undefined;
    sendStore.getState().selectTarget(target.id);
    onResend();
    sender.send({
      target,
      card: prepared?.message ?? analysis.card,
      cardText: entry.cardText,
      title: entry.title,
      sizeBytes: prepared?.bytes ?? analysis.sizeBytes ?? 0,
    });
  };

  return (
    <div className="send-history">
      <table className="send-history-table">
        <caption className="visually-hidden">Cards sent</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Target</th>
            <th scope="col">Card</th>
            <th scope="col">Outcome</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => {
            const target = targets.find((t) => t.id === entry.targetId);
            return (
              <tr key={entry.id} className={`tone-${entry.outcome.tone}`}>
                <td>
                  <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleTimeString()}</time>
                  <div className="send-history-date">{new Date(entry.at).toLocaleDateString()}</div>
                </td>
                <td>{entry.targetName}</td>
                <td>{entry.title}</td>
                <td>
                  <span aria-hidden>{TONE_MARK[entry.outcome.tone]} </span>
                  {entry.outcome.headline}
                </td>
                <td>{formatBytes(entry.sizeBytes)}</td>
                <td className="send-history-actions">
                  <Button
                    size="small"
                    onClick={() => reopen(entry)}
                    aria-label={`Open the card "${entry.title}" in the editor`}
                  >
                    Open
                  </Button>
                  <Button
                    size="small"
                    disabled={!target || sender.state.phase !== 'idle'}
                    title={target ? undefined : 'That target is no longer kept'}
                    onClick={() => resend(entry)}
                    aria-label={`Send "${entry.title}" again to ${entry.targetName}`}
                  >
                    Send again
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button size="small" appearance="subtle" onClick={() => sendStore.getState().clearHistory()}>
        Clear history
      </Button>
    </div>
  );
}
