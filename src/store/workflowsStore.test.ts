import { describe, expect, it } from 'vitest';
import { createWorkflowsStore } from './workflowsStore.ts';

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
});
