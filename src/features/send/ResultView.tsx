import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { explainResult, formatElapsed, type SendResult } from '../../card/teamsAnswer.ts';
import type { LastSend } from '../../store/sendStore.ts';

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

/** The outcome of the last send in plain words; the raw status, headers and body one click away. */
export function ResultView({ last }: { last: LastSend }) {
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
    </div>
  );
}
