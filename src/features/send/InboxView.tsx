import { Button, Spinner } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { formatBytes } from '../../card/size.ts';
import { designerStore } from '../../store/hooks.ts';
import { clearInbox, fetchInbox, type InboxItem } from './api.ts';

/** How often the open inbox asks the server for new cards. */
const POLL_MS = 2000;

const isCard = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The local inbox: the cards that arrived at `/api/inbox/NAME`, newest first, each drawn by the
 * preview (passed in by the app, since features do not import each other).
 */
export function InboxView({ renderCard }: { renderCard(card: Record<string, unknown>): ReactNode }) {
  const [items, setItems] = useState<InboxItem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setItems(await fetchInbox());
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The inbox could not be read.');
    }
  }, []);

  useEffect(() => {
    // The first load runs once the effect's timer fires, like every later poll.
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load]);

  return (
    <section className="send-inbox" aria-label="Inbox">
      <div className="send-row">
        <p className="send-inbox-intro">
          Cards posted to <code>{location.origin}/api/inbox/NAME</code> (any name) arrive here; it answers as Teams does
          and keeps the last 100 per name until the server stops.
        </p>
      </div>
      <div className="send-row">
        <Button size="small" icon={<ArrowClockwise20Regular />} onClick={() => void load()}>
          Refresh
        </Button>
        <Button
          size="small"
          onClick={() =>
            void clearInbox().then(load, (e: unknown) => setError(e instanceof Error ? e.message : 'Failed.'))
          }
          disabled={!items || items.length === 0}
        >
          Empty the inbox
        </Button>
      </div>
      {error && (
        <p role="alert" className="send-blocked">
          {error}
        </p>
      )}
      {items === undefined && !error && <Spinner size="tiny" label="Reading the inbox…" />}
      {items?.length === 0 && <p className="send-empty">Nothing has arrived yet.</p>}
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
                onClick={() => designerStore.getState().applyCommand(() => `${JSON.stringify(item.card, null, 2)}\n`)}
              >
                Open in editor
              </Button>
            </div>
            <div className="send-inbox-card">
              {isCard(item.card) ? renderCard(item.card) : <pre>{JSON.stringify(item.card, null, 2)}</pre>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
