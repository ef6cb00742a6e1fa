import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, MAX_STEPS, TYPING_GROUP_MS, lastMove, record, redo, undo, type History } from './history.ts';

const texts = (h: History) => h.past.map((step) => step.text);

describe('history', () => {
  it('groups a burst of typing into one step', () => {
    let h = record(EMPTY_HISTORY, 'a', 'typing', 1000);
    h = record(h, 'ab', 'typing', 1000 + TYPING_GROUP_MS / 2);
    h = record(h, 'abc', 'typing', 1000 + TYPING_GROUP_MS);
    expect(texts(h)).toEqual(['a']);
  });

  it('starts a new step after a pause in typing', () => {
    let h = record(EMPTY_HISTORY, 'a', 'typing', 1000);
    h = record(h, 'ab', 'typing', 1000 + TYPING_GROUP_MS + 1);
    expect(texts(h)).toEqual(['a', 'ab']);
  });

  it('gives every command a step of its own, also right after typing', () => {
    let h = record(EMPTY_HISTORY, 'a', 'typing', 1000);
    h = record(h, 'ab', 'command', 1001);
    h = record(h, 'abc', 'typing', 1002);
    expect(texts(h)).toEqual(['a', 'ab', 'abc']);
  });

  it('walks back and forth through the same texts', () => {
    let h = record(EMPTY_HISTORY, 'one', 'command', 0);
    h = record(h, 'two', 'command', 1);
    const u1 = undo(h, 'three')!;
    expect(u1.text).toBe('two');
    const u2 = undo(u1.history, u1.text)!;
    expect(u2.text).toBe('one');
    expect(undo(u2.history, u2.text)).toBeUndefined();
    const r1 = redo(u2.history, u2.text)!;
    expect(r1.text).toBe('two');
    const r2 = redo(r1.history, r1.text)!;
    expect(r2.text).toBe('three');
    expect(redo(r2.history, r2.text)).toBeUndefined();
  });

  it('forgets the redo branch when a new edit is made', () => {
    const h = record(EMPTY_HISTORY, 'one', 'command', 0);
    const u = undo(h, 'two')!;
    expect(record(u.history, 'one', 'command', 5).future).toEqual([]);
  });

  it('keeps at most MAX_STEPS steps', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < MAX_STEPS + 10; i++) h = record(h, String(i), 'command', i);
    expect(h.past.length).toBe(MAX_STEPS);
    expect(h.past[0]?.text).toBe('10');
  });

  it('keeps the kind and detail of each step through undo and redo', () => {
    let h = record(EMPTY_HISTORY, 'one', 'format', 0);
    h = record(h, 'two', { kind: 'draft-switch', detail: { from: 'a', to: 'b' } }, 1);
    const u = undo(h, 'three')!;
    expect(u.step).toMatchObject({ kind: 'draft-switch', detail: { from: 'a', to: 'b' } });
    expect(lastMove(h, u.history)).toMatchObject({ undone: true, step: { kind: 'draft-switch', text: 'three' } });
    const r = redo(u.history, u.text)!;
    expect(lastMove(u.history, r.history)).toMatchObject({
      undone: false,
      step: { kind: 'draft-switch', text: 'two' },
    });
    expect(undo(r.history, r.text)!.history.future.map((step) => step.kind)).toEqual(['draft-switch']);
    expect(undo(undo(r.history, r.text)!.history, 'two')!.step.kind).toBe('format');
  });

  it('drops the oldest steps beyond the character cap, several at once, keeping the newest whole', () => {
    const limits = { steps: 100, chars: 10 };
    let h = EMPTY_HISTORY;
    for (const text of ['aaa', 'bbb', 'ccc']) h = record(h, text, 'command', 0, limits);
    expect(texts(h)).toEqual(['aaa', 'bbb', 'ccc']);
    h = record(h, 'dddddddd', 'import', 0, limits);
    expect(texts(h)).toEqual(['dddddddd']);
    expect(h.past[0]?.kind).toBe('import');
  });
});
