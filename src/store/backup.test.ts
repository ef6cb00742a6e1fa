import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../lib/storage.ts';
import { backupText, createBackup, describeRestore, readBackup, restoreBackup, type BackupStores } from './backup.ts';
import { createDesignerStore } from './designerStore.ts';
import { createDraftsStore } from './drafts.ts';
import { createPreviewSettingsStore } from './previewSettings.ts';
import { createSendStore } from './sendStore.ts';
import { createWorkflowsStore } from './workflowsStore.ts';

const card = (title: string) => JSON.stringify({ summary: title, title }, null, 2);
const SECRET = 'https://contoso.webhook.office.com/webhookb2/0f1e2d3c-secret-part/IncomingWebhook/abc/def';
const FLOW = 'https://prod-12.westeurope.logic.azure.com:443/workflows/flow-secret/triggers/manual/paths/invoke';

/** One browser: its own storage and the app's stores on it. */
function browser(startText = card('Welcome'), start = 1_000) {
  const storage = new MemoryStorage();
  let clock = start;
  let ids = 0;
  const designer = createDesignerStore({ text: startText, now: () => clock });
  const drafts = createDraftsStore({
    designer,
    storage,
    now: () => (clock += 1000),
    newId: () => `${start}-${++ids}`,
    autosaveMs: 10_000,
  });
  const stores: BackupStores = {
    designer,
    drafts,
    previewSettings: createPreviewSettingsStore(storage),
    workflows: createWorkflowsStore(storage),
    send: createSendStore({
      inboxUrl: 'http://127.0.0.1:5173/api/inbox/default',
      workflowsUrl: 'http://127.0.0.1:5173/api/workflows/default',
      storage,
    }),
  };
  return { storage, stores, tick: (ms: number) => (clock += ms) };
}

describe('a backup', () => {
  it('holds every draft and the settings, and never a webhook URL', () => {
    const { stores, storage } = browser();
    stores.drafts.getState().create(card('Second'));
    stores.send.getState().addTarget('Ops channel', SECRET, true);
    stores.send.getState().addTarget('Flow', FLOW, false);
    stores.designer.getState().setHost('outlook');
    stores.workflows.getState().setVersion('1.2');
    const text = backupText(createBackup(stores));
    // The remembered URL is in this browser's storage, and nowhere in the file.
    expect(JSON.stringify(Object.fromEntries(storage.map))).toContain('secret-part');
    for (const secret of [
      'secret-part',
      'webhookb2',
      'flow-secret',
      'logic.azure.com',
      '/api/inbox',
      '/api/workflows',
    ]) {
      expect(text).not.toContain(secret);
    }
    const backup = JSON.parse(text);
    expect(backup.drafts.map((d: { name: string }) => d.name).sort()).toEqual(['Second', 'Welcome']);
    expect(backup.settings.profile).toBe('outlook');
    expect(backup.settings.workflows.version).toBe('1.2');
    expect(backup.settings.sendTargets).toEqual([
      { id: expect.any(String), name: 'Ops channel' },
      { id: expect.any(String), name: 'Flow' },
    ]);
  });

  it('restores on another browser: drafts, settings and the targets by name, without URLs', () => {
    const from = browser(card('Welcome'), 1_000);
    from.stores.drafts.getState().create(card('Release notes'));
    from.stores.send.getState().addTarget('Ops channel', SECRET, true);
    from.stores.designer.getState().setHost('outlook');
    const file = backupText(createBackup(from.stores));

    const to = browser(card('Their own card'), 500_000);
    const read = readBackup(file);
    if (!read.ok) throw new Error(read.message);
    const result = restoreBackup(to.stores, read.backup, true);
    expect(result).toMatchObject({ added: 2, updated: 0, keptNewer: 0, targetsAdded: 1 });
    const names = to.stores.drafts.getState().drafts.map((d) => d.name);
    expect(names.sort()).toEqual(['Release notes', 'Their own card', 'Welcome']);
    expect(to.stores.designer.getState().host).toBe('outlook');
    const target = to.stores.send.getState().targets.find((t) => t.name === 'Ops channel');
    expect(target?.url).toBe('');
    expect(describeRestore(result)).toMatch(/2 drafts added; 1 send target added by name/);
  });

  it('never lets an older copy replace a newer draft, and keeps the older one when the backup is newer', () => {
    const one = browser(card('Shared v1'), 1_000);
    const id = one.stores.drafts.getState().openId;
    const oldFile = backupText(createBackup(one.stores));
    one.tick(60_000);
    one.stores.designer.getState().setText(card('Shared v2'), 'command');
    // Restoring the older backup keeps v2.
    const older = readBackup(oldFile);
    if (!older.ok) throw new Error(older.message);
    expect(restoreBackup(one.stores, older.backup, false)).toMatchObject({ keptNewer: 1, added: 0 });
    expect(one.stores.drafts.getState().textOf(id)).toBe(card('Shared v2'));
    expect(one.stores.designer.getState().text).toBe(card('Shared v2'));

    // A newer backup replaces it, and the copy it replaced stays as a draft of its own.
    const newer = readBackup(
      oldFile.replaceAll('Shared v1', 'Shared v3').replace(/"updatedAt": \d+/, '"updatedAt": 1e12'),
    );
    if (!newer.ok) throw new Error(newer.message);
    expect(restoreBackup(one.stores, newer.backup, false)).toMatchObject({ updated: 1 });
    expect(one.stores.designer.getState().text).toContain('Shared v3');
    expect(one.stores.drafts.getState().drafts.map((d) => d.name)).toContain('Shared v2 (before restore)');
  });

  it('refuses a file that is not a backup with a clear message, and changes nothing', () => {
    const { stores } = browser();
    const before = JSON.stringify(stores.drafts.getState().drafts);
    for (const [text, message] of [
      ['{ not json', /not JSON/],
      ['{"@type": "MessageCard", "text": "x"}', /single card.*Import/],
      ['{"format": "something-else"}', /not a backup/],
      ['{"format": "messagecard-designer-backup", "version": 99, "drafts": []}', /newer version/],
      ['{"format": "messagecard-designer-backup", "version": 1, "drafts": [{"id": 3}]}', /Draft 1 .*damaged/],
    ] as const) {
      const result = readBackup(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(JSON.stringify(stores.drafts.getState().drafts)).toBe(before);
  });
});
