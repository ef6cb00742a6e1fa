import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../lib/storage.ts';
import { createSendStore, INBOX_TARGET_ID, WORKFLOWS_TARGET_ID } from './sendStore.ts';

/** Every value the store wrote, to search for secrets. */
const dump = (storage: MemoryStorage) => [...storage.map.values()].join('\n');

const SECRET = 'https://contoso.webhook.office.com/webhookb2/SECRET-PATH/IncomingWebhook/abc/def/V2TOKEN';
const make = (storage: MemoryStorage) =>
  createSendStore({
    inboxUrl: 'http://127.0.0.1:5173/api/inbox/default',
    workflowsUrl: 'http://127.0.0.1:5173/api/workflows/default',
    storage,
  });
const BUILTIN_NAMES = ['Local Workflows webhook', 'Local connector inbox (retired 2026)'];

describe('the send store', () => {
  it('opens with the local Workflows webhook selected, and the connector inbox second', () => {
    const store = make(new MemoryStorage());
    expect(store.getState().targets.map((t) => [t.id, t.name, t.url, t.builtin])).toEqual([
      [WORKFLOWS_TARGET_ID, BUILTIN_NAMES[0], 'http://127.0.0.1:5173/api/workflows/default', true],
      [INBOX_TARGET_ID, BUILTIN_NAMES[1], 'http://127.0.0.1:5173/api/inbox/default', true],
    ]);
    expect(store.getState().selectedId).toBe(WORKFLOWS_TARGET_ID);
  });

  it('keeps the connector inbox when chosen, and opens a save from before the new default on the new default', () => {
    const storage = new MemoryStorage();
    make(storage).getState().selectTarget(INBOX_TARGET_ID);
    expect(make(storage).getState().selectedId).toBe(INBOX_TARGET_ID);

    // A save of the first version always named the inbox, chosen or not; its remembered targets stay.
    storage.setItem(
      'messagecard-designer:send:v1',
      JSON.stringify({
        targets: [{ id: 'ops', name: 'Ops', url: SECRET }],
        selectedId: 'inbox',
        history: [],
        sentAt: { inbox: [5] },
      }),
    );
    const old = make(storage).getState();
    expect(old.selectedId).toBe(WORKFLOWS_TARGET_ID);
    expect(old.targets.map((t) => t.name)).toEqual([...BUILTIN_NAMES, 'Ops']);
    expect(old.sentAt).toEqual({ inbox: [5] });
    // A first-version save that chose a user target keeps it.
    storage.setItem(
      'messagecard-designer:send:v1',
      JSON.stringify({ targets: [{ id: 'ops', name: 'Ops', url: SECRET }], selectedId: 'ops' }),
    );
    expect(make(storage).getState().selectedId).toBe('ops');
  });

  it('keeps a target URL in memory only, unless it is remembered', () => {
    const storage = new MemoryStorage();
    const store = make(storage);
    const id = store.getState().addTarget('Ops channel', SECRET);
    store.getState().noteSent(id, 1000);
    expect(dump(storage)).not.toContain('SECRET-PATH');
    expect(
      make(storage)
        .getState()
        .targets.map((t) => t.name),
    ).toEqual(BUILTIN_NAMES);

    store.getState().updateTarget(id, { remember: true });
    expect(dump(storage)).toContain('SECRET-PATH');
    const reopened = make(storage).getState();
    expect(reopened.targets.map((t) => t.name)).toEqual([...BUILTIN_NAMES, 'Ops channel']);
    expect(reopened.selectedId).toBe(id);

    store.getState().updateTarget(id, { remember: false });
    expect(dump(storage)).not.toContain('SECRET-PATH');
  });

  it('writes history without URLs, and keeps the newest fifty', () => {
    const storage = new MemoryStorage();
    const store = make(storage);
    const id = store.getState().addTarget('Ops', SECRET, true);
    for (let i = 0; i < 55; i++) {
      store.getState().addHistory({
        at: i,
        targetId: id,
        targetName: 'Ops',
        title: `Card ${i}`,
        outcome: { tone: 'success', code: 'delivered', headline: 'Delivered' },
        sizeBytes: 10,
        elapsedMs: 5,
        cardText: '{"summary":"x"}',
      });
    }
    const history = store.getState().history;
    expect(history).toHaveLength(50);
    expect(history[0]!.title).toBe('Card 54');
    const saved = JSON.parse(dump(storage)) as { history: unknown[] };
    expect(JSON.stringify(saved.history)).not.toContain('SECRET-PATH');
    expect(JSON.stringify(saved.history)).not.toContain('webhook.office.com');
  });

  it('never removes the built-in targets, and falls back to the Workflows webhook when the selected target goes', () => {
    const store = make(new MemoryStorage());
    const id = store.getState().addTarget('Ops', SECRET);
    store.getState().removeTarget(INBOX_TARGET_ID);
    store.getState().removeTarget(WORKFLOWS_TARGET_ID);
    store.getState().removeTarget(id);
    expect(store.getState().targets.map((t) => t.id)).toEqual([WORKFLOWS_TARGET_ID, INBOX_TARGET_ID]);
    expect(store.getState().selectedId).toBe(WORKFLOWS_TARGET_ID);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('messagecard-designer:send:v1', '{"targets":[{"id":1}],"history":"x","sentAt":[1]}');
    expect(make(storage).getState().targets).toHaveLength(2);
    storage.setItem('messagecard-designer:send:v1', 'not json');
    expect(make(storage).getState().history).toEqual([]);
  });
});
