import { createStore } from 'zustand/vanilla';
import { BLANK_CARD_TEXT } from '../card/samples.ts';
import { asObject, asString } from '../json/read.ts';
import {
  MemoryStorage,
  storageArea,
  toArea,
  troubleReason,
  type StorageArea,
  type WriteResult,
} from '../lib/storage.ts';
import type { DesignerStore } from './designerStore.ts';
import { lastMove, type StepInfo } from './history.ts';
import {
  CLAIM_RENEW_MS,
  DRAFT_PREFIX,
  MAX_NAME,
  chooseTabDraft,
  claimDraft,
  listDrafts,
  readDraft,
  releaseClaim,
  removeDraft,
  setTabOpenDraft,
  tabId,
  writeDraft,
  type DraftEntry,
} from './draftStorage.ts';

/**
 * Named drafts kept in this browser. There is always one open draft: the card in the editor. Its
 * text is written to the draft as the user types (besides the designer's own autosave of the
 * document, which this adds to and does not replace), so switching drafts, opening a template or
 * a share link never throws a card away: the one that was open stays in the list.
 *
 * Switching the card is one undo step of the designer's history, and undo knows about it: undoing
 * a switch reopens the draft that was open before, so an undo never writes one draft's text over
 * another's.
 *
 * Storage (`draftStorage.ts`): one entry per draft, with a revision, so typing rewrites only the open
 * draft and tabs never overwrite each other's list. Each tab works on its own open draft. When another
 * tab saves the draft this tab has open, this tab does not write over it: it holds its text and asks
 * (`conflict`): keep mine, take theirs, or keep both as two drafts. A tab closed before the user answers
 * keeps both. Every read validates; every write reports failure instead of throwing.
 */

export interface DraftMeta {
  id: string;
  /** What the list shows: the user's name for it, or the card's title while the user has given none. */
  name: string;
  /** True once the user renamed the draft; until then its name follows the card's title. */
  named: boolean;
  /** Milliseconds since the epoch of the last saved change. */
  updatedAt: number;
}

export interface DraftsState {
  /** Every draft, most recently changed first. */
  drafts: DraftMeta[];
  openId: string;
  /** Why the last write to local storage failed, if it did. */
  saveError: string | undefined;
  /** Another tab saved the open draft while this tab had it open: the user chooses what happens. */
  conflict: DraftConflict | undefined;

  /**
   * Keeps the open card as it is, adds a draft with `text` and opens it (one undo step). The name
   * defaults to the card's title. Returns the new draft's id.
   */
  create(text: string, name?: string): string;
  /** Opens another draft (one undo step); the open one keeps its text. */
  open(id: string): void;
  rename(id: string, name: string): void;
  /** Adds a copy of a draft right after it, without opening it. Returns the copy's id. */
  duplicate(id: string): string | undefined;
  /** Deletes a draft. Deleting the open one opens the next; deleting the last one starts a blank draft. */
  remove(id: string): void;
  /** The saved text of a draft (the open draft's is the editor's text). */
  textOf(id: string): string | undefined;
  /** Writes the open draft's pending text now. */
  flush(): void;
  /**
   * Answers a conflict: `mine` saves this tab's text over the other tab's, `theirs` opens the other
   * tab's text (one undo step: undo brings this tab's back), `both` keeps theirs in the draft and this
   * tab's text as a new draft, opened here.
   */
  resolveConflict(choice: 'mine' | 'theirs' | 'both'): void;
  /** Reads the list again from storage (another tab changed it); `key` is the storage key that changed. */
  sync(key?: string | null): void;
  /** Adds drafts from a backup, by id: a newer copy wins, an older copy never replaces a newer draft. */
  restore(entries: readonly BackupDraft[]): RestoreReport;
  /** Every draft with its text, for a backup. */
  entries(): BackupDraft[];
  /** Gives up this tab's claim on its draft (the tab is closing). */
  release(): void;
  /** Renews this tab's claim on its draft (while the tab lives). */
  renewClaim(): void;
}

export interface DraftConflict {
  id: string;
  name: string;
  /** The text the other tab saved. */
  theirText: string;
  theirUpdatedAt: number;
}

/** A draft as a backup file holds it. */
export interface BackupDraft {
  id: string;
  name: string;
  named: boolean;
  updatedAt: number;
  text: string;
}

export interface RestoreReport {
  /** Drafts that were not here. */
  added: number;
  /** Drafts replaced by a newer copy from the backup (the copy they replaced is kept as a draft of its own). */
  updated: number;
  /** Drafts kept because they are newer here than in the backup. */
  keptNewer: number;
  /** Drafts identical in both. */
  same: number;
  /** Drafts that could not be saved (storage full or unavailable). */
  failed: number;
}

const AUTOSAVE_MS = 300;

/** A name for a card: its title, else its summary, else its text, else "Untitled card". */
export function nameForCard(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Untitled card';
  }
  const card = asObject(value);
  for (const field of ['title', 'summary', 'text']) {
    const s = asString(card?.[field])?.replace(/\s+/g, ' ').trim();
    if (s) return s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s;
  }
  return 'Untitled card';
}

export interface DraftsInit {
  designer: DesignerStore;
  /** Where drafts are kept (localStorage in the app). */
  storage?: Storage | StorageArea | undefined;
  /** Where this tab keeps its id and open draft (sessionStorage in the app). */
  session?: Storage | StorageArea | undefined;
  now?: () => number;
  newId?: () => string;
  autosaveMs?: number;
}

/** The history step of a switch between drafts: undoing it reopens `from`, redoing it reopens `to`. */
const switchStep = (from: string, to: string): StepInfo => ({ kind: 'draft-switch', detail: { from, to } });

/** Creates the drafts store bound to a designer store, and starts writing the open draft as it changes. */
export function createDraftsStore(init: DraftsInit) {
  const { designer } = init;
  const area = toArea(init.storage);
  const session = init.session === undefined ? storageArea(new MemoryStorage()) : toArea(init.session);
  const now = init.now ?? Date.now;
  const newId =
    init.newId ??
    (() => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const delay = init.autosaveMs ?? AUTOSAVE_MS;
  const tab = tabId(session);

  /** Drafts whose last write failed (storage full or missing): kept here, so this tab loses none of them. */
  const unsaved = new Map<string, DraftEntry>();
  const readEntry = (id: string) => unsaved.get(id) ?? readDraft(area, id);
  const writeEntry = (entry: DraftEntry): string | undefined => {
    const result: WriteResult = writeDraft(area, entry);
    if (result.ok) unsaved.delete(entry.id);
    else unsaved.set(entry.id, entry);
    return result.ok ? undefined : troubleReason(result.problem);
  };
  const toMeta = ({ id, name, named, updatedAt }: DraftEntry): DraftMeta => ({ id, name, named, updatedAt });
  const listAll = () => {
    const stored = listDrafts(area).filter((d) => !unsaved.has(d.id));
    return [...unsaved.values(), ...stored].map(toMeta);
  };

  const start = chooseTabDraft(area, session, now());
  /** The open draft's revision and text as this tab last read or wrote them: what its next save builds on. */
  let base = start.kind === 'draft' ? { rev: start.entry.rev, text: start.entry.text } : { rev: 0, text: '' };
  /** Drafts deleted while open, so that undoing the deletion can bring them back. */
  const trash = new Map<string, DraftMeta>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  /** Saves the open draft with a given text (the text of the card being left by an undo). */
  let saveLeaving: (text: string) => void = () => {};

  const setSaveStatus = (error: string | undefined) => {
    const current = designer.getState().saveStatus;
    if (error === undefined ? current.state !== 'saved' : current.state !== 'failed' || current.reason !== error) {
      designer.setState({ saveStatus: error === undefined ? { state: 'saved' } : { state: 'failed', reason: error } });
    }
  };

  const store = createStore<DraftsState>()((set, get) => {
    const setDrafts = (drafts: DraftMeta[], openId = get().openId) => {
      const sorted = [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
      if (openId !== get().openId) {
        setTabOpenDraft(session, openId);
        claimDraft(area, tab, openId, now());
      }
      set({ drafts: sorted, openId });
    };

    /** Keeps this tab's text as a draft of its own and opens it here; the other tab's stays in the draft. */
    const keepBoth = () => {
      const { openId, drafts } = get();
      const meta = drafts.find((d) => d.id === openId);
      const text = designer.getState().text;
      const id = newId();
      const entry: DraftEntry = {
        id,
        name: `${meta?.named ? meta.name : nameForCard(text)} (second version)`.slice(0, MAX_NAME),
        named: true,
        updatedAt: now(),
        rev: 1,
        by: tab,
        text,
      };
      const error = writeEntry(entry);
      set({ conflict: undefined, saveError: error });
      setSaveStatus(error);
      base = { rev: 1, text };
      const theirs = readEntry(openId);
      setDrafts([toMeta(entry), ...drafts.map((d) => (d.id === openId && theirs ? toMeta(theirs) : d))], id);
    };

    /** Whether the open draft was saved by another tab since this one read it, with a text of its own. */
    const changedElsewhere = (stored: DraftEntry | undefined, text: string): boolean => {
      if (!stored || stored.rev === base.rev) return false;
      if (stored.text === text || stored.text === base.text) {
        // Only its name changed there, or it holds what this tab has: carry on from that revision.
        base = { rev: stored.rev, text: stored.text };
        return false;
      }
      return true;
    };

    const raiseConflict = (stored: DraftEntry) => {
      set({
        conflict: { id: stored.id, name: stored.name, theirText: stored.text, theirUpdatedAt: stored.updatedAt },
      });
      designer.setState({
        saveStatus: { state: 'failed', reason: 'this card was changed in another tab; choose which version to keep' },
      });
    };

    /** Writes the open draft's text (the editor's) and refreshes its name and time. */
    const saveOpen = (text = designer.getState().text) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      dirty = false;
      const { openId, drafts, conflict } = get();
      // While the user has not chosen, this tab's text stays in the editor and the other tab's in storage.
      if (conflict) return;
      const meta = drafts.find((d) => d.id === openId);
      if (!meta) return;
      const stored = readEntry(openId);
      if (changedElsewhere(stored, text) && stored) {
        raiseConflict(stored);
        return;
      }
      if (stored && stored.text === text && stored.rev === base.rev && !unsaved.has(openId)) {
        setSaveStatus(undefined);
        return;
      }
      const named = stored ? stored.named : meta.named;
      const name = named ? (stored?.name ?? meta.name) : nameForCard(text);
      const entry: DraftEntry = { id: openId, name, named, updatedAt: now(), rev: base.rev + 1, by: tab, text };
      const error = writeEntry(entry);
      base = { rev: entry.rev, text };
      set({ saveError: error });
      setSaveStatus(error);
      setDrafts(
        drafts.some((d) => d.id === openId) ? drafts.map((d) => (d.id === openId ? toMeta(entry) : d)) : drafts,
      );
    };

    saveLeaving = (text) => saveOpen(text);

    /** Puts `text` in the editor as one undo step and remembers which drafts the step switches. */
    const switchTo = (id: string, entry: { rev: number; text: string }) => {
      const fromId = get().openId;
      if (get().conflict) keepBoth();
      else saveOpen();
      setDrafts(get().drafts, id);
      base = { rev: entry.rev, text: entry.text };
      designer.getState().applyCommand(() => entry.text, switchStep(fromId, id));
    };

    return {
      drafts: listAll(),
      openId: start.kind === 'draft' ? start.entry.id : '',
      saveError: undefined,
      conflict: undefined,

      create(text, name) {
        const id = newId();
        const trimmed = name?.trim().slice(0, MAX_NAME);
        const entry: DraftEntry = {
          id,
          name: trimmed || nameForCard(text),
          named: Boolean(trimmed),
          updatedAt: now(),
          rev: 1,
          by: tab,
          text,
        };
        set({ saveError: writeEntry(entry) });
        setDrafts([toMeta(entry), ...get().drafts]);
        switchTo(id, entry);
        return id;
      },
      open(id) {
        if (id === get().openId) return;
        const entry = readEntry(id);
        if (entry === undefined || !get().drafts.some((d) => d.id === id)) return;
        switchTo(id, entry);
      },
      rename(id, name) {
        if (id === get().openId) get().flush();
        const trimmed = name.trim().slice(0, MAX_NAME);
        const stored = readEntry(id);
        const text = get().textOf(id) ?? '';
        const meta = get().drafts.find((d) => d.id === id);
        if (!meta) return;
        const renamed: DraftEntry = {
          ...(stored ?? { ...meta, rev: 0, by: tab, text }),
          name: trimmed || nameForCard(text),
          named: Boolean(trimmed),
          rev: (stored?.rev ?? 0) + 1,
          by: tab,
        };
        set({ saveError: writeEntry(renamed) });
        if (id === get().openId && stored?.rev === base.rev) base = { rev: renamed.rev, text: renamed.text };
        setDrafts(get().drafts.map((d) => (d.id === id ? { ...d, name: renamed.name, named: renamed.named } : d)));
      },
      duplicate(id) {
        const source = get().drafts.find((d) => d.id === id);
        const text = get().textOf(id);
        if (!source || text === undefined) return undefined;
        const copyId = newId();
        const copy: DraftEntry = {
          id: copyId,
          name: `${source.name} (copy)`.slice(0, MAX_NAME),
          named: true,
          updatedAt: now(),
          rev: 1,
          by: tab,
          text,
        };
        set({ saveError: writeEntry(copy) });
        setDrafts([toMeta(copy), ...get().drafts]);
        return copyId;
      },
      remove(id) {
        const { drafts, openId } = get();
        const meta = drafts.find((d) => d.id === id);
        if (!meta) return;
        const rest = drafts.filter((d) => d.id !== id);
        if (id !== openId) {
          setDrafts(rest);
          unsaved.delete(id);
          removeDraft(area, id);
          return;
        }
        // The open card leaves the editor as one undo step; undoing it brings the draft back.
        if (timer !== undefined) clearTimeout(timer);
        dirty = false;
        set({ conflict: undefined });
        let next = rest[0];
        let entry = next ? readEntry(next.id) : undefined;
        if (!next || entry === undefined) {
          entry = {
            id: newId(),
            name: nameForCard(BLANK_CARD_TEXT),
            named: false,
            updatedAt: now(),
            rev: 1,
            by: tab,
            text: BLANK_CARD_TEXT,
          };
          next = toMeta(entry);
          writeEntry(entry);
          rest.unshift(next);
        }
        trash.set(id, meta);
        unsaved.delete(id);
        removeDraft(area, id);
        setDrafts(rest, next.id);
        base = { rev: entry.rev, text: entry.text };
        const text = entry.text;
        designer.getState().applyCommand(() => text, switchStep(id, next.id));
      },
      textOf(id) {
        return id === get().openId ? designer.getState().text : readEntry(id)?.text;
      },
      flush() {
        if (dirty) saveOpen();
      },
      resolveConflict(choice) {
        const conflict = get().conflict;
        if (!conflict) return;
        const stored = readEntry(conflict.id);
        if (choice === 'both') {
          keepBoth();
          return;
        }
        set({ conflict: undefined });
        base = { rev: stored?.rev ?? base.rev, text: stored?.text ?? conflict.theirText };
        if (choice === 'theirs') {
          const text = base.text;
          designer.getState().applyCommand(() => text);
          setSaveStatus(undefined);
          if (stored) setDrafts(get().drafts.map((d) => (d.id === stored.id ? toMeta(stored) : d)));
        } else {
          dirty = true;
          saveOpen();
        }
      },
      sync(key) {
        const { openId, drafts } = get();
        if (typeof key === 'string' && !key.startsWith(DRAFT_PREFIX)) return;
        let list: DraftMeta[];
        if (typeof key === 'string') {
          const id = key.slice(DRAFT_PREFIX.length);
          const entry = readEntry(id);
          const others = drafts.filter((d) => d.id !== id);
          list = entry ? [toMeta(entry), ...others] : id === openId ? drafts : others;
        } else {
          list = listAll();
          const mine = drafts.find((d) => d.id === openId);
          // The open draft deleted in another tab stays here; its next save writes it again.
          if (mine && !list.some((d) => d.id === openId)) list.push(mine);
        }
        setDrafts(list);
        if (get().conflict || (typeof key === 'string' && key !== DRAFT_PREFIX + openId)) return;
        const stored = readEntry(openId);
        if (changedElsewhere(stored, designer.getState().text) && stored) raiseConflict(stored);
      },
      restore(entries) {
        get().flush();
        const report: RestoreReport = { added: 0, updated: 0, keptNewer: 0, same: 0, failed: 0 };
        let list = get().drafts;
        let openText: string | undefined;
        for (const b of entries) {
          const local = readEntry(b.id);
          const incoming: DraftEntry = { ...b, name: b.name.slice(0, MAX_NAME), rev: (local?.rev ?? 0) + 1, by: tab };
          if (local && local.text === b.text) {
            report.same++;
            continue;
          }
          if (local && local.updatedAt >= b.updatedAt) {
            report.keptNewer++;
            continue;
          }
          if (local) {
            // The older copy here is kept as a draft of its own: a restore never loses a card.
            const kept: DraftEntry = {
              ...local,
              id: newId(),
              name: `${local.name} (before restore)`.slice(0, MAX_NAME),
              named: true,
              rev: 1,
              by: tab,
            };
            if (writeEntry(kept)) {
              report.failed++;
              continue;
            }
            list = [toMeta(kept), ...list];
          }
          if (writeEntry(incoming)) {
            report.failed++;
            continue;
          }
          if (local) report.updated++;
          else report.added++;
          list = [toMeta(incoming), ...list.filter((d) => d.id !== b.id)];
          if (b.id === get().openId) {
            base = { rev: incoming.rev, text: incoming.text };
            openText = incoming.text;
          }
        }
        setDrafts(list);
        if (openText !== undefined) {
          const text = openText;
          designer.getState().applyCommand(() => text);
        }
        return report;
      },
      entries() {
        get().flush();
        const open = get().openId;
        return get()
          .drafts.map((d) => {
            const text = get().textOf(d.id);
            const updatedAt = d.id === open ? Math.max(d.updatedAt, readEntry(open)?.updatedAt ?? 0) : d.updatedAt;
            return text === undefined ? undefined : { id: d.id, name: d.name, named: d.named, updatedAt, text };
          })
          .filter((d): d is BackupDraft => d !== undefined);
      },
      release() {
        if (get().conflict) keepBoth();
        get().flush();
        releaseClaim(area, tab);
      },
      renewClaim() {
        claimDraft(area, tab, get().openId, now());
      },
    };
  });

  // A first visit, or every draft open in another tab: the card in the editor becomes a new draft.
  if (start.kind !== 'draft') {
    const text = designer.getState().text;
    const entry: DraftEntry = {
      id: newId(),
      name: nameForCard(text),
      named: false,
      updatedAt: now(),
      rev: 1,
      by: tab,
      text,
    };
    const error = writeEntry(entry);
    base = { rev: 1, text };
    setTabOpenDraft(session, entry.id);
    claimDraft(area, tab, entry.id, now());
    store.setState({ drafts: [toMeta(entry), ...store.getState().drafts], openId: entry.id, saveError: error });
    setSaveStatus(error);
  } else if (start.entry.text !== designer.getState().text) {
    // The editor holds a newer text of the open card (it was opened on it): save it.
    dirty = true;
    store.getState().flush();
  }

  designer.subscribe((state, previous) => {
    if (state.history === previous.history && state.text === previous.text) return;
    if (state.textOrigin === 'history' && state.history !== previous.history) {
      // The step undone or redone says what it was: a draft switch names the two drafts.
      const move = lastMove(previous.history, state.history);
      const marker = move?.step.kind === 'draft-switch' ? move.step.detail : undefined;
      const undid = move?.undone === true;
      if (marker?.from !== undefined && marker.to !== undefined) {
        // The step being undone or redone switched drafts: save the card being left, follow the step.
        if (dirty) saveLeaving(previous.text);
        const openId = undid ? marker.from : marker.to;
        let list = store.getState().drafts;
        const deleted = trash.get(openId);
        if (!list.some((d) => d.id === openId) && deleted) {
          trash.delete(openId);
          const entry: DraftEntry = { ...deleted, updatedAt: now(), rev: 1, by: tab, text: state.text };
          writeEntry(entry);
          list = [toMeta(entry), ...list];
        }
        if (list.some((d) => d.id === openId)) {
          const entry = readEntry(openId);
          base = entry ? { rev: entry.rev, text: entry.text } : base;
          store.setState({ openId, drafts: list, conflict: undefined });
          setTabOpenDraft(session, openId);
          claimDraft(area, tab, openId, now());
        }
      }
    }
    if (state.text === previous.text) return;
    dirty = true;
    if (state.saveStatus.state === 'saved') designer.setState({ saveStatus: { state: 'pending' } });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => store.getState().flush(), delay);
  });

  return store;
}

export type DraftsStore = ReturnType<typeof createDraftsStore>;

/**
 * Connects a drafts store to the browser: another tab's saves (the `storage` event), the tab closing or
 * hidden (save now; give up the claim), and the claim renewed while the tab lives. Returns a stop function.
 */
export function startDraftsSync(store: DraftsStore): () => void {
  const onStorage = (event: StorageEvent) => {
    try {
      // sessionStorage is this tab's own; only localStorage holds drafts (and reading it may throw).
      if (event.storageArea !== null && event.storageArea !== globalThis.localStorage) return;
    } catch {
      return;
    }
    store.getState().sync(event.key);
  };
  const onHide = () => store.getState().release();
  const onShow = () => store.getState().renewClaim();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') store.getState().flush();
    else onShow();
  };
  const renew = setInterval(onShow, CLAIM_RENEW_MS);
  globalThis.addEventListener?.('storage', onStorage);
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.addEventListener?.('pageshow', onShow);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(renew);
    globalThis.removeEventListener?.('storage', onStorage);
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.removeEventListener?.('pageshow', onShow);
    globalThis.document?.removeEventListener('visibilitychange', onVisibility);
  };
}
