/**
 * Every store of the designer, created together by the app (`src/main.tsx`, once) or by a test (its
 * own, fresh ones). No store exists at module level: importing a store module creates nothing, so
 * tests share no state and do not depend on their order. Components reach the stores through the
 * React context of `hooks.ts`; modules that are not components take the store they need as a
 * parameter.
 */
import { localArea, MemoryStorage, sessionArea, storageArea, type StorageArea } from '../lib/storage.ts';
import { createDesignerStore, type DesignerInit, type DesignerStore } from './designerStore.ts';
import { createDraftsStore, type DraftsStore } from './drafts.ts';
import type { PackageInit, PackageStore } from './packageStore.ts';
import { loadDocument, loadLayout, loadProfile, type SavedDocument } from './persistence.ts';
import { createPreviewSettingsStore } from './previewSettings.ts';
import { createSendStore, type SendStore } from './sendStore.ts';
import { createWorkflowsStore } from './workflowsStore.ts';

export type PreviewSettingsStore = ReturnType<typeof createPreviewSettingsStore>;
export type WorkflowsStore = ReturnType<typeof createWorkflowsStore>;

export interface Stores {
  /** The card: its text, history, analysis, host, selection and layout. */
  designer: DesignerStore;
  /** The named drafts, bound to `designer`. */
  drafts: DraftsStore;
  /**
   * The connector app package (the manifest text and the icons), opened on first use: its code (the
   * manifest rules, the PNG decoder) is not part of the first screen. Every call gives the same store.
   */
  openPackage(): Promise<PackageStore>;
  /** Webhook targets, send history and rate windows. */
  send: SendStore;
  previewSettings: PreviewSettingsStore;
  /** The Adaptive Card view's and the Workflows send's choices. */
  workflows: WorkflowsStore;
}

export interface StoresInit {
  /**
   * Where the persisted stores read and write. The browser's localStorage and sessionStorage when not
   * given; then the card, layout, profile and package are opened on what was saved there. A test passes
   * its own areas, and the designer and package start from `designer` and `package` instead.
   */
  local?: StorageArea;
  session?: StorageArea;
  /** The designer's own server, where the built-in send targets live. */
  origin?: string;
  designer?: DesignerInit;
  package?: PackageInit;
  /**
   * The card the tab opens with when the page has read it already (`main.tsx`, which paints its picture);
   * undefined for a new card. Read from storage when the key is absent: reading claims a draft for the tab,
   * so it happens once.
   */
  saved?: SavedDocument | undefined;
}

/** Creates the stores of one designer. */
export function createStores(init: StoresInit = {}): Stores {
  const browser = init.local === undefined;
  const local = init.local ?? localArea();
  const session = init.session ?? (browser ? sessionArea() : storageArea(new MemoryStorage()));
  const origin = init.origin ?? globalThis.location?.origin ?? 'http://127.0.0.1:5173';

  let designerInit: DesignerInit = init.designer ?? {};
  if (browser && !init.designer) {
    // What was saved in this browser, or the welcome card, checked for Workflows, on a first visit.
    const saved = 'saved' in init ? init.saved : loadDocument(local, session);
    designerInit = {
      ...(saved ? { text: saved.text, cursor: saved.cursor } : {}),
      layout: loadLayout(),
      host: loadProfile(),
    };
  }
  const designer = createDesignerStore(designerInit);
  let pkg: Promise<PackageStore> | undefined;
  return {
    designer,
    drafts: createDraftsStore({ designer, storage: local, session }),
    openPackage: () =>
      (pkg ??= import('./packageStore.ts').then((m) =>
        m.createPackageStore(init.package ?? (browser ? m.loadPackage() : undefined)),
      )),
    send: createSendStore({
      inboxUrl: `${origin}/api/inbox/default`,
      workflowsUrl: `${origin}/api/workflows/default`,
      storage: local,
    }),
    previewSettings: createPreviewSettingsStore(local),
    workflows: createWorkflowsStore(local),
  };
}

/** Fresh stores for a test: memory storage only, nothing read from or written to the browser's. */
export function createTestStores(init: Omit<StoresInit, 'local' | 'session'> = {}): Stores {
  return createStores({
    origin: 'http://127.0.0.1:5173',
    ...init,
    local: storageArea(new MemoryStorage()),
    session: storageArea(new MemoryStorage()),
  });
}
