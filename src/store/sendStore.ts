import { createStore } from 'zustand/vanilla';
import { recordSend } from '../webhook/rateLimit.ts';
import type { OutcomeTone, SendResult } from '../webhook/answers.ts';
import { toArea, troubleReason, type StorageArea } from '../lib/storage.ts';

/**
 * Send state: webhook targets, the send history and the send times the rate limit counts.
 *
 * A webhook URL is a secret. It stays in memory unless its target is marked "remember on this
 * device"; the history refers to targets by id and name only, so no URL is ever written there.
 *
 * Two targets are built in, on the designer's own server: the local Workflows webhook, the default
 * (Workflows is how cards reach Teams since connectors were switched off in 2026), and the local
 * connector inbox, which answers as the retired Office 365 connector did, for replaying legacy cards.
 */

export interface SendTarget {
  id: string;
  name: string;
  url: string;
  /** Keep the URL in this browser's local storage. */
  remember: boolean;
  /** The local Workflows webhook or the local connector inbox: always there, cannot be removed. */
  builtin?: boolean;
}

export interface HistoryEntry {
  id: string;
  at: number;
  targetId: string;
  targetName: string;
  /** The card's title (or summary) when it was sent. */
  title: string;
  outcome: { tone: OutcomeTone; code: string; headline: string };
  sizeBytes: number;
  elapsedMs: number | undefined;
  /** The card text as it was sent, to reopen it or send it again. */
  cardText: string;
}

export interface LastSend {
  /** Counts sends, so a view can tell one result from the next even within the same millisecond. */
  seq: number;
  targetId: string;
  targetName: string;
  at: number;
  result: SendResult;
}

export interface SendState {
  targets: SendTarget[];
  selectedId: string;
  history: HistoryEntry[];
  /** Send times per target id, for the rate limit (the last day only). */
  sentAt: Record<string, number[]>;
  last: LastSend | undefined;
  /** Whether storage refused the last save (the reason), or undefined. */
  saveError: string | undefined;

  addTarget(name: string, url: string, remember?: boolean): string;
  updateTarget(id: string, patch: Partial<Pick<SendTarget, 'name' | 'url' | 'remember'>>): void;
  removeTarget(id: string): void;
  selectTarget(id: string): void;
  /** Counts a send towards the target's rate limit. */
  noteSent(targetId: string, at: number): void;
  addHistory(entry: Omit<HistoryEntry, 'id'>): void;
  clearHistory(): void;
  setLast(last: Omit<LastSend, 'seq'> | undefined): void;
}

export const INBOX_TARGET_ID = 'inbox';
/** The local Workflows webhook, the default target. */
export const WORKFLOWS_TARGET_ID = 'workflows';
const BUILTIN_IDS: readonly string[] = [WORKFLOWS_TARGET_ID, INBOX_TARGET_ID];
export const HISTORY_LIMIT = 50;
const STORAGE_KEY = 'messagecard-designer:send:v1';

interface Saved {
  /** 2 since the local Workflows webhook became the default; a save without it predates that. */
  v?: number;
  targets: { id: string; name: string; url: string }[];
  selectedId: string;
  history: HistoryEntry[];
  sentAt: Record<string, number[]>;
}

export interface SendStoreInit {
  /** The local connector inbox's webhook URL, on the designer's own origin. */
  inboxUrl: string;
  /** The local Workflows webhook's URL, on the designer's own origin. */
  workflowsUrl: string;
  storage?: Storage | StorageArea | undefined;
  now?: () => number;
}

function readSaved(area: StorageArea): Partial<Saved> {
  return area.read(STORAGE_KEY, (v) => (typeof v === 'object' && v !== null ? (v as Partial<Saved>) : undefined)) ?? {};
}

const isText = (value: unknown): value is string => typeof value === 'string';

function validTargets(value: unknown): SendTarget[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((t): t is { id: string; name: string; url: string } => isText(t?.id) && isText(t?.name) && isText(t?.url))
    .filter((t) => !BUILTIN_IDS.includes(t.id))
    .map((t) => ({ id: t.id, name: t.name, url: t.url, remember: true }));
}

function validHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (e): e is HistoryEntry =>
        typeof e === 'object' &&
        e !== null &&
        isText(e.id) &&
        typeof e.at === 'number' &&
        isText(e.targetId) &&
        isText(e.targetName) &&
        isText(e.title) &&
        isText(e.cardText) &&
        typeof e.outcome === 'object' &&
        e.outcome !== null &&
        isText(e.outcome.headline),
    )
    .slice(0, HISTORY_LIMIT);
}

function validSentAt(value: unknown): Record<string, number[]> {
  if (typeof value !== 'object' || value === null) return {};
  const result: Record<string, number[]> = {};
  for (const [id, times] of Object.entries(value)) {
    if (Array.isArray(times)) result[id] = times.filter((t): t is number => typeof t === 'number');
  }
  return result;
}

let idSeq = 0;
function newId(now: number): string {
  return `${now.toString(36)}${(idSeq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Creates the send store, opened on what was remembered in `storage`. */
export function createSendStore(init: SendStoreInit) {
  const now = init.now ?? Date.now;
  const area = toArea(init.storage);
  const saved = readSaved(area);
  const workflows: SendTarget = {
    id: WORKFLOWS_TARGET_ID,
    name: 'Local Workflows webhook',
    url: init.workflowsUrl,
    remember: true,
    builtin: true,
  };
  const inbox: SendTarget = {
    id: INBOX_TARGET_ID,
    name: 'Local connector inbox (retired 2026)',
    url: init.inboxUrl,
    remember: true,
    builtin: true,
  };
  const targets = [workflows, inbox, ...validTargets(saved.targets)];
  // Saves before version 2 wrote the inbox as the selection whenever nothing else was chosen: that was the
  // old default, not a choice, so such a save opens on the new default.
  const savedChoice = saved.v === 2 || saved.selectedId !== INBOX_TARGET_ID ? saved.selectedId : undefined;
  const selectedId = targets.some((t) => t.id === savedChoice) ? (savedChoice as string) : WORKFLOWS_TARGET_ID;

  const store = createStore<SendState>()((set, get) => ({
    targets,
    selectedId,
    history: validHistory(saved.history),
    sentAt: validSentAt(saved.sentAt),
    last: undefined,
    saveError: undefined,

    addTarget(name, url, remember = false) {
      const id = newId(now());
      const target: SendTarget = { id, name: name.trim() || 'Webhook', url: url.trim(), remember };
      set({ targets: [...get().targets, target], selectedId: id });
      return id;
    },
    updateTarget(id, patch) {
      set({
        targets: get().targets.map((t) =>
          t.id !== id || t.builtin
            ? t
            : {
                ...t,
                ...patch,
                ...(patch.url !== undefined ? { url: patch.url.trim() } : {}),
                ...(patch.name !== undefined ? { name: patch.name.trim() || t.name } : {}),
              },
        ),
      });
    },
    removeTarget(id) {
      if (BUILTIN_IDS.includes(id)) return;
      const rest = get().targets.filter((t) => t.id !== id);
      const sentAt = { ...get().sentAt };
      delete sentAt[id];
      set({ targets: rest, sentAt, selectedId: get().selectedId === id ? WORKFLOWS_TARGET_ID : get().selectedId });
    },
    selectTarget(id) {
      if (get().targets.some((t) => t.id === id)) set({ selectedId: id });
    },
    noteSent(targetId, at) {
      set({ sentAt: { ...get().sentAt, [targetId]: recordSend(get().sentAt[targetId] ?? [], at) } });
    },
    addHistory(entry) {
      set({ history: [{ ...entry, id: newId(entry.at) }, ...get().history].slice(0, HISTORY_LIMIT) });
    },
    clearHistory() {
      set({ history: [] });
    },
    setLast(last) {
      set({ last: last && { ...last, seq: (get().last?.seq ?? 0) + 1 } });
    },
  }));

  // Save what may be kept: remembered targets with their URLs, the history (no URLs), the send times.
  let previous = '';
  store.subscribe((state) => {
    const remembered = state.targets.filter((t) => t.remember && !t.builtin);
    const kept = (id: string) => BUILTIN_IDS.includes(id) || remembered.some((t) => t.id === id);
    const data: Saved = {
      v: 2,
      targets: remembered.map(({ id, name, url }) => ({ id, name, url })),
      selectedId: kept(state.selectedId) ? state.selectedId : WORKFLOWS_TARGET_ID,
      history: state.history,
      sentAt: Object.fromEntries(Object.entries(state.sentAt).filter(([id]) => kept(id))),
    };
    const text = JSON.stringify(data);
    if (text === previous) return;
    previous = text;
    const result = area.writeRaw(STORAGE_KEY, text);
    const saveError = result.ok ? undefined : troubleReason(result.problem);
    if (saveError !== state.saveError) store.setState({ saveError });
  });
  return store;
}

export type SendStore = ReturnType<typeof createSendStore>;

/** A target as a backup carries it: its name, never its URL (a webhook URL is a secret). */
export interface TargetName {
  id: string;
  name: string;
}

/** The user's own targets for a backup, by name only. */
export function targetNames(state: Pick<SendState, 'targets'>): TargetName[] {
  return state.targets.filter((t) => !t.builtin).map(({ id, name }) => ({ id, name }));
}

/**
 * Adds the targets of a backup that are not here yet, with no URL (the user pastes it again). Returns how
 * many were added.
 */
export function restoreTargetNames(store: SendStore, names: readonly TargetName[]): number {
  const known = store.getState().targets;
  const missing = names.filter((n) => !known.some((t) => t.id === n.id || t.name === n.name));
  if (missing.length === 0) return 0;
  const selectedId = store.getState().selectedId;
  store.setState({
    targets: [...known, ...missing.map((n) => ({ id: n.id, name: n.name, url: '', remember: true }))],
    selectedId,
  });
  return missing.length;
}
