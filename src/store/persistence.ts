import { HOST_PROFILES, type HostProfile } from '../card/types.ts';
import { localArea, sessionArea, troubleReason, type StorageArea, type WriteResult } from '../lib/storage.ts';
import { chooseTabDraft } from './draftStorage.ts';

/**
 * Local persistence of the layout, the "Check for" profile and the tab's cursor, and where the card the tab
 * opens with comes from. The card text itself is kept by the drafts (`drafts.ts`, `draftStorage.ts`): each
 * tab works on a draft, so several tabs never write over each other's card.
 *
 * Everything goes through the storage module (`lib/storage.ts`): storage can be missing (private windows),
 * full (a 5 MB paste) or hold garbage from another version; every read validates, and every write reports
 * failure instead of throwing.
 */

/** The single document of versions before drafts had a key each; read once, to open the same card. */
const TEXT_KEY = 'messagecard-designer:text:v1';
// Kept apart from the text so that moving the cursor never rewrites a large card; per tab.
const CURSOR_KEY = 'messagecard-designer:cursor:v1';
const LAYOUT_KEY = 'messagecard-designer:layout:v1';
const PROFILE_KEY = 'messagecard-designer:profile:v1';

/** What a first start checks for: Workflows, the path Teams runs since connectors were switched off in 2026. */
export const DEFAULT_PROFILE: HostProfile = 'workflows';

export interface SavedDocument {
  text: string;
  /** Cursor as an offset into the text, or undefined when unknown. */
  cursor: number | undefined;
}

export interface SavedLayout {
  /** Share of the width given to the JSON pane, 0.2 to 0.8. */
  editorShare: number;
  /** The visible pane when the window is too narrow for both. */
  narrowTab: 'form' | 'json' | 'preview';
}

export const DEFAULT_LAYOUT: SavedLayout = { editorShare: 0.5, narrowTab: 'preview' };

export type SaveResult = { ok: true } | { ok: false; reason: string };

function asSaveResult(result: WriteResult): SaveResult {
  return result.ok ? result : { ok: false, reason: troubleReason(result.problem) };
}

const isText = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The card this tab opens with: the draft it had open before a reload, else the most recent draft no
 * other tab is editing, else (a first start after an update) the single document older versions kept.
 * Undefined when the tab starts on a new card.
 */
export function loadDocument(
  local: StorageArea = localArea(),
  session: StorageArea = sessionArea(),
  now: number = Date.now(),
): SavedDocument | undefined {
  const start = chooseTabDraft(local, session, now);
  let text: string | undefined;
  if (start.kind === 'draft') text = start.entry.text;
  else if (start.kind === 'none') text = local.read(TEXT_KEY, isText);
  if (text === undefined) return undefined;
  const cursor = session.read(CURSOR_KEY, (v) => (typeof v === 'number' ? v : undefined));
  const valid = cursor !== undefined && Number.isInteger(cursor) && cursor >= 0 && cursor <= text.length;
  return { text, cursor: valid ? cursor : undefined };
}

/** Saves the tab's cursor (this tab only: another tab has its own card). */
export function saveCursor(offset: number, session: StorageArea = sessionArea()): SaveResult {
  return asSaveResult(session.write(CURSOR_KEY, offset));
}

export function loadLayout(): SavedLayout {
  const saved = localArea().read(LAYOUT_KEY, (v) => (typeof v === 'object' && v !== null ? v : undefined));
  if (saved === undefined) return DEFAULT_LAYOUT;
  const { editorShare, narrowTab } = saved as Record<string, unknown>;
  return {
    editorShare: typeof editorShare === 'number' && editorShare >= 0.2 && editorShare <= 0.8 ? editorShare : 0.5,
    narrowTab: narrowTab === 'json' || narrowTab === 'form' ? narrowTab : 'preview',
  };
}

export function saveLayout(layout: SavedLayout): SaveResult {
  return asSaveResult(localArea().write(LAYOUT_KEY, layout));
}

/** The saved "Check for" profile, or the default (Workflows) on a first start or when storage holds garbage. */
export function loadProfile(): HostProfile {
  return localArea().read(PROFILE_KEY, (v) => HOST_PROFILES.find((p) => p === v)) ?? DEFAULT_PROFILE;
}

export function saveProfile(profile: HostProfile): SaveResult {
  return asSaveResult(localArea().write(PROFILE_KEY, profile));
}
