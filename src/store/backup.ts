import { HOST_PROFILES, type HostProfile } from '../card/types.ts';
import { asObject } from '../json/read.ts';
import type { DesignerStore } from './designerStore.ts';
import type { BackupDraft, DraftsStore, RestoreReport } from './drafts.ts';
import { DEFAULT_LAYOUT, type SavedLayout } from './persistence.ts';
import { previewSettingsFrom, savedPreviewSettings, type PreviewSettingsState } from './previewSettings.ts';
import { restoreTargetNames, targetNames, type SendStore, type TargetName } from './sendStore.ts';
import { savedWorkflowsChoices, workflowsChoicesFrom, type WorkflowsState } from './workflowsStore.ts';
import type { StoreApi } from 'zustand';

/**
 * One file that carries every draft and the settings that are not secret, to move the designer's work to
 * another browser or machine, or to keep it safe when storage is full or about to be cleared.
 *
 * What a backup never holds: webhook URLs (a URL is the credential; targets travel by name only), the send
 * history and its times, and the connector package. Restoring merges by draft id: a draft that is not here
 * is added, a newer copy replaces an older one (which is kept as a draft of its own), and an older copy
 * never replaces a newer draft.
 */

export const BACKUP_FORMAT = 'messagecard-designer-backup';
export const BACKUP_VERSION = 1;
/** Far above any real backup (a hundred 28 KB cards is under 3 MB); refusing more keeps the tab responsive. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
const MAX_ID = 200;

export interface BackupSettings {
  profile?: HostProfile;
  layout?: SavedLayout;
  preview?: unknown;
  workflows?: unknown;
  /** The user's send targets, by name: never their URLs. */
  sendTargets?: TargetName[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  drafts: BackupDraft[];
  settings: BackupSettings;
}

/** The stores a backup reads and restores. */
export interface BackupStores {
  designer: DesignerStore;
  drafts: DraftsStore;
  previewSettings: StoreApi<PreviewSettingsState>;
  workflows: StoreApi<WorkflowsState>;
  send: SendStore;
}

/** Everything a backup holds, from the app's stores. */
export function createBackup(stores: BackupStores, now: Date = new Date()): Backup {
  const { host, layout } = stores.designer.getState();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    drafts: stores.drafts.getState().entries(),
    settings: {
      profile: host,
      layout: { editorShare: layout.editorShare, narrowTab: layout.narrowTab },
      preview: savedPreviewSettings(stores.previewSettings.getState()),
      workflows: savedWorkflowsChoices(stores.workflows.getState()),
      sendTargets: targetNames(stores.send.getState()),
    },
  };
}

/** The file's text: indented, so a person can read what it holds. */
export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A file name with the day: `messagecard-drafts-2026-12-04.json`. */
export function backupFileName(now: Date = new Date()): string {
  return `messagecard-drafts-${now.toISOString().slice(0, 10)}.json`;
}

export type ReadBackupResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Reads a backup file, checking everything; a file that is not a backup says why and changes nothing. */
export function readBackup(text: string): ReadBackupResult {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, message: 'The file is far larger than any backup.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON, so it is not a backup of the designer.' };
  }
  const root = asObject(value);
  if (!root || root.format !== BACKUP_FORMAT) {
    const card = root && (root['@type'] === 'MessageCard' || root.type === 'AdaptiveCard');
    return {
      ok: false,
      message: card
        ? 'The file holds a single card, not a backup: open it with “Import a .json file…”.'
        : 'The file is not a backup of the designer.',
    };
  }
  if (typeof root.version !== 'number' || root.version > BACKUP_VERSION) {
    return { ok: false, message: 'The backup was made by a newer version of the designer; update this one first.' };
  }
  if (!Array.isArray(root.drafts)) return { ok: false, message: 'The backup holds no list of drafts.' };
  const drafts: BackupDraft[] = [];
  for (const item of root.drafts) {
    const d = asObject(item);
    if (!d || typeof d.id !== 'string' || d.id === '' || d.id.length > MAX_ID || typeof d.text !== 'string') {
      return { ok: false, message: `Draft ${drafts.length + 1} of the backup is damaged; nothing was restored.` };
    }
    if (drafts.some((x) => x.id === d.id)) continue;
    drafts.push({
      id: d.id,
      name: typeof d.name === 'string' ? d.name : 'Untitled card',
      named: d.named === true,
      updatedAt: typeof d.updatedAt === 'number' && Number.isFinite(d.updatedAt) ? d.updatedAt : 0,
      text: d.text,
    });
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: root.version,
      createdAt: typeof root.createdAt === 'string' ? root.createdAt : '',
      drafts,
      settings: readSettings(root.settings),
    },
  };
}

function readSettings(value: unknown): BackupSettings {
  const s = asObject(value);
  if (!s) return {};
  const layout = asObject(s.layout);
  const targets = Array.isArray(s.sendTargets) ? s.sendTargets : [];
  return {
    profile: HOST_PROFILES.find((p) => p === s.profile),
    layout: layout
      ? {
          editorShare:
            typeof layout.editorShare === 'number' && layout.editorShare >= 0.2 && layout.editorShare <= 0.8
              ? layout.editorShare
              : DEFAULT_LAYOUT.editorShare,
          narrowTab: layout.narrowTab === 'json' || layout.narrowTab === 'form' ? layout.narrowTab : 'preview',
        }
      : undefined,
    preview: s.preview,
    workflows: s.workflows,
    sendTargets: targets
      .map((t) => asObject(t))
      .filter((t) => t && typeof t.id === 'string' && typeof t.name === 'string' && t.name.trim() !== '')
      .map((t) => ({ id: String(t!.id).slice(0, MAX_ID), name: String(t!.name).slice(0, 100) })),
  };
}

export interface RestoreResult extends RestoreReport {
  /** Send targets added by name (their URLs must be pasted again). */
  targetsAdded: number;
}

/** Merges a backup into the app: drafts by id (newer wins, nothing lost) and, if asked, the settings. */
export function restoreBackup(stores: BackupStores, backup: Backup, withSettings: boolean): RestoreResult {
  const report = stores.drafts.getState().restore(backup.drafts);
  let targetsAdded = 0;
  if (withSettings) {
    const { settings } = backup;
    if (settings.profile) stores.designer.getState().setHost(settings.profile);
    if (settings.layout) stores.designer.getState().setLayout(settings.layout);
    if (settings.preview !== undefined) stores.previewSettings.getState().set(previewSettingsFrom(settings.preview));
    if (settings.workflows !== undefined) stores.workflows.setState(workflowsChoicesFrom(settings.workflows));
    targetsAdded = restoreTargetNames(stores.send, settings.sendTargets ?? []);
  }
  return { ...report, targetsAdded };
}

/** The restore's outcome in one sentence. */
export function describeRestore(result: RestoreResult): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (result.added) parts.push(`${n(result.added, 'draft', 'drafts')} added`);
  if (result.updated) {
    parts.push(
      `${n(result.updated, 'draft', 'drafts')} updated to the newer copy (the older kept as “… (before restore)”)`,
    );
  }
  if (result.keptNewer) parts.push(`${n(result.keptNewer, 'draft', 'drafts')} kept as they are, newer here`);
  if (result.same) parts.push(`${n(result.same, 'draft', 'drafts')} already up to date`);
  if (result.targetsAdded) {
    parts.push(`${n(result.targetsAdded, 'send target', 'send targets')} added by name (paste their URLs again)`);
  }
  if (result.failed) parts.push(`${n(result.failed, 'draft', 'drafts')} could not be saved: storage is full`);
  return parts.length ? `${parts.join('; ')}.` : 'The backup holds no drafts.';
}
