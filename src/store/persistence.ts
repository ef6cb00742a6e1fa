import { HOST_PROFILES, type HostProfile } from '../card/types.ts';

/**
 * Local persistence of the document, the layout and the "Check for" profile. The card text is saved exactly as typed, also
 * when it does not parse, with the cursor, so a reload comes back to the same place.
 *
 * Storage can be missing (private windows), full (a 5 MB paste) or hold garbage from another
 * version; every read validates and every write reports failure instead of throwing.
 */

const TEXT_KEY = 'messagecard-designer:text:v1';
// Kept apart from the text so that moving the cursor never rewrites a large card.
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

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function readJson(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw == null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): SaveResult {
  const store = storage();
  if (!store) return { ok: false, reason: 'This browser does not allow local storage here.' };
  try {
    store.setItem(key, JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    const quota = error instanceof DOMException && /quota/i.test(error.name + error.message);
    return {
      ok: false,
      reason: quota
        ? 'The card is too large for the browser’s local storage; it is kept in this tab only.'
        : 'The browser refused to save the card locally.',
    };
  }
}

export function loadDocument(): SavedDocument | undefined {
  const text = readJson(TEXT_KEY);
  if (typeof text !== 'string') return undefined;
  const cursor = readJson(CURSOR_KEY);
  const valid = typeof cursor === 'number' && Number.isInteger(cursor) && cursor >= 0 && cursor <= text.length;
  return { text, cursor: valid ? cursor : undefined };
}

export function saveText(text: string): SaveResult {
  return write(TEXT_KEY, text);
}

export function saveCursor(offset: number): SaveResult {
  return write(CURSOR_KEY, offset);
}

export function loadLayout(): SavedLayout {
  const saved = readJson(LAYOUT_KEY);
  if (typeof saved !== 'object' || saved === null) return DEFAULT_LAYOUT;
  const { editorShare, narrowTab } = saved as Record<string, unknown>;
  return {
    editorShare: typeof editorShare === 'number' && editorShare >= 0.2 && editorShare <= 0.8 ? editorShare : 0.5,
    narrowTab: narrowTab === 'json' || narrowTab === 'form' ? narrowTab : 'preview',
  };
}

export function saveLayout(layout: SavedLayout): SaveResult {
  return write(LAYOUT_KEY, layout);
}

/** The saved "Check for" profile, or the default (Workflows) on a first start or when storage holds garbage. */
export function loadProfile(): HostProfile {
  const saved = readJson(PROFILE_KEY);
  return HOST_PROFILES.find((p) => p === saved) ?? DEFAULT_PROFILE;
}

export function saveProfile(profile: HostProfile): SaveResult {
  return write(PROFILE_KEY, profile);
}
