/**
 * One undo history over a document's text, shared by typing and every command (form edits, format,
 * new card, templates, draft switches). Pure functions over an immutable value so the rules are
 * testable alone.
 *
 * Typing is grouped: keystrokes that follow each other within `TYPING_GROUP_MS` are one step, the
 * way editors group a burst of typing. Every other kind of edit starts a step of its own.
 *
 * Each step says what it was (`kind`, and what its maker attached in `detail`), and keeps saying it
 * when it moves from the undo list to the redo list and back, so whoever needs to know what a step
 * did reads it from the step (the drafts find their switches this way) rather than from its position,
 * which the caps below change by dropping the oldest steps.
 */

/** What a step of the history was. */
export type EditKind =
  /** Keystrokes in an editor (or a form's text field): a burst groups into one step. */
  | 'typing'
  /** A change made through a form or the outline. */
  | 'form'
  | 'format'
  /** A new, empty document (new card, new manifest). */
  | 'new'
  /** Another draft opened in the editor; `detail` names the draft left (`from`) and opened (`to`). */
  | 'draft-switch'
  /** A card brought in from elsewhere (a send's history, an inbox, a backup). */
  | 'import'
  /** Any other whole-text change. */
  | 'command';

export interface HistoryStep {
  /** The text on the other side of the step: before it while it can be undone, after it while it can be redone. */
  readonly text: string;
  readonly kind: EditKind;
  /** What the step's maker attached to it (a draft switch: `from` and `to`). */
  readonly detail?: Readonly<Record<string, string>>;
}

export interface History {
  /** Steps that can be undone, oldest first. */
  readonly past: readonly HistoryStep[];
  /** Steps undone, the next redo last. */
  readonly future: readonly HistoryStep[];
  /** When the current step was last extended by typing; 0 when it is closed. */
  readonly typingSince: number;
}

/** How much history a document keeps. */
export interface HistoryLimits {
  steps: number;
  /** The texts of all steps together, in characters. */
  chars: number;
}

export const TYPING_GROUP_MS = 700;
/** Enough for a long session; a 5 MB paste counts once per step, so the total is capped too. */
export const MAX_STEPS = 300;
export const MAX_HISTORY_CHARS = 60_000_000;

export const DEFAULT_LIMITS: HistoryLimits = { steps: MAX_STEPS, chars: MAX_HISTORY_CHARS };

export const EMPTY_HISTORY: History = { past: [], future: [], typingSince: 0 };

/** What `record` is told about a step besides the text it replaced. */
export interface StepInfo {
  kind: EditKind;
  detail?: Readonly<Record<string, string>> | undefined;
}

/** Records that `before` was replaced by a new text, in a step of the given kind. */
export function record(
  history: History,
  before: string,
  step: EditKind | StepInfo,
  now: number,
  limits: HistoryLimits = DEFAULT_LIMITS,
): History {
  const { kind, detail } = typeof step === 'string' ? { kind: step, detail: undefined } : step;
  const grouping = kind === 'typing' && history.typingSince > 0 && now - history.typingSince < TYPING_GROUP_MS;
  if (grouping) return { past: history.past, future: [], typingSince: now };
  const entry: HistoryStep = detail ? { text: before, kind, detail } : { text: before, kind };
  return {
    past: trim([...history.past, entry], limits),
    future: [],
    typingSince: kind === 'typing' ? now : 0,
  };
}

/** The result of undo or redo: the text to show, the new history and the step that was undone or redone. */
export interface Stepped {
  text: string;
  history: History;
  step: HistoryStep;
}

/** Steps back, or returns undefined when there is nothing to undo. */
export function undo(history: History, current: string): Stepped | undefined {
  const step = history.past.at(-1);
  if (step === undefined) return undefined;
  return {
    text: step.text,
    step,
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { ...step, text: current }],
      typingSince: 0,
    },
  };
}

/** Steps forward again after an undo. */
export function redo(history: History, current: string): Stepped | undefined {
  const step = history.future.at(-1);
  if (step === undefined) return undefined;
  return {
    text: step.text,
    step,
    history: {
      past: [...history.past, { ...step, text: current }],
      future: history.future.slice(0, -1),
      typingSince: 0,
    },
  };
}

/**
 * The step that an undo or a redo (a change whose origin is the history) moved from `previous` to
 * `next`, and whether it was undone or redone.
 */
export function lastMove(previous: History, next: History): { step: HistoryStep; undone: boolean } | undefined {
  if (next.future.length === previous.future.length + 1) {
    const step = next.future.at(-1);
    return step && { step, undone: true };
  }
  if (next.future.length + 1 === previous.future.length) {
    const step = next.past.at(-1);
    return step && { step, undone: false };
  }
  return undefined;
}

function trim(past: HistoryStep[], limits: HistoryLimits): HistoryStep[] {
  let start = Math.max(0, past.length - limits.steps);
  let chars = 0;
  for (let i = past.length - 1; i >= start; i--) {
    chars += past[i]!.text.length;
    if (chars > limits.chars) {
      start = i + 1;
      break;
    }
  }
  return start === 0 ? past : past.slice(start);
}
