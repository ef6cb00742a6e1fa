import { describe, expect, it } from 'vitest';
import { createWorkflowsStore, MAX_MENTION_IDS } from './workflowsStore.ts';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('the Workflows view state', () => {
  it('starts on the Teams preview, Adaptive Cards 1.4, with the envelope', () => {
    const state = createWorkflowsStore(undefined).getState();
    expect([state.view, state.version, state.envelope, state.theme, state.sendAs]).toEqual([
      'messagecard',
      '1.4',
      true,
      'system',
      undefined,
    ]);
  });

  it('remembers the choices across reloads and ignores saved values it does not know', () => {
    const storage = memoryStorage();
    const first = createWorkflowsStore(storage);
    first.getState().setView('adaptive');
    first.getState().setVersion('1.2');
    first.getState().setEnvelope(false);
    first.getState().setSendAs('messagecard');
    const again = createWorkflowsStore(storage).getState();
    expect([again.view, again.version, again.envelope, again.sendAs]).toEqual([
      'adaptive',
      '1.2',
      false,
      'messagecard',
    ]);

    const odd = createWorkflowsStore(
      memoryStorage({ 'messagecard-designer.workflows': '{"version":"9.9","view":"x","theme":3}' }),
    ).getState();
    expect([odd.version, odd.view, odd.theme]).toEqual(['1.4', 'messagecard', 'system']);
    expect(
      createWorkflowsStore(memoryStorage({ 'messagecard-designer.workflows': '{not json' })).getState().version,
    ).toBe('1.4');
  });

  it('keeps full width on by default, and remembers the switch and the mention IDs', () => {
    const storage = memoryStorage();
    const first = createWorkflowsStore(storage);
    expect(first.getState().fullWidth).toBe(true);
    expect({ ...first.getState().mentionIds }).toEqual({});
    first.getState().setFullWidth(false);
    first.getState().setMentionId('Ada Lovelace', 'ada@contoso.com');
    first.getState().setMentionId('__proto__', 'x@contoso.com');
    first.getState().setMentionId('Grace', 'g@contoso.com');
    first.getState().setMentionId('Grace', '  ');
    const again = createWorkflowsStore(storage).getState();
    expect(again.fullWidth).toBe(false);
    expect(Object.entries(again.mentionIds)).toEqual([
      ['Ada Lovelace', 'ada@contoso.com'],
      ['__proto__', 'x@contoso.com'],
    ]);
    expect(Object.getPrototypeOf(again.mentionIds)).toBeNull();
  });

  it('reads saved mention IDs defensively and bounds how many it keeps', () => {
    const saved = {
      fullWidth: 'yes',
      mentionIds: { Ada: 'ada@contoso.com', Bad: 42, Empty: '', [`${'n'.repeat(101)}`]: 'x@y.com' },
    };
    const state = createWorkflowsStore(
      memoryStorage({ 'messagecard-designer.workflows': JSON.stringify(saved) }),
    ).getState();
    expect(state.fullWidth).toBe(true);
    expect(Object.entries(state.mentionIds)).toEqual([['Ada', 'ada@contoso.com']]);
    expect(
      createWorkflowsStore(memoryStorage({ 'messagecard-designer.workflows': '{"mentionIds":[1,2]}' })).getState()
        .mentionIds,
    ).toEqual({});

    const store = createWorkflowsStore(memoryStorage());
    for (let i = 0; i < MAX_MENTION_IDS + 5; i++) store.getState().setMentionId(`Name ${i}`, `u${i}@contoso.com`);
    const names = Object.keys(store.getState().mentionIds);
    expect(names).toHaveLength(MAX_MENTION_IDS);
    expect(names.at(-1)).toBe(`Name ${MAX_MENTION_IDS + 4}`);
  });
});
