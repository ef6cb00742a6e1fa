import { describe, expect, it } from 'vitest';
import { MemoryStorage, storageArea } from '../../lib/storage.ts';
import { currentScreen } from '../../lib/screen.ts';
import { EDITOR_PLACE_KEY, readEditorPlace, saveEditorPlace } from './editorPlace.ts';

function element(width: number, height: number): HTMLElement {
  const el = document.createElement('div');
  el.getBoundingClientRect = () => DOMRect.fromRect({ x: 346, y: 48, width, height });
  return el;
}

describe('the editor place', () => {
  it('is kept with the window it was taken in, and read back in a window like it', () => {
    const memory = new MemoryStorage();
    const area = storageArea(memory);
    saveEditorPlace(element(465, 690), area);
    expect(readEditorPlace(area)).toEqual({ left: 346, top: 48, width: 465, height: 690 });
    // The colour scheme does not move it.
    const stored = JSON.parse(memory.getItem(EDITOR_PLACE_KEY)!) as { screen: { dark: boolean } };
    stored.screen.dark = !stored.screen.dark;
    memory.setItem(EDITOR_PLACE_KEY, JSON.stringify(stored));
    expect(readEditorPlace(area)).toEqual({ left: 346, top: 48, width: 465, height: 690 });
  });

  it('is not used in a window of another size, and an editor not shown leaves none', () => {
    const memory = new MemoryStorage();
    const area = storageArea(memory);
    const box = { left: 346, top: 48, width: 465, height: 690 };
    memory.setItem(EDITOR_PLACE_KEY, JSON.stringify({ screen: { ...currentScreen(), width: 999 }, box }));
    expect(readEditorPlace(area)).toBeUndefined();
    // Still stored: a later visit in the window it was taken in may use it.
    expect(memory.getItem(EDITOR_PLACE_KEY)).not.toBeNull();
    saveEditorPlace(element(0, 0), area);
    expect(memory.getItem(EDITOR_PLACE_KEY)).toBeNull();
  });

  it('removes an entry that does not read, and never throws', () => {
    for (const raw of ['not json', 'null', '{"screen":{},"box":{}}', JSON.stringify({ screen: currentScreen() })]) {
      const memory = new MemoryStorage();
      memory.setItem(EDITOR_PLACE_KEY, raw);
      expect(readEditorPlace(storageArea(memory))).toBeUndefined();
      expect(memory.getItem(EDITOR_PLACE_KEY)).toBeNull();
    }
  });
});
