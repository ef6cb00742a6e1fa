import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designerStore.ts';
import { createDraftsStore, nameForCard } from './drafts.ts';

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, value);
  }
}

const card = (title: string) => JSON.stringify({ summary: title, title, text: `${title} text` }, null, 2);

function setup(storage = new MemoryStorage(), text = card('First card')) {
  let clock = 1000;
  let ids = 0;
  const designer = createDesignerStore({ text, now: () => clock });
  const drafts = createDraftsStore({
    designer,
    storage,
    now: () => (clock += 1000),
    newId: () => `d${++ids}`,
    autosaveMs: 10_000,
  });
  const type = (t: string) => designer.getState().setText(t, 'command');
  const names = () => drafts.getState().drafts.map((d) => d.name);
  return { storage, designer, drafts, type, names };
}

describe('drafts', () => {
  it('start with the card in the editor as the first draft, named after its title', () => {
    const { drafts, names } = setup();
    expect(names()).toEqual(['First card']);
    expect(drafts.getState().openId).toBe('d1');
  });

  it('keep the open card when a new one is created, which opens as one undo step', () => {
    const { drafts, designer, names } = setup();
    drafts.getState().create(card('Template'));
    expect(designer.getState().text).toBe(card('Template'));
    expect(names()).toEqual(['Template', 'First card']);
    expect(drafts.getState().textOf('d1')).toBe(card('First card'));
    designer.getState().undo();
    expect(designer.getState().text).toBe(card('First card'));
    expect(drafts.getState().openId).toBe('d1');
  });

  it('save what is typed into the open draft, and its name follows the title until renamed', () => {
    const { drafts, type, storage, names } = setup();
    type(card('Edited title'));
    drafts.getState().flush();
    expect(storage.getItem('messagecard-designer:draft-text:v1:d1')).toBe(card('Edited title'));
    expect(names()).toEqual(['Edited title']);
    drafts.getState().rename('d1', '  My release card ');
    type(card('Another title'));
    drafts.getState().flush();
    expect(names()).toEqual(['My release card']);
  });

  it('switch cards without losing either, and undo reopens the draft that was open', () => {
    const { drafts, designer, type } = setup();
    drafts.getState().create(card('Second'));
    type(card('Second, edited'));
    drafts.getState().open('d1');
    expect(designer.getState().text).toBe(card('First card'));
    expect(drafts.getState().textOf('d2')).toBe(card('Second, edited'));
    type(card('First, edited'));
    designer.getState().undo(); // the typing
    designer.getState().undo(); // the switch back to d1
    expect(drafts.getState().openId).toBe('d2');
    expect(designer.getState().text).toBe(card('Second, edited'));
    drafts.getState().flush();
    expect(drafts.getState().textOf('d1')).toBe(card('First card'));
    expect(drafts.getState().textOf('d2')).toBe(card('Second, edited'));
    designer.getState().redo();
    designer.getState().redo();
    expect(drafts.getState().openId).toBe('d1');
    expect(designer.getState().text).toBe(card('First, edited'));
    drafts.getState().flush();
    expect(drafts.getState().textOf('d2')).toBe(card('Second, edited'));
  });

  it('duplicate a draft without opening it, and rename it', () => {
    const { drafts, names } = setup();
    const copy = drafts.getState().duplicate('d1')!;
    expect(names()).toEqual(['First card (copy)', 'First card']);
    expect(drafts.getState().openId).toBe('d1');
    expect(drafts.getState().textOf(copy)).toBe(card('First card'));
    drafts.getState().rename(copy, 'Spare');
    expect(names()).toContain('Spare');
  });

  it('delete a closed draft, and the open one by opening the next; undo brings the deleted one back', () => {
    const { drafts, designer, storage, names } = setup();
    drafts.getState().create(card('Second'));
    drafts.getState().create(card('Third'));
    drafts.getState().remove('d1');
    expect(names()).toEqual(['Third', 'Second']);
    expect(storage.getItem('messagecard-designer:draft-text:v1:d1')).toBeNull();
    drafts.getState().remove('d3');
    expect(drafts.getState().openId).toBe('d2');
    expect(designer.getState().text).toBe(card('Second'));
    designer.getState().undo();
    expect(drafts.getState().openId).toBe('d3');
    expect(names()).toEqual(['Third', 'Second']);
    expect(drafts.getState().textOf('d2')).toBe(card('Second'));
  });

  it('deleting the only draft starts a blank one', () => {
    const { drafts, designer, names } = setup();
    drafts.getState().remove('d1');
    expect(names()).toEqual(['New card']);
    expect(JSON.parse(designer.getState().text).title).toBe('New card');
  });

  it('come back after a reload with the same drafts and the same one open', () => {
    const first = setup();
    first.drafts.getState().create(card('Second'));
    first.type(card('Second, typed'));
    first.drafts.getState().flush();
    const again = setup(first.storage, card('Second, typed'));
    expect(again.names()).toEqual(['Second, typed', 'First card']);
    expect(again.drafts.getState().openId).toBe('d2');
    expect(again.drafts.getState().textOf('d1')).toBe(card('First card'));
  });

  it('take the newest text of the open card from the document autosave after a reload', () => {
    const first = setup();
    const again = setup(first.storage, card('Saved by the document autosave'));
    expect(again.drafts.getState().textOf('d1')).toBe(card('Saved by the document autosave'));
    expect(first.storage.getItem('messagecard-designer:draft-text:v1:d1')).toBe(card('Saved by the document autosave'));
  });

  it('start afresh over garbage in storage, and report a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem('messagecard-designer:drafts:v1', '{"drafts": [{"id": 5}, "x", null], "openId": 7');
    const { drafts, type, names } = setup(storage);
    expect(names()).toEqual(['First card']);
    storage.failWrites = true;
    type(card('Too big'));
    expect(() => drafts.getState().flush()).not.toThrow();
    expect(drafts.getState().saveError).toMatch(/full/);
  });

  it('name a card by its title, summary or text, or call it untitled', () => {
    expect(nameForCard('{"summary": "S", "text": "T"}')).toBe('S');
    expect(nameForCard('{"text": "  many\\n words "}')).toBe('many words');
    expect(nameForCard('{"title": "' + 'x'.repeat(200) + '"}')).toHaveLength(80);
    expect(nameForCard('{ broken')).toBe('Untitled card');
  });
});
