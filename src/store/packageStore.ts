/**
 * The connector app package being prepared: the `manifest.json` text (the single source of truth
 * for the manifest, with its own undo history, like the card's) and the two icon files.
 *
 * Kept apart from the designer store: the package has its own document and history, and undoing in
 * the package view must never touch the card. Autosaved to localStorage (icons as base64) so a
 * reload comes back to the same package.
 */
import { createStore } from 'zustand/vanilla';
import { analyzeManifest, type ManifestAnalysis } from '../manifest/analyze.ts';
import { checkIcon, type IconKind, type IconReport } from '../manifest/icons.ts';
import { NEW_MANIFEST_TEXT } from '../manifest/newManifest.ts';
import { textDocument, type TextDocumentState } from './textDocument.ts';
import type { SaveStatus } from './designerStore.ts';
import { localArea, troubleReason } from '../lib/storage.ts';

const STORAGE_KEY = 'messagecard-designer:package:v1';
const SAVE_DELAY_MS = 250;

/** An icon file the user chose or generated. */
export interface IconFile {
  /** Where it came from: the uploaded file's name, or "generated". */
  source: string;
  bytes: Uint8Array;
  report: IconReport;
}

export type PackageSaveStatus = SaveStatus;

/** The manifest's text document (text, history, analysis; `textDocument.ts`) and the icons. */
export interface PackageState extends TextDocumentState<ManifestAnalysis> {
  icons: Partial<Record<IconKind, IconFile>>;
  saveStatus: PackageSaveStatus;

  /** Starts over with an empty manifest (undo brings the old one back); icons are kept. */
  reset(): void;
  setIcon(kind: IconKind, source: string, bytes: Uint8Array): void;
  removeIcon(kind: IconKind): void;
}

interface Saved {
  text: string;
  icons: Partial<Record<IconKind, { source: string; base64: string }>>;
}

export interface PackageInit {
  text?: string;
  icons?: Partial<Record<IconKind, { source: string; bytes: Uint8Array }>>;
  now?: () => number;
}

/** Creates a package store; vanilla so tests can drive it without React. */
export function createPackageStore(init: PackageInit = {}) {
  const now = init.now ?? Date.now;
  const text = init.text ?? NEW_MANIFEST_TEXT;
  const icons: Partial<Record<IconKind, IconFile>> = {};
  for (const kind of ['color', 'outline'] as const) {
    const icon = init.icons?.[kind];
    if (icon) icons[kind] = { source: icon.source, bytes: icon.bytes, report: checkIcon(kind, icon.bytes) };
  }

  return createStore<PackageState>()((set, get) => {
    const doc = textDocument<PackageState>(set, get, {
      text,
      now,
      derive: (next) => ({ analysis: analyzeManifest(next) }),
    });
    return {
      ...doc.state,
      analysis: analyzeManifest(text),
      icons,
      saveStatus: { state: 'saved' },
      reset: () => doc.replace(NEW_MANIFEST_TEXT, 'new', 'command'),
      setIcon: (kind, source, bytes) =>
        set({ icons: { ...get().icons, [kind]: { source, bytes, report: checkIcon(kind, bytes) } } }),
      removeIcon: (kind) => {
        const next = { ...get().icons };
        delete next[kind];
        set({ icons: next });
      },
    };
  });
}

export type PackageStore = ReturnType<typeof createPackageStore>;

// ---------------------------------------------------------------------------------------------
// Persistence

/** Reads the saved package; anything malformed is ignored rather than trusted (and kept aside by the storage module). */
export function loadPackage(): PackageInit | undefined {
  const record = localArea().read(STORAGE_KEY, (v) =>
    typeof v === 'object' && v !== null && typeof (v as Partial<Saved>).text === 'string'
      ? (v as Partial<Saved>)
      : undefined,
  );
  if (!record || typeof record.text !== 'string') return undefined;
  const icons: PackageInit['icons'] = {};
  for (const kind of ['color', 'outline'] as const) {
    const icon = record.icons?.[kind];
    if (icon && typeof icon.base64 === 'string' && typeof icon.source === 'string') {
      const bytes = fromBase64(icon.base64);
      if (bytes) icons[kind] = { source: icon.source, bytes };
    }
  }
  return { text: record.text, icons };
}

/**
 * Saves the package shortly after each change and at once when the page is hidden. Returns a stop
 * function. A full or missing storage is reported in `saveStatus`, never thrown.
 */
export function startPackageAutosave(store: PackageStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const { text, icons } = store.getState();
    const saved: Saved = { text, icons: {} };
    for (const kind of ['color', 'outline'] as const) {
      const icon = icons[kind];
      if (icon) saved.icons[kind] = { source: icon.source, base64: toBase64(icon.bytes) };
    }
    const result = localArea().write(STORAGE_KEY, saved);
    const saveStatus: PackageSaveStatus = result.ok
      ? { state: 'saved' }
      : { state: 'failed', reason: troubleReason(result.problem) };
    store.setState({ saveStatus });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.text === previous.text && state.icons === previous.icons) return;
    dirty = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
    if (state.saveStatus.state !== 'pending') store.setState({ saveStatus: { state: 'pending' } });
  });
  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    flush();
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.document?.removeEventListener('visibilitychange', onVisibility);
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
