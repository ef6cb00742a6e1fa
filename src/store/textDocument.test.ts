import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { isAnalysisCurrent, textDocument, type TextDocumentState } from './textDocument.ts';

interface Doc extends TextDocumentState<{ parsed: { text: string }; length: number }> {
  shout(): void;
}

function createDoc(text = 'one') {
  let clock = 0;
  return createStore<Doc>()((set, get) => {
    const doc = textDocument<Doc>(set, get, {
      text,
      now: () => (clock += 1000),
      derive: (next) => ({ analysis: { parsed: { text: next }, length: next.length } }),
    });
    return {
      ...doc.state,
      analysis: { parsed: { text }, length: text.length },
      shout: () => doc.replace(get().text.toUpperCase(), 'command', 'command'),
    };
  });
}

describe('textDocument', () => {
  it('derives the analysis in the same update as the text, and through undo and redo', () => {
    const store = createDoc();
    store.getState().setText('three');
    expect(store.getState().analysis.length).toBe(5);
    store.getState().shout();
    expect(store.getState()).toMatchObject({ text: 'THREE', textOrigin: 'command' });
    store.getState().undo();
    expect(store.getState()).toMatchObject({ text: 'three', textOrigin: 'history', analysis: { length: 5 } });
    store.getState().undo();
    expect(store.getState().text).toBe('one');
    store.getState().redo();
    expect(store.getState().text).toBe('three');
  });

  it('records no step for a change that leaves the text as it is', () => {
    const store = createDoc();
    store.getState().applyCommand((text) => text);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('tells whether the analysis is of the current text', () => {
    expect(isAnalysisCurrent({ text: 'a', analysis: { parsed: { text: 'a' } } })).toBe(true);
    expect(isAnalysisCurrent({ text: 'ab', analysis: { parsed: { text: 'a' } } })).toBe(false);
  });
});
