import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../lib/storage.ts';
import { createDesignerStore } from './designerStore.ts';
import { createDraftsStore, nameForCard } from './drafts.ts';
import { DRAFT_PREFIX } from './draftStorage.ts';
import { loadDocument } from './persistence.ts';
import { storageArea } from '../lib/storage.ts';

const card = (title: string) => JSON.stringify({ summary: title, title, text: `${title} text` }, null, 2);

let clock = 1000;
let ids = 0;

/** One tab of the designer on `storage`; `session` is the tab's own (a reload keeps it, a new tab has a new one). */
function setup(storage = new MemoryStorage(), text = card('First card'), session = new MemoryStorage()) {
  if (storage.length === 0) {
    clock = 1000;
    ids = 0;
  }
  const designer = createDesignerStore({ text, now: () => clock });
  const drafts = createDraftsStore({
    designer,
    storage,
    session,
    now: () => (clock += 1000),
    newId: () => `d${++ids}`,
    autosaveMs: 10_000,
  });
  const type = (t: string) => designer.getState().setText(t, 'command');
  const names = () => drafts.getState().drafts.map((d) => d.name);
  const stored = (id: string) => {
    const raw = storage.getItem(DRAFT_PREFIX + id);
    return raw === null ? undefined : (JSON.parse(raw) as { text: string; rev: number; name: string });
  };
  return { storage, session, designer, drafts, type, names, stored };
}

/** A tab opened the way the app opens one: the document loader chooses its card, then the drafts start. */
function openTab(storage: MemoryStorage, session = new MemoryStorage()) {
  const doc = loadDocument(storageArea(storage), storageArea(session), clock);
  return setup(storage, doc?.text ?? card('Welcome'), session);
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
    const { drafts, type, stored, names } = setup();
    type(card('Edited title'));
    drafts.getState().flush();
    expect(stored('d1')?.text).toBe(card('Edited title'));
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
    const again = setup(first.storage, card('Second, typed'), first.session);
    expect(again.names()).toEqual(['Second, typed', 'First card']);
    expect(again.drafts.getState().openId).toBe('d2');
    expect(again.drafts.getState().textOf('d1')).toBe(card('First card'));
  });

  it('take the text the editor opened with as the newest text of the open card', () => {
    const first = setup();
    const again = setup(first.storage, card('Saved by the document autosave'), first.session);
    expect(again.drafts.getState().textOf('d1')).toBe(card('Saved by the document autosave'));
    expect(again.stored('d1')?.text).toBe(card('Saved by the document autosave'));
  });

  it('start afresh over garbage in storage, and report a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem('messagecard-designer:drafts:v1', '{"drafts": [{"id": 5}, "x", null], "openId": 7');
    storage.setItem(DRAFT_PREFIX + 'broken', '{"id": "broken", "text": 5');
    const { drafts, type, names } = setup(storage);
    expect(names()).toEqual(['First card']);
    // The unreadable entry is kept aside, not deleted.
    expect(storage.getItem('messagecard-designer-quarantine:' + DRAFT_PREFIX + 'broken')).toBe(
      '{"id": "broken", "text": 5',
    );
    storage.failWrites = 'quota';
    type(card('Too big'));
    expect(() => drafts.getState().flush()).not.toThrow();
    expect(drafts.getState().saveError).toMatch(/full/);
    // What could not be saved stays in this tab: switching away and back finds it.
    drafts.getState().create(card('Another'));
    drafts.getState().open(drafts.getState().drafts.find((d) => d.name === 'Too big')!.id);
    expect(JSON.parse(drafts.getState().textOf(drafts.getState().openId)!).title).toBe('Too big');
  });

  it('move drafts of the first format to entries, opening the draft that was open', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'messagecard-designer:drafts:v1',
      JSON.stringify({
        openId: 'a',
        drafts: [
          { id: 'b', name: 'B', named: true, updatedAt: 5 },
          { id: 'a', name: 'A', named: false, updatedAt: 3 },
        ],
      }),
    );
    storage.setItem('messagecard-designer:draft-text:v1:a', card('A'));
    storage.setItem('messagecard-designer:draft-text:v1:b', card('B'));
    const tab = openTab(storage);
    expect(tab.designer.getState().text).toBe(card('A'));
    expect(tab.names()).toEqual(['B', 'A']);
    expect(storage.getItem('messagecard-designer:drafts:v1')).toBeNull();
    expect(tab.stored('b')?.text).toBe(card('B'));
  });
});

describe('drafts in several tabs', () => {
  it('give each new tab a draft no other tab is editing, and keep every tab’s card', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const b = openTab(storage);
    expect(a.drafts.getState().openId).not.toBe(b.drafts.getState().openId);
    a.type(card('Typed in A'));
    b.type(card('Typed in B'));
    a.drafts.getState().flush();
    b.drafts.getState().flush();
    a.drafts.getState().sync();
    b.drafts.getState().sync();
    expect(a.names().sort()).toEqual(['Typed in A', 'Typed in B']);
    expect(b.names().sort()).toEqual(['Typed in A', 'Typed in B']);
    // Close A, then B (and the other order below): a third tab finds both cards.
    a.drafts.getState().release();
    b.drafts.getState().release();
    const c = openTab(storage);
    expect(
      c
        .names()
        .filter((n) => n.startsWith('Typed'))
        .sort(),
    ).toEqual(['Typed in A', 'Typed in B']);
  });

  it('keep both cards when the tabs close in the other order, with unsaved typing', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const b = openTab(storage);
    a.type(card('Typed in A'));
    b.type(card('Typed in B'));
    b.drafts.getState().release();
    a.drafts.getState().release();
    const c = openTab(storage);
    const texts = c.drafts.getState().drafts.map((d) => c.drafts.getState().textOf(d.id));
    expect(texts).toContain(card('Typed in A'));
    expect(texts).toContain(card('Typed in B'));
  });

  it('ask when another tab saved the open draft, and never write over it meanwhile', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const id = a.drafts.getState().openId;
    const b = openTab(storage);
    b.drafts.getState().open(id);
    a.type(card('A version'));
    a.drafts.getState().flush();
    b.type(card('B version'));
    b.drafts.getState().flush();
    // B built on an older revision: it holds its text and asks instead of saving over A's.
    expect(b.drafts.getState().conflict).toMatchObject({ id, theirText: card('A version') });
    expect(b.stored(id)?.text).toBe(card('A version'));
    expect(b.designer.getState().saveStatus).toMatchObject({ state: 'failed' });
    // A learns of nothing yet: its copy is the stored one.
    a.drafts.getState().sync(DRAFT_PREFIX + id);
    expect(a.drafts.getState().conflict).toBeUndefined();

    b.drafts.getState().resolveConflict('both');
    expect(b.drafts.getState().conflict).toBeUndefined();
    expect(b.drafts.getState().openId).not.toBe(id);
    expect(b.stored(b.drafts.getState().openId)?.text).toBe(card('B version'));
    expect(b.stored(id)?.text).toBe(card('A version'));
    expect(b.names()).toContain('B version (second version)');
  });

  it('learn from the storage event that the open draft changed, and take theirs or keep mine on request', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const id = a.drafts.getState().openId;
    const b = openTab(storage);
    b.drafts.getState().open(id);
    b.type(card('B typing'));
    a.type(card('A saved'));
    a.drafts.getState().flush();
    b.drafts.getState().sync(DRAFT_PREFIX + id);
    expect(b.drafts.getState().conflict?.theirText).toBe(card('A saved'));

    b.drafts.getState().resolveConflict('theirs');
    expect(b.designer.getState().text).toBe(card('A saved'));
    b.designer.getState().undo();
    expect(b.designer.getState().text).toBe(card('B typing'));

    // Undo made B's text the open one again; saving it now is B's explicit choice.
    b.drafts.getState().flush();
    a.drafts.getState().sync(DRAFT_PREFIX + id);
    expect(a.drafts.getState().conflict?.theirText).toBe(card('B typing'));
    a.drafts.getState().resolveConflict('mine');
    expect(a.stored(id)?.text).toBe(card('A saved'));
  });

  it('keep both copies when a tab closes before the user answers', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const id = a.drafts.getState().openId;
    const b = openTab(storage);
    b.drafts.getState().open(id);
    a.type(card('A saved'));
    a.drafts.getState().flush();
    b.type(card('B unsaved'));
    b.drafts.getState().sync(DRAFT_PREFIX + id);
    b.drafts.getState().release();
    const c = openTab(storage);
    const texts = c.drafts.getState().drafts.map((d) => c.drafts.getState().textOf(d.id));
    expect(texts).toContain(card('A saved'));
    expect(texts).toContain(card('B unsaved'));
  });

  it('follow a rename or a new draft made in another tab without asking', () => {
    const storage = new MemoryStorage();
    const a = openTab(storage);
    const id = a.drafts.getState().openId;
    const b = openTab(storage);
    b.drafts.getState().rename(id, 'Renamed in B');
    b.drafts.getState().duplicate(id);
    a.drafts.getState().sync(DRAFT_PREFIX + id);
    a.drafts.getState().sync();
    expect(a.drafts.getState().conflict).toBeUndefined();
    expect(a.names()).toContain('Renamed in B');
    expect(a.names()).toContain('Renamed in B (copy)');
    a.type(card('A typed'));
    a.drafts.getState().flush();
    expect(a.stored(id)).toMatchObject({ name: 'Renamed in B', text: card('A typed') });
  });

  it('name a card by its title, summary or text, or call it untitled', () => {
    expect(nameForCard('{"summary": "S", "text": "T"}')).toBe('S');
    expect(nameForCard('{"text": "  many\\n words "}')).toBe('many words');
    expect(nameForCard('{"title": "' + 'x'.repeat(200) + '"}')).toHaveLength(80);
    expect(nameForCard('{ broken')).toBe('Untitled card');
  });
});
