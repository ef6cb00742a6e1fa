import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { SendFormat } from '../card/adaptive/send.ts';
import { ADAPTIVE_VERSIONS, DEFAULT_ADAPTIVE_VERSION, type AdaptiveVersion } from '../card/adaptive/types.ts';

/** Which view the right pane shows: the Teams-style MessageCard preview or the converted Adaptive Card. */
export type PreviewView = 'messagecard' | 'adaptive';

/** The Teams theme the Adaptive Card is drawn in; `system` follows the designer's own theme. */
export type AdaptiveTheme = 'system' | 'light' | 'dark';

export interface WorkflowsState {
  view: PreviewView;
  /** The Adaptive Card version the conversion targets (1.4 unless the user picks another). */
  version: AdaptiveVersion;
  /** Whether the JSON shown and copied is the whole Workflows message or the bare card. */
  envelope: boolean;
  theme: AdaptiveTheme;
  /** What a send to a Workflows (or other non-Teams) target posts; undefined: the target's default. */
  sendAs: SendFormat | undefined;
  setView(view: PreviewView): void;
  setVersion(version: AdaptiveVersion): void;
  setEnvelope(envelope: boolean): void;
  setTheme(theme: AdaptiveTheme): void;
  setSendAs(format: SendFormat): void;
}

const STORAGE_KEY = 'messagecard-designer.workflows';

type Saved = Pick<WorkflowsState, 'view' | 'version' | 'envelope' | 'theme' | 'sendAs'>;

function load(storage: Storage | undefined): Partial<Saved> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof value !== 'object' || value === null) return {};
    const saved = value as Record<string, unknown>;
    return {
      ...(saved.view === 'adaptive' || saved.view === 'messagecard' ? { view: saved.view } : {}),
      ...(typeof saved.version === 'string' && (ADAPTIVE_VERSIONS as readonly string[]).includes(saved.version)
        ? { version: saved.version as AdaptiveVersion }
        : {}),
      ...(typeof saved.envelope === 'boolean' ? { envelope: saved.envelope } : {}),
      ...(saved.theme === 'light' || saved.theme === 'dark' || saved.theme === 'system' ? { theme: saved.theme } : {}),
      ...(saved.sendAs === 'adaptive' || saved.sendAs === 'messagecard' ? { sendAs: saved.sendAs } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The Workflows view's choices, remembered across reloads. A store of its own: none of this is
 * part of the card, so it stays out of the card's undo history.
 */
export function createWorkflowsStore(storage: Storage | undefined = globalThis.localStorage) {
  const save = (state: WorkflowsState) => {
    try {
      const { view, version, envelope, theme, sendAs } = state;
      storage?.setItem(STORAGE_KEY, JSON.stringify({ view, version, envelope, theme, sendAs }));
    } catch {
      // A full or disabled storage only costs the remembered choice.
    }
  };
  const store = createStore<WorkflowsState>()((set) => ({
    view: 'messagecard',
    version: DEFAULT_ADAPTIVE_VERSION,
    envelope: true,
    theme: 'system',
    sendAs: undefined,
    ...load(storage),
    setView: (view) => set({ view }),
    setVersion: (version) => set({ version }),
    setEnvelope: (envelope) => set({ envelope }),
    setTheme: (theme) => set({ theme }),
    setSendAs: (sendAs) => set({ sendAs }),
  }));
  store.subscribe(save);
  return store;
}

/** The designer's Workflows view state. */
export const workflowsStore = createWorkflowsStore();

/** Reads one slice of the Workflows view state. */
export function useWorkflows<T>(selector: (state: WorkflowsState) => T): T {
  return useStore(workflowsStore, selector);
}
