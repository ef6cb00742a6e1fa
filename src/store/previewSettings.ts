import { createStore } from 'zustand/vanilla';
import type { HostProfile } from '../card/types.ts';
import { localArea, toArea, type StorageArea } from '../lib/storage.ts';

/** The clients the preview imitates; `teams-workflows` is a MessageCard posted through a Workflows webhook. */
export type PreviewHost = 'teams-workflows' | 'teams-light' | 'teams-dark' | 'teams-contrast' | 'outlook';
export type PreviewWidth = 'desktop' | 'narrow';

export const PREVIEW_HOSTS: readonly { value: PreviewHost; label: string }[] = [
  { value: 'teams-workflows', label: 'Teams via Workflows' },
  { value: 'teams-light', label: 'Teams light' },
  { value: 'teams-dark', label: 'Teams dark' },
  { value: 'teams-contrast', label: 'Teams high contrast' },
  { value: 'outlook', label: 'Outlook' },
];

export interface PreviewSettings {
  /** The host picked in the preview's own select; used only when `hostChosen`. */
  host: PreviewHost;
  /**
   * Whether the user picked the host. Until then the preview follows the "Check for" profile
   * (`previewHostFor`), so a first start checking for Workflows previews "Teams via Workflows".
   */
  hostChosen: boolean;
  /** The host of the second preview when two are shown side by side. */
  secondHost: PreviewHost;
  sideBySide: boolean;
  width: PreviewWidth;
  /** Imitate the new Teams client (2023): no colour bar, long cards collapsed behind "See more". */
  newTeams: boolean;
  /** The right pane shows both Workflows outcomes side by side (the "Compare on Workflows" tab). */
  compare: boolean;
}

export interface PreviewSettingsState extends PreviewSettings {
  set(change: Partial<PreviewSettings>): void;
}

const KEY = 'messagecard-designer:preview:v1';

function isHost(value: unknown): value is PreviewHost {
  return PREVIEW_HOSTS.some((h) => h.value === value);
}

function prefersDark(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  } catch {
    return false;
  }
}

/** The settings a first visit starts with: the Teams theme that matches the system's. */
export function defaultPreviewSettings(): PreviewSettings {
  const dark = prefersDark();
  return {
    host: dark ? 'teams-dark' : 'teams-light',
    hostChosen: false,
    secondHost: dark ? 'teams-light' : 'teams-dark',
    sideBySide: false,
    width: 'desktop',
    newTeams: false,
    compare: false,
  };
}

/**
 * The host the preview draws for the "Check for" profile: the user's pick once there is one, else the
 * client that profile posts to (Workflows: Teams via Workflows; the retired connector: Teams in the
 * system's theme; Outlook: Outlook).
 */
export function previewHostFor(
  settings: Pick<PreviewSettings, 'host' | 'hostChosen'>,
  profile: HostProfile,
  dark: boolean = prefersDark(),
): PreviewHost {
  if (settings.hostChosen) return settings.host;
  if (profile === 'workflows') return 'teams-workflows';
  if (profile === 'outlook') return 'outlook';
  return dark ? 'teams-dark' : 'teams-light';
}

/** Reads saved settings, keeping only values that are valid (storage may hold anything). */
export function loadPreviewSettings(storage: Storage | StorageArea | undefined): PreviewSettings {
  return previewSettingsFrom(
    toArea(storage).read(KEY, (value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined,
    ),
  );
}

/** Settings from a saved value (storage or a backup), keeping only valid values over the defaults. */
export function previewSettingsFrom(value: unknown): PreviewSettings {
  const settings = defaultPreviewSettings();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return settings;
  const saved = value as Record<string, unknown>;
  if (isHost(saved.host)) settings.host = saved.host;
  // Settings saved before the host followed the profile say nothing about a choice: they follow it now.
  settings.hostChosen = saved.hostChosen === true && isHost(saved.host);
  if (isHost(saved.secondHost)) settings.secondHost = saved.secondHost;
  if (typeof saved.sideBySide === 'boolean') settings.sideBySide = saved.sideBySide;
  if (saved.width === 'desktop' || saved.width === 'narrow') settings.width = saved.width;
  if (typeof saved.newTeams === 'boolean') settings.newTeams = saved.newTeams;
  if (typeof saved.compare === 'boolean') settings.compare = saved.compare;
  return settings;
}

/** The settings as saved (and as a backup carries them). */
export function savedPreviewSettings(state: PreviewSettings): PreviewSettings {
  const { host, hostChosen, secondHost, sideBySide, width, newTeams, compare } = state;
  return { host, hostChosen, secondHost, sideBySide, width, newTeams, compare };
}

/** A store of the preview's host, width and layout, saved in the browser as they change. */
export function createPreviewSettingsStore(storage: Storage | StorageArea | undefined = localArea()) {
  const area = toArea(storage);
  return createStore<PreviewSettingsState>()((set, get) => ({
    ...loadPreviewSettings(area),
    set: (change) => {
      set(change);
      // A full or missing storage only means the choice is not remembered (the area reports it).
      area.write(KEY, savedPreviewSettings(get()));
    },
  }));
}
