import { createStore } from 'zustand/vanilla';
import { analyze, type Analysis } from '../card/analyze.ts';
import { formatCardText } from '../json/format.ts';
import { samePath } from '../json/path.ts';
import { BLANK_CARD_TEXT, WELCOME_CARD_TEXT } from '../card/samples.ts';
import type { HostProfile, JsonPath, TextRange } from '../card/types.ts';
import { EMPTY_HISTORY, record, redo, undo, type EditKind, type History } from './history.ts';
import { DEFAULT_LAYOUT, type SavedLayout } from './persistence.ts';
import { analyzeOffThread, OFF_THREAD_CHARS } from './offThread.ts';

/** Who changed the text last, so the editor knows whether and where to move its cursor. */
export type TextOrigin = 'editor' | 'command' | 'history';

/** Who selected an element last; a pane ignores selections it made itself, so nothing ping-pongs. */
export type SelectionOrigin = 'editor' | 'preview' | 'problems' | 'form';

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'failed'; reason: string };

export interface Selection {
  path: JsonPath;
  origin: SelectionOrigin;
}

export interface DesignerState {
  /** The card as the user's text: the single source of truth. Everything about the card derives from it. */
  text: string;
  textOrigin: TextOrigin;
  history: History;
  /** The host whose rules apply. */
  host: HostProfile;
  /** The analysis of `text`, or of an earlier text while a large one is analysed off the main thread. */
  analysis: Analysis;
  analysisPending: boolean;
  /** The last analysis whose text parsed to an object: what the preview keeps showing while the text is broken. */
  lastGood: Analysis | undefined;
  selection: Selection | undefined;
  /** The editor's cursor offset, saved so a reload returns to it. */
  cursor: number | undefined;
  /** A request for the editor to select and show a range; `seq` makes repeated clicks on one problem count. */
  reveal: { range: TextRange; seq: number } | undefined;
  layout: SavedLayout;
  /** Whether the text is safely stored locally; written by the autosave. */
  saveStatus: SaveStatus;

  setText(text: string, kind?: EditKind, origin?: TextOrigin): void;
  /** Replaces the text through a pure function of it; one undo step. Used by forms, format and templates. */
  applyCommand(change: (text: string) => string): void;
  undo(): void;
  redo(): void;
  format(): void;
  newCard(): void;
  setHost(host: HostProfile): void;
  select(path: JsonPath, origin: SelectionOrigin): void;
  setCursor(offset: number): void;
  revealRange(range: TextRange): void;
  setLayout(layout: Partial<SavedLayout>): void;
}

export interface DesignerInit {
  text?: string;
  cursor?: number | undefined;
  layout?: SavedLayout;
  host?: HostProfile;
  now?: () => number;
}

function isGood(analysis: Analysis): boolean {
  return analysis.parsed.ok && analysis.card !== undefined;
}

/**
 * Creates the one store of the designer. Vanilla (no React) so it can be tested and driven without
 * a component tree; `hooks.ts` binds it to React.
 */
export function createDesignerStore(init: DesignerInit = {}) {
  const now = init.now ?? Date.now;
  const text = init.text ?? WELCOME_CARD_TEXT;
  const host = init.host ?? 'teams';
  const first = analyze(text, { host });
  let revealSeq = 0;
  let analysisTicket = 0;

  return createStore<DesignerState>()((set, get) => {
    /** Derives the analysis of a new text: at once for ordinary cards, off the main thread for huge ones. */
    function analysisFor(nextText: string, nextHost: HostProfile): Partial<DesignerState> {
      const ticket = ++analysisTicket;
      if (nextText.length < OFF_THREAD_CHARS) {
        const analysis = analyze(nextText, { host: nextHost });
        return { analysis, analysisPending: false, ...(isGood(analysis) ? { lastGood: analysis } : {}) };
      }
      void analyzeOffThread(nextText, nextHost).then((analysis) => {
        if (ticket !== analysisTicket) return; // a newer text arrived meanwhile
        set({ analysis, analysisPending: false, ...(isGood(analysis) ? { lastGood: analysis } : {}) });
      });
      return { analysisPending: true };
    }

    function replaceText(nextText: string, kind: EditKind, origin: TextOrigin) {
      const state = get();
      if (nextText === state.text) return;
      set({
        text: nextText,
        textOrigin: origin,
        history: record(state.history, state.text, kind, now()),
        ...analysisFor(nextText, state.host),
      });
    }

    function step(direction: typeof undo) {
      const state = get();
      const result = direction(state.history, state.text);
      if (!result) return;
      set({
        text: result.text,
        textOrigin: 'history',
        history: result.history,
        ...analysisFor(result.text, state.host),
      });
    }

    return {
      text,
      textOrigin: 'command',
      history: EMPTY_HISTORY,
      host,
      analysis: first,
      analysisPending: false,
      lastGood: isGood(first) ? first : undefined,
      selection: undefined,
      cursor: init.cursor,
      reveal: undefined,
      layout: init.layout ?? DEFAULT_LAYOUT,
      saveStatus: { state: 'saved' },

      setText: (nextText, kind = 'typing', origin = 'editor') => replaceText(nextText, kind, origin),
      applyCommand: (change) => replaceText(change(get().text), 'command', 'command'),
      undo: () => step(undo),
      redo: () => step(redo),
      format: () => {
        if (!get().analysis.parsed.ok) return;
        replaceText(formatCardText(get().text), 'command', 'command');
      },
      newCard: () => replaceText(BLANK_CARD_TEXT, 'command', 'command'),
      setHost: (nextHost) => {
        if (nextHost === get().host) return;
        set({ host: nextHost, ...analysisFor(get().text, nextHost) });
      },
      select: (path, origin) => {
        // The cursor moving inside one element (typing) keeps the selection as it is, so nothing that
        // depends on it is drawn again; a click always selects anew (and reveals again).
        const current = get().selection;
        if (origin === 'editor' && current?.origin === 'editor' && samePath(current.path, path)) return;
        set({ selection: { path, origin } });
      },
      setCursor: (offset) => {
        if (offset !== get().cursor) set({ cursor: offset });
      },
      revealRange: (range) => set({ reveal: { range, seq: ++revealSeq } }),
      setLayout: (layout) => set({ layout: { ...get().layout, ...layout } }),
    };
  });
}

export type DesignerStore = ReturnType<typeof createDesignerStore>;
