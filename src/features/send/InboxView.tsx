import { Button, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { formatBytes } from '../../lib/bytes.ts';
import type { WorkflowsRun } from '../../webhook/workflowsRun.ts';
import { useDesignerStore } from '../../store/hooks.ts';
import { clearInbox, clearRuns, fetchInbox, fetchRuns, type InboxItem } from './api.ts';
import { RunCards, RunOutcome, type CardRenderers } from './RunView.tsx';

/** How often the open inbox asks the server for new cards. */
const POLL_MS = 2000;

const isCard = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a list now and every {@link POLL_MS} while shown; keeps the last list if a read fails. */
function usePolled<T>(read: () => Promise<T[]>, what: string) {
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setItems(await read());
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : `${what} could not be read.`);
    }
  }, [read, what]);

  useEffect(() => {
    // The first load runs once the effect's timer fires, like every later poll.
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load]);

  return { items, error, setError, load };
}

type InboxKind = 'workflows' | 'connector';

interface ListControlsProps {
  list: { items: unknown[] | undefined; error: string | undefined; load(): Promise<void>; setError(e: string): void };
  clear(): Promise<unknown>;
  clearLabel: string;
  loadingLabel: string;
  empty: string;
}

/** Refresh and clear buttons, the read error, and the loading and empty states of one polled list. */
function ListControls({
  list: { items, error, load, setError },
  clear,
  clearLabel,
  loadingLabel,
  empty,
}: ListControlsProps) {
  return (
    <>
      <div className="send-row">
        <Button size="small" icon={<ArrowClockwise20Regular />} onClick={() => void load()}>
          Refresh
        </Button>
        <Button
          size="small"
          onClick={() => void clear().then(load, (e: unknown) => setError(e instanceof Error ? e.message : 'Failed.'))}
          disabled={!items || items.length === 0}
        >
          {clearLabel}
        </Button>
      </div>
      {error && (
        <p role="alert" className="send-blocked">
          {error}
        </p>
      )}
      {items === undefined && !error && <Spinner size="tiny" label={loadingLabel} />}
      {items?.length === 0 && <p className="send-empty">{empty}</p>}
    </>
  );
}

/**
 * The Inbox tab: the runs of the local Workflows webhook (the default), or the cards the local
 * connector inbox received. Cards are drawn by renderers the app passes in.
 */
export function InboxView(props: CardRenderers) {
  const [kind, setKind] = useState<InboxKind>('workflows');
  return (
    <div className="send-inbox">
      <RadioGroup
        layout="horizontal"
        value={kind}
        onChange={(_e, data) => setKind(data.value as InboxKind)}
        aria-label="Which local webhook"
      >
        <Radio value="workflows" label="Workflows runs" />
        <Radio value="connector" label="Connector inbox (retired 2026)" />
      </RadioGroup>
      {kind === 'workflows' ? <WorkflowsRuns {...props} /> : <ConnectorInbox renderCard={props.renderCard} />}
    </div>
  );
}

const readAllRuns = () => fetchRuns();

/**
 * The runs of the local Workflows webhooks (`/api/workflows/NAME`), newest first: what the channel
 * shows for each, or why the run failed, in plain words and as the run history says it.
 */
function WorkflowsRuns({ renderCard, renderAdaptive }: CardRenderers) {
  const { items, error, setError, load } = usePolled<WorkflowsRun>(readAllRuns, 'The Workflows runs');
  const designerStore = useDesignerStore();
  return (
    <section className="send-inbox" aria-label="Workflows runs">
      <p className="send-inbox-intro">
        Requests to <code>{location.origin}/api/workflows/NAME</code> (any name) run here as a Teams flow runs
        &quot;Post to a channel when a webhook request is received&quot;. The webhook answers 202 to every request, as
        Workflows does; what became of each card shows only here, as in a flow&apos;s run history. The last 100 runs per
        name are kept until the server stops.
      </p>
      <ListControls
        list={{ items, error, load, setError }}
        clear={clearRuns}
        clearLabel="Clear the runs"
        loadingLabel="Reading the runs…"
        empty="No run yet: send a card to the local Workflows webhook."
      />
      <ol className="send-inbox-list">
        {items?.map((run) => (
          <li key={`${run.name ?? ''}:${run.id}`} className="send-inbox-item" data-testid="workflows-run">
            <div className="send-row send-meta">
              <span>
                <strong>{run.name}</strong> · {new Date(run.receivedAt).toLocaleTimeString()} ·{' '}
                <span className={run.status === 'Failed' ? 'send-run-failed' : 'send-run-succeeded'}>{run.status}</span>
              </span>
              {run.posted?.format === 'messagecard' && (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() =>
                    designerStore
                      .getState()
                      .applyCommand(() => `${JSON.stringify(run.posted!.card, null, 2)}\n`, 'import')
                  }
                >
                  Open in editor
                </Button>
              )}
            </div>
            <RunOutcome run={run} />
            <RunCards run={run} renderCard={renderCard} renderAdaptive={renderAdaptive} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The local connector inbox: the cards that arrived at `/api/inbox/NAME`, newest first, each drawn
 * by the preview as the retired connector drew it.
 */
function ConnectorInbox({ renderCard }: Pick<CardRenderers, 'renderCard'>) {
  const { items, error, setError, load } = usePolled<InboxItem>(fetchInbox, 'The inbox');
  const designerStore = useDesignerStore();

  return (
    <section className="send-inbox" aria-label="Connector inbox">
      <div className="send-row">
        <p className="send-inbox-intro">
          Cards posted to <code>{location.origin}/api/inbox/NAME</code> (any name) arrive here. It answers as an Office
          365 connector webhook did before Microsoft retired them in 2026, for replaying legacy cards, and keeps the
          last 100 per name until the server stops.
        </p>
      </div>
      <ListControls
        list={{ items, error, load, setError }}
        clear={clearInbox}
        clearLabel="Empty the inbox"
        loadingLabel="Reading the inbox…"
        empty="Nothing has arrived yet."
      />
      <ol className="send-inbox-list">
        {items?.map((item) => (
          <li key={item.id} className="send-inbox-item" data-testid="inbox-item">
            <div className="send-row send-meta">
              <span>
                <strong>{item.name}</strong> · {new Date(item.receivedAt).toLocaleTimeString()} ·{' '}
                {formatBytes(item.bytes)}
              </span>
              <Button
                size="small"
                appearance="subtle"
                onClick={() =>
                  designerStore.getState().applyCommand(() => `${JSON.stringify(item.card, null, 2)}\n`, 'import')
                }
              >
                Open in editor
              </Button>
            </div>
            <div className="send-inbox-card">
              {isCard(item.card) ? renderCard(item.card, 'connector') : <pre>{JSON.stringify(item.card, null, 2)}</pre>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
