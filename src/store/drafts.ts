import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { asObject, asString } from '../json/read.ts';
import type { DesignerStore } from './designerStore.ts';
import { lastMove, type StepInfo } from './history.ts';
import { designerStore } from './hooks.ts';

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
 * Storage: an index (ids, names, times) under one key and each draft's text under its own key, so
 * typing rewrites only the open draft. Every read validates; every write reports failure instead
 * of throwing (private windows, a full quota).
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
}

const INDEX_KEY = 'messagecard-designer:drafts:v1';
const TEXT_PREFIX = 'messagecard-designer:draft-text:v1:';
const AUTOSAVE_MS = 300;
const MAX_NAME = 80;

const BLANK_DRAFT_TEXT = `{
  "@type": "MessageCard",
  "@context": "https://schema.org/extensions",
  "summary": "New card",
  "themeColor": "0076D7",
  "title": "New card",
  "text": "Write the message here."
}
`;

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
  storage?: Storage | undefined;
  now?: () => number;
  newId?: () => string;
  autosaveMs?: number;
}

/** The history step of a switch between drafts: undoing it reopens `from`, redoing it reopens `to`. */
const switchStep = (from: string, to: string): StepInfo => ({ kind: 'draft-switch', detail: { from, to } });

/** Creates the drafts store bound to a designer store, and starts writing the open draft as it changes. */
export function createDraftsStore(init: DraftsInit) {
  const { designer, storage } = init;
  const now = init.now ?? Date.now;
  const newId =
    init.newId ??
    (() => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const delay = init.autosaveMs ?? AUTOSAVE_MS;

  const write = (key: string, value: string | undefined): string | undefined => {
    if (!storage) return 'This browser does not allow local storage here.';
    try {
      if (value === undefined) storage.removeItem(key);
      else storage.setItem(key, value);
      return undefined;
    } catch (error) {
      const quota = error instanceof DOMException && /quota/i.test(error.name + error.message);
      return quota
        ? 'Local storage is full: the draft is kept in this tab only.'
        : 'The browser refused to save the draft.';
    }
  };
  const read = (key: string): string | undefined => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };

  const loaded = loadIndex(read(INDEX_KEY));
  /** Drafts deleted while open, so that undoing the deletion can bring them back. */
  const trash = new Map<string, DraftMeta>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const store = createStore<DraftsState>()((set, get) => {
    const saveIndex = (drafts: DraftMeta[], openId: string) => {
      const error = write(INDEX_KEY, JSON.stringify({ openId, drafts }));
      if (error !== get()?.saveError) set({ saveError: error });
    };
    const setDrafts = (drafts: DraftMeta[], openId = get().openId) => {
      const sorted = [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
      set({ drafts: sorted, openId });
      saveIndex(sorted, openId);
    };

    /** Writes the open draft's text (the editor's) and refreshes its name and time. */
    const saveOpen = (text = designer.getState().text) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      dirty = false;
      const { openId, drafts } = get();
      const meta = drafts.find((d) => d.id === openId);
      if (!meta) return;
      if (read(TEXT_PREFIX + openId) === text) return;
      const error = write(TEXT_PREFIX + openId, text);
      set({ saveError: error });
      const name = meta.named ? meta.name : nameForCard(text);
      setDrafts(drafts.map((d) => (d.id === openId ? { ...d, name, updatedAt: now() } : d)));
    };

    /** Puts `text` in the editor as one undo step and remembers which drafts the step switches. */
    const switchTo = (id: string, text: string) => {
      const fromId = get().openId;
      saveOpen();
      set({ openId: id });
      saveIndex(get().drafts, id);
      designer.getState().applyCommand(() => text, switchStep(fromId, id));
    };

    return {
      drafts: loaded.drafts,
      openId: loaded.openId,
      saveError: undefined,

      create(text, name) {
        const id = newId();
        const trimmed = name?.trim().slice(0, MAX_NAME);
        const meta: DraftMeta = { id, name: trimmed || nameForCard(text), named: Boolean(trimmed), updatedAt: now() };
        set({ saveError: write(TEXT_PREFIX + id, text) });
        setDrafts([meta, ...get().drafts]);
        switchTo(id, text);
        return id;
      },
      open(id) {
        if (id === get().openId) return;
        const text = read(TEXT_PREFIX + id);
        if (text === undefined || !get().drafts.some((d) => d.id === id)) return;
        switchTo(id, text);
      },
      rename(id, name) {
        const trimmed = name.trim().slice(0, MAX_NAME);
        setDrafts(
          get().drafts.map((d) =>
            d.id === id
              ? trimmed
                ? { ...d, name: trimmed, named: true }
                : { ...d, name: nameForCard(get().textOf(id) ?? ''), named: false }
              : d,
          ),
        );
      },
      duplicate(id) {
        const source = get().drafts.find((d) => d.id === id);
        const text = get().textOf(id);
        if (!source || text === undefined) return undefined;
        const copyId = newId();
        set({ saveError: write(TEXT_PREFIX + copyId, text) });
        const copy: DraftMeta = { id: copyId, name: `${source.name} (copy)`, named: true, updatedAt: now() };
        setDrafts([copy, ...get().drafts]);
        return copyId;
      },
      remove(id) {
        const { drafts, openId } = get();
        const meta = drafts.find((d) => d.id === id);
        if (!meta) return;
        const rest = drafts.filter((d) => d.id !== id);
        if (id !== openId) {
          setDrafts(rest);
          write(TEXT_PREFIX + id, undefined);
          return;
        }
        // The open card leaves the editor as one undo step; undoing it brings the draft back.
        if (timer !== undefined) clearTimeout(timer);
        dirty = false;
        let next = rest[0];
        let text = next ? read(TEXT_PREFIX + next.id) : undefined;
        if (!next || text === undefined) {
          next = { id: newId(), name: nameForCard(BLANK_DRAFT_TEXT), named: false, updatedAt: now() };
          text = BLANK_DRAFT_TEXT;
          write(TEXT_PREFIX + next.id, text);
          rest.unshift(next);
        }
        trash.set(id, meta);
        write(TEXT_PREFIX + id, undefined);
        setDrafts(rest, next.id);
        designer.getState().applyCommand(() => text, switchStep(id, next.id));
      },
      textOf(id) {
        return id === get().openId ? designer.getState().text : read(TEXT_PREFIX + id);
      },
      flush() {
        if (dirty) saveOpen();
      },
    };
  });

  // The first visit, or drafts lost: the card in the editor becomes the first draft.
  const first = store.getState();
  if (!first.drafts.some((d) => d.id === first.openId)) {
    const id = newId();
    const text = designer.getState().text;
    write(TEXT_PREFIX + id, text);
    const drafts = [{ id, name: nameForCard(text), named: false, updatedAt: now() }, ...first.drafts];
    store.setState({ drafts, openId: id });
    write(INDEX_KEY, JSON.stringify({ openId: id, drafts }));
  } else if (read(TEXT_PREFIX + first.openId) !== designer.getState().text) {
    // The designer's document autosave is the newest copy of the open card.
    dirty = true;
    store.getState().flush();
  }

  designer.subscribe((state, previous) => {
    if (state.history === previous.history && state.text === previous.text) return;
    const drafts = store.getState();
    if (state.textOrigin === 'history' && state.history !== previous.history) {
      // The step undone or redone says what it was: a draft switch names the two drafts.
      const move = lastMove(previous.history, state.history);
      const marker = move?.step.kind === 'draft-switch' ? move.step.detail : undefined;
      const undid = move?.undone === true;
      if (marker?.from !== undefined && marker.to !== undefined) {
        // The step being undone or redone switched drafts: save the card being left, follow the step.
        if (dirty) {
          dirty = false;
          if (timer !== undefined) clearTimeout(timer);
          write(TEXT_PREFIX + drafts.openId, previous.text);
        }
        const openId = undid ? marker.from : marker.to;
        let list = drafts.drafts;
        const deleted = trash.get(openId);
        if (!list.some((d) => d.id === openId) && deleted) {
          trash.delete(openId);
          list = [{ ...deleted, updatedAt: now() }, ...list];
          write(TEXT_PREFIX + openId, state.text);
        }
        if (list.some((d) => d.id === openId)) {
          store.setState({ openId, drafts: list });
          write(INDEX_KEY, JSON.stringify({ openId, drafts: list }));
        }
      }
    }
    if (state.text === previous.text) return;
    dirty = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => store.getState().flush(), delay);
  });

  const onHide = () => store.getState().flush();
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onHide();
  });

  return store;
}

function loadIndex(raw: string | undefined): { drafts: DraftMeta[]; openId: string } {
  let value: unknown;
  try {
    value = raw === undefined ? undefined : JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const obj = asObject(value);
  const list = Array.isArray(obj?.drafts) ? obj.drafts : [];
  const drafts: DraftMeta[] = [];
  for (const item of list) {
    const d = asObject(item);
    if (!d || typeof d.id !== 'string' || typeof d.name !== 'string') continue;
    if (drafts.some((x) => x.id === d.id)) continue;
    drafts.push({
      id: d.id,
      name: d.name.slice(0, MAX_NAME),
      named: d.named === true,
      updatedAt: typeof d.updatedAt === 'number' && Number.isFinite(d.updatedAt) ? d.updatedAt : 0,
    });
  }
  drafts.sort((a, b) => b.updatedAt - a.updatedAt);
  return { drafts, openId: typeof obj?.openId === 'string' ? obj.openId : '' };
}

export type DraftsStore = ReturnType<typeof createDraftsStore>;

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The app's drafts, bound to the designer's store. */
export const draftsStore = createDraftsStore({ designer: designerStore, storage: browserStorage() });

/** Reads one slice of the drafts state. */
export function useDrafts<T>(selector: (state: DraftsState) => T): T {
  return useStore(draftsStore, selector);
}
