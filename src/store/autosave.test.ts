import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutosave } from './autosave.ts';
import { createDesignerStore } from './designerStore.ts';
import { DEFAULT_PROFILE, loadProfile } from './persistence.ts';

const PROFILE_KEY = 'messagecard-designer:profile:v1';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
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

describe('the "Check for" profile', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is Teams Workflows on a first start, and when storage holds anything else', () => {
    expect(DEFAULT_PROFILE).toBe('workflows');
    expect(loadProfile()).toBe('workflows');
    for (const raw of ['not json', '"mars"', '3', 'null', '["teams"]']) {
      storage.setItem(PROFILE_KEY, raw);
      expect(loadProfile(), raw).toBe('workflows');
    }
  });

  it('is saved when the user changes it and read back on the next start', () => {
    const store = createDesignerStore({ host: loadProfile() });
    const stop = startAutosave(store);
    store.getState().setHost('teams');
    expect(loadProfile()).toBe('teams');
    store.getState().setHost('outlook');
    expect(loadProfile()).toBe('outlook');
    stop();
    expect(createDesignerStore({ host: loadProfile() }).getState().host).toBe('outlook');
  });

  it('is not written while it does not change, and a missing storage only loses the choice', () => {
    const store = createDesignerStore({ host: 'workflows' });
    const stop = startAutosave(store);
    store.getState().setText('{}');
    expect(storage.getItem(PROFILE_KEY)).toBeNull();
    vi.stubGlobal('localStorage', undefined);
    expect(() => store.getState().setHost('teams')).not.toThrow();
    expect(loadProfile()).toBe('workflows');
    stop();
  });
});
