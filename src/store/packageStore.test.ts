import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAt } from '../json/edit.ts';
import { MemoryStorage } from '../lib/storage.ts';
import { encodePng } from '../lib/png.ts';
import { rgba } from '../manifest/testkit.ts';
import { NEW_MANIFEST_TEXT } from '../manifest/newManifest.ts';
import { createPackageStore, loadPackage, startPackageAutosave } from './packageStore.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the package store', () => {
  it('starts from the new manifest, analysed', () => {
    const store = createPackageStore();
    expect(store.getState().text).toBe(NEW_MANIFEST_TEXT);
    expect(store.getState().analysis.counts.error).toBeGreaterThan(0);
  });

  it('makes each form edit one undo step of its own history', () => {
    const store = createPackageStore();
    store.getState().applyCommand((t) => setAt(t, ['name', 'short'], 'Alerts').text);
    store.getState().applyCommand((t) => setAt(t, ['name', 'full'], 'Contoso Alerts').text);
    expect(store.getState().analysis.manifest?.name).toEqual({ short: 'Alerts', full: 'Contoso Alerts' });
    store.getState().undo();
    expect(store.getState().analysis.manifest?.name).toEqual({ short: 'Alerts', full: '' });
    expect(store.getState().textOrigin).toBe('history');
    store.getState().redo();
    expect(store.getState().analysis.manifest?.name).toEqual({ short: 'Alerts', full: 'Contoso Alerts' });
  });

  it('checks an icon as soon as it is set', () => {
    const store = createPackageStore();
    store.getState().setIcon('outline', 'o.png', encodePng(rgba(32, () => [255, 0, 0, 255])));
    expect(store.getState().icons.outline?.report.issues.map((i) => i.rule)).toEqual([
      'icon-outline-opaque',
      'icon-outline-not-white',
    ]);
    store.getState().removeIcon('outline');
    expect(store.getState().icons.outline).toBeUndefined();
  });

  it('saves the text and the icons and reads them back after a reload', () => {
    vi.useFakeTimers();
    vi.stubGlobal('localStorage', new MemoryStorage());
    const store = createPackageStore();
    const stop = startPackageAutosave(store);
    const icon = encodePng(rgba(192, () => [1, 2, 3, 255]));
    store.getState().setText('{ "half": ', 'typing');
    store.getState().setIcon('color', 'mine.png', icon);
    expect(store.getState().saveStatus.state).toBe('pending');
    vi.advanceTimersByTime(300);
    expect(store.getState().saveStatus.state).toBe('saved');
    stop();
    const saved = loadPackage();
    expect(saved?.text).toBe('{ "half": ');
    expect(saved?.icons?.color?.source).toBe('mine.png');
    expect(saved?.icons?.color?.bytes).toEqual(icon);
    const reopened = createPackageStore(saved);
    expect(reopened.getState().icons.color?.report.issues).toEqual([]);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('messagecard-designer:package:v1', '{"text": 5}');
    vi.stubGlobal('localStorage', storage);
    expect(loadPackage()).toBeUndefined();
  });
});
