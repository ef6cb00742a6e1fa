import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designerStore.ts';
import { BLANK_CARD_TEXT } from '../card/samples.ts';

const good = '{"@type":"MessageCard","@context":"https://schema.org/extensions","summary":"A","title":"First"}';

function storeAt(text = good) {
  let clock = 0;
  const store = createDesignerStore({ text, now: () => (clock += 1000) });
  return store;
}

describe('createDesignerStore', () => {
  it('derives the analysis from the text in the same update', () => {
    const store = storeAt();
    store.getState().setText(good.replace('First', 'Second'));
    const { analysis, text } = store.getState();
    expect(analysis.parsed.text).toBe(text);
    expect(analysis.card?.title).toBe('Second');
  });

  it('keeps the last good card while the text does not parse', () => {
    const store = storeAt();
    store.getState().setText('{"summary": "A", "title": "Bro');
    const state = store.getState();
    expect(state.analysis.parsed.ok).toBe(false);
    expect(state.lastGood?.card?.title).toBe('First');
    expect(state.text).toBe('{"summary": "A", "title": "Bro');
  });

  it('does not take a JSON array or number as the last good card', () => {
    const store = storeAt();
    store.getState().setText('[1, 2]');
    expect(store.getState().lastGood?.card?.title).toBe('First');
  });

  it('makes format, new card and typing undoable in one history', () => {
    const store = storeAt();
    store.getState().format();
    const formatted = store.getState().text;
    expect(formatted).toContain('\n  "title": "First"');
    store.getState().newCard();
    expect(store.getState().text).toBe(BLANK_CARD_TEXT);
    store.getState().setText(BLANK_CARD_TEXT.replace('New card', 'Typed'), 'typing');
    store.getState().undo();
    expect(store.getState().text).toBe(BLANK_CARD_TEXT);
    store.getState().undo();
    expect(store.getState().text).toBe(formatted);
    store.getState().undo();
    expect(store.getState().text).toBe(good);
    store.getState().redo();
    expect(store.getState().text).toBe(formatted);
    expect(store.getState().textOrigin).toBe('history');
  });

  it('refuses to format text that does not parse, leaving it as typed', () => {
    const store = storeAt('{"a": ');
    store.getState().format();
    expect(store.getState().text).toBe('{"a": ');
    expect(store.getState().history.past).toEqual([]);
  });

  it('keeps the selection while the cursor moves inside one element, and selects anew on a click', () => {
    const store = createDesignerStore({ text: BLANK_CARD_TEXT });
    store.getState().select(['title'], 'editor');
    const first = store.getState().selection;
    store.getState().select(['title'], 'editor');
    expect(store.getState().selection).toBe(first);
    store.getState().select(['text'], 'editor');
    expect(store.getState().selection).toEqual({ path: ['text'], origin: 'editor' });
    const moved = store.getState().selection;
    store.getState().select(['text'], 'preview');
    expect(store.getState().selection).not.toBe(moved);
    const clicked = store.getState().selection;
    store.getState().select(['text'], 'preview');
    expect(store.getState().selection).not.toBe(clicked);
  });

  it('re-checks the card when the host changes', () => {
    const store = storeAt(
      good.replace(
        '}',
        ',"potentialAction":[{"@type":"OpenUri","name":"Open","targets":[{"os":"default","uri":"https://example.com"}]}]}',
      ),
    );
    expect(store.getState().analysis.issues.some((i) => i.rule.startsWith('workflows'))).toBe(false);
    store.getState().setHost('workflows');
    expect(store.getState().analysis.issues.some((i) => i.rule === 'workflows-actions-not-rendered')).toBe(true);
  });

  it('analyses very large texts off the main path and applies only the newest result', async () => {
    const store = storeAt();
    const huge = JSON.stringify({ summary: 'big', text: 'x'.repeat(300_000) });
    store.getState().setText(huge);
    expect(store.getState().analysisPending).toBe(true);
    store.getState().setText(good.replace('First', 'Latest'));
    expect(store.getState().analysisPending).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().analysis.card?.title).toBe('Latest');
  });
});
