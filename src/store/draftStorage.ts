import { asObject } from '../json/read.ts';
import type { StorageArea } from '../lib/storage.ts';

/**
 * How drafts are laid out in storage, shared by the drafts store and the document loader.
 *
 * Each draft is one entry, `messagecard-designer:draft:v2:<id>`, holding its text with its name, time and a
 * revision. There is no index: the list is the set of entries, so two tabs that each create or delete
 * drafts never overwrite each other's list. Saving a draft checks the stored revision first: if another tab
 * saved it since this tab last read or wrote it, the save stops and the user chooses (see `drafts.ts`).
 *
 * Per tab (sessionStorage, which a reload keeps and a new tab does not have): the tab's id and the draft it
 * has open. Per tab in localStorage: a claim on the open draft, renewed while the tab lives, so a new tab
 * opens a draft no other tab is editing.
 */

export const DRAFT_PREFIX = 'messagecard-designer:draft:v2:';
const V1_INDEX_KEY = 'messagecard-designer:drafts:v1';
const V1_TEXT_PREFIX = 'messagecard-designer:draft-text:v1:';
const TAB_ID_KEY = 'messagecard-designer:tab-id:v1';
const TAB_OPEN_KEY = 'messagecard-designer:open-draft:v1';
export const CLAIM_PREFIX = 'messagecard-designer:tab:v1:';
/** A tab renews its claim this often; a claim older than the TTL is a tab that closed without saying so. */
export const CLAIM_RENEW_MS = 20_000;
export const CLAIM_TTL_MS = 60_000;
export const MAX_NAME = 80;

export interface DraftEntry {
  id: string;
  name: string;
  /** True once the user renamed the draft; until then its name follows the card's title. */
  named: boolean;
  updatedAt: number;
  /** Counts saves of this draft, by any tab. */
  rev: number;
  /** The tab that saved it last. */
  by: string;
  text: string;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A stored draft entry, or undefined when the value is not one. */
export function parseDraft(value: unknown): DraftEntry | undefined {
  const d = asObject(value);
  if (!d || typeof d.id !== 'string' || typeof d.name !== 'string' || typeof d.text !== 'string') return undefined;
  return {
    id: d.id,
    name: d.name.slice(0, MAX_NAME),
    named: d.named === true,
    updatedAt: finite(d.updatedAt) ? d.updatedAt : 0,
    rev: finite(d.rev) ? d.rev : 0,
    by: typeof d.by === 'string' ? d.by : '',
    text: d.text,
  };
}

export function readDraft(area: StorageArea, id: string): DraftEntry | undefined {
  const entry = area.read(DRAFT_PREFIX + id, parseDraft);
  return entry?.id === id ? entry : undefined;
}

export function writeDraft(area: StorageArea, entry: DraftEntry) {
  return area.write(DRAFT_PREFIX + entry.id, entry);
}

export function removeDraft(area: StorageArea, id: string) {
  return area.remove(DRAFT_PREFIX + id);
}

/** Every stored draft, most recently changed first. */
export function listDrafts(area: StorageArea): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  for (const key of area.keys(DRAFT_PREFIX)) {
    const entry = readDraft(area, key.slice(DRAFT_PREFIX.length));
    if (entry) drafts.push(entry);
  }
  return drafts.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Moves drafts of the first format (an index and one text per draft) to entries. A v1 key is removed only
 * once its entry is written; the old index's open draft is returned, so the first start after the update
 * opens the same card.
 */
export function migrateV1Drafts(area: StorageArea): string | undefined {
  const index = area.readRaw(V1_INDEX_KEY);
  if (index === undefined) return undefined;
  const saved = area.read(V1_INDEX_KEY, (v) => asObject(v));
  const list = Array.isArray(saved?.drafts) ? saved.drafts : [];
  let complete = saved !== undefined;
  for (const item of list) {
    const d = asObject(item);
    if (!d || typeof d.id !== 'string' || typeof d.name !== 'string') continue;
    const text = area.readRaw(V1_TEXT_PREFIX + d.id);
    if (text === undefined) continue;
    if (!readDraft(area, d.id)) {
      const entry: DraftEntry = {
        id: d.id,
        name: d.name.slice(0, MAX_NAME),
        named: d.named === true,
        updatedAt: finite(d.updatedAt) ? d.updatedAt : 0,
        rev: 1,
        by: '',
        text,
      };
      if (!writeDraft(area, entry).ok) {
        complete = false;
        continue;
      }
    }
    area.remove(V1_TEXT_PREFIX + d.id);
  }
  if (complete) area.remove(V1_INDEX_KEY);
  return typeof saved?.openId === 'string' ? saved.openId : undefined;
}

/** This tab's id: kept across reloads of the tab, new in every new tab. */
export function tabId(session: StorageArea): string {
  const known = session.read(TAB_ID_KEY, (v) => (typeof v === 'string' && v !== '' ? v : undefined));
  if (known) return known;
  const id = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  session.write(TAB_ID_KEY, id);
  return id;
}

export function tabOpenDraft(session: StorageArea): string | undefined {
  return session.read(TAB_OPEN_KEY, (v) => (typeof v === 'string' ? v : undefined));
}

export function setTabOpenDraft(session: StorageArea, id: string): void {
  session.write(TAB_OPEN_KEY, id);
}

/** Says that `tab` has `draftId` open, as of `now`. */
export function claimDraft(local: StorageArea, tab: string, draftId: string, now: number): void {
  local.write(CLAIM_PREFIX + tab, { open: draftId, at: now });
}

export function releaseClaim(local: StorageArea, tab: string): void {
  local.remove(CLAIM_PREFIX + tab);
}

/** The drafts other live tabs have open. Claims of tabs gone for longer than the TTL are removed. */
export function draftsOpenElsewhere(local: StorageArea, tab: string, now: number): Set<string> {
  const open = new Set<string>();
  for (const key of local.keys(CLAIM_PREFIX)) {
    if (key === CLAIM_PREFIX + tab) continue;
    const claim = local.read(key, (v) => {
      const c = asObject(v);
      return c && typeof c.open === 'string' && finite(c.at) ? { open: c.open, at: c.at } : undefined;
    });
    if (!claim) continue;
    if (now - claim.at > CLAIM_TTL_MS) local.remove(key);
    else open.add(claim.open);
  }
  return open;
}

export type TabStart = { kind: 'draft'; entry: DraftEntry } | { kind: 'new' } | { kind: 'none' };

/**
 * What this tab opens: the draft it had open before a reload; else the most recent draft no other tab is
 * editing; else, when every draft is open elsewhere, a new card (`new`); `none` when there are no drafts.
 * The choice is recorded for the tab and claimed at once, so a tab opened a moment later chooses another.
 */
export function chooseTabDraft(local: StorageArea, session: StorageArea, now: number): TabStart {
  const v1Open = migrateV1Drafts(local);
  const tab = tabId(session);
  const mine = tabOpenDraft(session);
  const drafts = listDrafts(local);
  let entry = mine === undefined ? undefined : drafts.find((d) => d.id === mine);
  if (!entry && drafts.length > 0) {
    const elsewhere = draftsOpenElsewhere(local, tab, now);
    const free = drafts.filter((d) => !elsewhere.has(d.id));
    entry = free.find((d) => d.id === v1Open) ?? free[0];
    if (!entry) return { kind: 'new' };
  }
  if (!entry) return { kind: 'none' };
  setTabOpenDraft(session, entry.id);
  claimDraft(local, tab, entry.id, now);
  return { kind: 'draft', entry };
}
