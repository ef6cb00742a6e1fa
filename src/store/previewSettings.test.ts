import { describe, expect, it } from 'vitest';
import { createPreviewSettingsStore, loadPreviewSettings, previewHostFor } from './previewSettings.ts';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('preview settings', () => {
  it('are saved as they change and read back by a new store', () => {
    const storage = memoryStorage();
    const store = createPreviewSettingsStore(storage);
    store.getState().set({ host: 'outlook', width: 'narrow', newTeams: true, sideBySide: true, compare: true });
    const again = createPreviewSettingsStore(storage).getState();
    expect(again).toMatchObject({ host: 'outlook', width: 'narrow', newTeams: true, sideBySide: true, compare: true });
  });

  it('keep only valid saved values, whatever storage holds', () => {
    const key = 'messagecard-designer:preview:v1';
    for (const raw of ['not json', '[]', 'null', JSON.stringify({ host: 'mars', width: 3, newTeams: 'yes' })]) {
      const settings = loadPreviewSettings(memoryStorage({ [key]: raw }));
      expect(settings.host).toMatch(/^teams-(light|dark)$/);
      expect(settings.width).toBe('desktop');
      expect(settings.newTeams).toBe(false);
    }
  });

  it('survive a storage that throws', () => {
    const broken = memoryStorage();
    broken.setItem = () => {
      throw new Error('quota');
    };
    const store = createPreviewSettingsStore(broken);
    expect(() => store.getState().set({ host: 'teams-dark' })).not.toThrow();
    expect(store.getState().host).toBe('teams-dark');
  });

  it('follow the "Check for" profile until the user picks a host', () => {
    const auto = { host: 'outlook', hostChosen: false } as const;
    expect(previewHostFor(auto, 'workflows', false)).toBe('teams-workflows');
    expect(previewHostFor(auto, 'workflows', true)).toBe('teams-workflows');
    expect(previewHostFor(auto, 'teams', false)).toBe('teams-light');
    expect(previewHostFor(auto, 'teams', true)).toBe('teams-dark');
    expect(previewHostFor(auto, 'outlook', false)).toBe('outlook');
    const chosen = { host: 'teams-contrast', hostChosen: true } as const;
    for (const profile of ['teams', 'workflows', 'outlook'] as const) {
      expect(previewHostFor(chosen, profile, false)).toBe('teams-contrast');
    }
  });

  it('remember an explicit host, and treat settings saved before the choice existed as no choice', () => {
    const storage = memoryStorage();
    const first = createPreviewSettingsStore(storage).getState();
    expect(first.hostChosen).toBe(false);
    first.set({ width: 'narrow' });
    expect(createPreviewSettingsStore(storage).getState().hostChosen).toBe(false);
    first.set({ host: 'teams-workflows', hostChosen: true });
    expect(createPreviewSettingsStore(storage).getState()).toMatchObject({ host: 'teams-workflows', hostChosen: true });

    const key = 'messagecard-designer:preview:v1';
    const old = loadPreviewSettings(memoryStorage({ [key]: JSON.stringify({ host: 'teams-dark', width: 'narrow' }) }));
    expect(old).toMatchObject({ host: 'teams-dark', hostChosen: false, width: 'narrow' });
    const bad = loadPreviewSettings(memoryStorage({ [key]: JSON.stringify({ host: 'mars', hostChosen: true }) }));
    expect(bad.hostChosen).toBe(false);
  });
});
