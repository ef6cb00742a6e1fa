import { describe, expect, it } from 'vitest';
import { createSendStore, INBOX_TARGET_ID } from './sendStore.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  dump() {
    return [...this.data.values()].join('\n');
  }
}

const SECRET = 'https://contoso.webhook.office.com/webhookb2/SECRET-PATH/IncomingWebhook/abc/def/V2TOKEN';
const make = (storage: MemoryStorage) =>
  createSendStore({ inboxUrl: 'http://127.0.0.1:5173/api/inbox/default', storage: storage as unknown as Storage });

describe('the send store', () => {
  it('opens with the local inbox as the selected target', () => {
    const store = make(new MemoryStorage());
    expect(store.getState().targets).toHaveLength(1);
    expect(store.getState().selectedId).toBe(INBOX_TARGET_ID);
    expect(store.getState().targets[0]!.url).toBe('http://127.0.0.1:5173/api/inbox/default');
  });

  it('keeps a target URL in memory only, unless it is remembered', () => {
    const storage = new MemoryStorage();
    const store = make(storage);
    const id = store.getState().addTarget('Ops channel', SECRET);
    store.getState().noteSent(id, 1000);
    expect(storage.dump()).not.toContain('SECRET-PATH');
    expect(
      make(storage)
        .getState()
        .targets.map((t) => t.name),
    ).toEqual(['Local inbox']);

    store.getState().updateTarget(id, { remember: true });
    expect(storage.dump()).toContain('SECRET-PATH');
    const reopened = make(storage).getState();
    expect(reopened.targets.map((t) => t.name)).toEqual(['Local inbox', 'Ops channel']);
    expect(reopened.selectedId).toBe(id);

    store.getState().updateTarget(id, { remember: false });
    expect(storage.dump()).not.toContain('SECRET-PATH');
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
    const saved = JSON.parse(storage.dump()) as { history: unknown[] };
    expect(JSON.stringify(saved.history)).not.toContain('SECRET-PATH');
    expect(JSON.stringify(saved.history)).not.toContain('webhook.office.com');
  });

  it('never removes the inbox, and falls back to it when the selected target goes', () => {
    const store = make(new MemoryStorage());
    const id = store.getState().addTarget('Ops', SECRET);
    store.getState().removeTarget(INBOX_TARGET_ID);
    store.getState().removeTarget(id);
    expect(store.getState().targets.map((t) => t.id)).toEqual([INBOX_TARGET_ID]);
    expect(store.getState().selectedId).toBe(INBOX_TARGET_ID);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('messagecard-designer:send:v1', '{"targets":[{"id":1}],"history":"x","sentAt":[1]}');
    expect(make(storage).getState().targets).toHaveLength(1);
    storage.setItem('messagecard-designer:send:v1', 'not json');
    expect(make(storage).getState().history).toEqual([]);
  });
});
