/**
 * One undo history over the card text, shared by typing and every command (form edits, format,
 * new card, templates). Pure functions over an immutable value so the rules are testable alone.
 *
 * Typing is grouped: keystrokes that follow each other within `TYPING_GROUP_MS` are one step, the
 * way editors group a burst of typing. A command always starts a step of its own.
 */

export type EditKind = 'typing' | 'command';

export interface History {
  /** Earlier texts, oldest first. */
  readonly past: readonly string[];
  /** Texts undone, the next redo last. */
  readonly future: readonly string[];
  /** When the current step was last extended by typing; 0 when it is closed. */
  readonly typingSince: number;
}

export const TYPING_GROUP_MS = 700;
/** Enough for a long session; a 5 MB paste counts once per step, so the total is capped too. */
export const MAX_STEPS = 300;
export const MAX_HISTORY_CHARS = 60_000_000;

export const EMPTY_HISTORY: History = { past: [], future: [], typingSince: 0 };

/** Records that `before` was replaced by a new text. */
export function record(history: History, before: string, kind: EditKind, now: number): History {
  const grouping = kind === 'typing' && history.typingSince > 0 && now - history.typingSince < TYPING_GROUP_MS;
  if (grouping) return { past: history.past, future: [], typingSince: now };
  return {
    past: trim([...history.past, before]),
    future: [],
    typingSince: kind === 'typing' ? now : 0,
  };
}

/** Steps back: returns the text to show and the new history, or undefined when there is nothing to undo. */
export function undo(history: History, current: string): { text: string; history: History } | undefined {
  const text = history.past.at(-1);
  if (text === undefined) return undefined;
  return {
    text,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], typingSince: 0 },
  };
}

/** Steps forward again after an undo. */
export function redo(history: History, current: string): { text: string; history: History } | undefined {
  const text = history.future.at(-1);
  if (text === undefined) return undefined;
  return {
    text,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), typingSince: 0 },
  };
}

function trim(past: string[]): string[] {
  let start = Math.max(0, past.length - MAX_STEPS);
  let chars = 0;
  for (let i = past.length - 1; i >= start; i--) {
    chars += past[i]!.length;
    if (chars > MAX_HISTORY_CHARS) {
      start = i + 1;
      break;
    }
  }
  return start === 0 ? past : past.slice(start);
}
