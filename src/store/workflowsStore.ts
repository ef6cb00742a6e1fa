import { createStore } from 'zustand/vanilla';
import type { SendFormat } from '../webhook/prepare.ts';
import { ADAPTIVE_VERSIONS, DEFAULT_ADAPTIVE_VERSION, type AdaptiveVersion } from '../adaptive/types.ts';
import { localArea, toArea, type StorageArea } from '../lib/storage.ts';

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
  /** Whether the converted card asks Teams for the conversation's full width (`msteams.width`). */
  fullWidth: boolean;
  /** The UPN or Entra object ID the user gave each `<at>Name</at>`, by name (a null-prototype record). */
  mentionIds: Readonly<Record<string, string>>;
  setView(view: PreviewView): void;
  setVersion(version: AdaptiveVersion): void;
  setEnvelope(envelope: boolean): void;
  setTheme(theme: AdaptiveTheme): void;
  setSendAs(format: SendFormat): void;
  setFullWidth(fullWidth: boolean): void;
  /** Remembers the ID for a name; an empty ID forgets it. */
  setMentionId(name: string, id: string): void;
}

const STORAGE_KEY = 'messagecard-designer.workflows';

export type SavedWorkflowsChoices = Pick<
  WorkflowsState,
  'view' | 'version' | 'envelope' | 'theme' | 'sendAs' | 'fullWidth' | 'mentionIds'
>;

/** How many names keep an ID, and how long names and IDs may be: enough for any card, bounded for storage. */
export const MAX_MENTION_IDS = 200;
const MAX_NAME_LENGTH = 100;
const MAX_ID_LENGTH = 320;

/** A null-prototype copy of the saved IDs: string names and IDs of sane length, at most {@link MAX_MENTION_IDS}. */
function readMentionIds(value: unknown): Record<string, string> {
  const ids = Object.create(null) as Record<string, string>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ids;
  let count = 0;
  for (const [name, id] of Object.entries(value)) {
    if (count >= MAX_MENTION_IDS) break;
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH) continue;
    if (name === '' || name.length > MAX_NAME_LENGTH) continue;
    ids[name] = id;
    count++;
  }
  return ids;
}

/** The valid choices of a saved value (storage or a backup); anything else is left out. */
export function workflowsChoicesFrom(value: unknown): Partial<SavedWorkflowsChoices> {
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
    ...(typeof saved.fullWidth === 'boolean' ? { fullWidth: saved.fullWidth } : {}),
    ...(saved.mentionIds !== undefined ? { mentionIds: readMentionIds(saved.mentionIds) } : {}),
  };
}

/** The choices as saved (and as a backup carries them). */
export function savedWorkflowsChoices(state: SavedWorkflowsChoices): SavedWorkflowsChoices {
  const { view, version, envelope, theme, sendAs, fullWidth, mentionIds } = state;
  return { view, version, envelope, theme, sendAs, fullWidth, mentionIds };
}

/**
 * The Workflows view's choices, remembered across reloads. A store of its own: none of this is
 * part of the card, so it stays out of the card's undo history.
 */
export function createWorkflowsStore(storage: Storage | StorageArea | undefined = localArea()) {
  const area = toArea(storage);
  // A full or disabled storage only costs the remembered choice (the area reports it).
  const save = (state: WorkflowsState) => area.write(STORAGE_KEY, savedWorkflowsChoices(state));
  const store = createStore<WorkflowsState>()((set) => ({
    view: 'messagecard',
    version: DEFAULT_ADAPTIVE_VERSION,
    envelope: true,
    theme: 'system',
    sendAs: undefined,
    // Connector cards filled the conversation's width; a converted card asks for the same (section 8.1).
    fullWidth: true,
    mentionIds: Object.create(null) as Record<string, string>,
    ...workflowsChoicesFrom(area.read(STORAGE_KEY, (v) => (typeof v === 'object' && v !== null ? v : undefined))),
    setView: (view) => set({ view }),
    setVersion: (version) => set({ version }),
    setEnvelope: (envelope) => set({ envelope }),
    setTheme: (theme) => set({ theme }),
    setSendAs: (sendAs) => set({ sendAs }),
    setFullWidth: (fullWidth) => set({ fullWidth }),
    setMentionId: (name, id) =>
      set((state) => {
        const next = Object.assign(Object.create(null), state.mentionIds) as Record<string, string>;
        const value = id.slice(0, MAX_ID_LENGTH);
        if (value.trim() === '') delete next[name];
        else if (name !== '' && name.length <= MAX_NAME_LENGTH) {
          if (!(name in next) && Object.keys(next).length >= MAX_MENTION_IDS) {
            // The oldest remembered name makes room: the one being typed matters more.
            delete next[Object.keys(next)[0]!];
          }
          next[name] = value;
        }
        return { mentionIds: next };
      }),
  }));
  store.subscribe(save);
  return store;
}
