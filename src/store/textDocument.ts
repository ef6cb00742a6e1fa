/**
 * The machine both documents of the designer share, the card and the app manifest: the text the
 * user edits (the single source of truth), one undo history for typing and commands, and state
 * derived from the text (its analysis) in the same update. `designerStore.ts` and
 * `packageStore.ts` build on it and add what is theirs (the host and selection; the icons).
 */
import {
  DEFAULT_LIMITS,
  EMPTY_HISTORY,
  record,
  redo,
  undo,
  type EditKind,
  type History,
  type HistoryLimits,
  type StepInfo,
} from './history.ts';

/** Who changed the text last, so the editor knows whether and where to move its cursor. */
export type TextOrigin = 'editor' | 'command' | 'history';

/** What every analysis of a JSON document carries: the text it was made from. */
interface AnalysisOfText {
  parsed: { text: string };
}

export interface TextDocumentState<A extends AnalysisOfText = AnalysisOfText> {
  /** The document as the user's text: the single source of truth. */
  text: string;
  textOrigin: TextOrigin;
  history: History;
  /** The analysis of `text`, or of an earlier text while a large one is analysed off the main thread. */
  analysis: A;

  /** Replaces the text; `typing` steps that follow each other group into one undo step. */
  setText(text: string, kind?: EditKind, origin?: TextOrigin): void;
  /** Replaces the text through a pure function of it: one undo step, tagged with its kind (`command` by default). */
  applyCommand(change: (text: string) => string, step?: EditKind | StepInfo): void;
  undo(): void;
  redo(): void;
}

/**
 * Whether the analysis describes the text now in the store. It may not while a huge text is analysed
 * off the main thread; offsets, paths and the parsed value are then those of an earlier text, and
 * nothing may locate, edit or format through them.
 */
export function isAnalysisCurrent(state: { text: string; analysis: AnalysisOfText }): boolean {
  return state.analysis.parsed.text === state.text;
}

export interface TextDocumentOptions<S> {
  text: string;
  now: () => number;
  /** How much history to keep; the defaults of `history.ts` unless given. */
  limits?: HistoryLimits | undefined;
  /** The state that derives from a new text (at least its analysis), merged into the same update. */
  derive(text: string, state: S): Partial<S>;
}

type Core = Omit<TextDocumentState, 'analysis'>;

/**
 * The text-document part of a zustand store: call it inside the store's creator with its `set` and
 * `get`, spread `state` into the initial state (beside the first analysis), and use `replace` for the
 * store's own commands (format, new card, reset).
 */
export function textDocument<S extends TextDocumentState>(
  set: (partial: Partial<S>) => void,
  get: () => S,
  options: TextDocumentOptions<S>,
): { state: Core; replace(next: string, step: EditKind | StepInfo, origin: TextOrigin): void } {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const replace = (next: string, step: EditKind | StepInfo, origin: TextOrigin) => {
    const state = get();
    if (next === state.text) return;
    set({
      text: next,
      textOrigin: origin,
      history: record(state.history, state.text, step, options.now(), limits),
      ...options.derive(next, state),
    } as Partial<S>);
  };
  const step = (direction: typeof undo) => {
    const state = get();
    const result = direction(state.history, state.text);
    if (!result) return;
    set({
      text: result.text,
      textOrigin: 'history',
      history: result.history,
      ...options.derive(result.text, state),
    } as Partial<S>);
  };
  return {
    replace,
    state: {
      text: options.text,
      textOrigin: 'command',
      history: EMPTY_HISTORY,
      setText: (next, kind = 'typing', origin = 'editor') => replace(next, kind, origin),
      applyCommand: (change, step = 'command') => replace(change(get().text), step, 'command'),
      undo: () => step(undo),
      redo: () => step(redo),
    },
  };
}
