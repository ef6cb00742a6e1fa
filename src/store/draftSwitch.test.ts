import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designerStore.ts';
import { createDraftsStore } from './drafts.ts';
import { MemoryStorage } from '../lib/storage.ts';

const card = (title: string) => JSON.stringify({ summary: title, title }, null, 2);
const big = (title: string) => JSON.stringify({ summary: title, title, text: 'x'.repeat(200) }, null, 2);

describe('a draft switch in a capped history', () => {
  it('still reopens the right draft on undo after the cap dropped older steps, several at once', () => {
    let clock = 1000;
    let ids = 0;
    // Room for one big text and two small ones: the switch step stays, everything before it goes.
    const chars = big('B1').length + card('Second').length + card('First 4').length;
    const designer = createDesignerStore({
      text: card('First 1'),
      now: () => (clock += 1000),
      historyLimits: { steps: 100, chars },
    });
    const drafts = createDraftsStore({
      designer,
      storage: new MemoryStorage(),
      now: () => (clock += 1000),
      newId: () => `d${++ids}`,
      autosaveMs: 10_000,
    });
    const command = (text: string) => designer.getState().applyCommand(() => text);

    for (const n of [2, 3, 4]) command(card(`First ${n}`));
    drafts.getState().create(card('Second'));
    expect(drafts.getState().openId).toBe('d2');
    command(big('B1'));
    const before = designer.getState().history.past.length;
    command(big('B2'));
    // The cap dropped more than one step at once (the old count-based markers lost track here).
    expect(designer.getState().history.past.length).toBeLessThan(before);
    expect(designer.getState().history.past.map((s) => s.kind)).toEqual(['draft-switch', 'command', 'command']);

    designer.getState().undo();
    designer.getState().undo();
    expect(designer.getState().text).toBe(card('Second'));
    expect(drafts.getState().openId).toBe('d2');
    designer.getState().undo();
    expect(designer.getState().text).toBe(card('First 4'));
    expect(drafts.getState().openId).toBe('d1');
    expect(drafts.getState().textOf('d2')).toBe(card('Second'));

    designer.getState().redo();
    expect(drafts.getState().openId).toBe('d2');
    expect(designer.getState().text).toBe(card('Second'));
    expect(drafts.getState().textOf('d1')).toBe(card('First 4'));
  });
});
