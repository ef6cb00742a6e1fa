import { createStore } from 'zustand/vanilla';
import { analyze, type Analysis } from '../card/analyze.ts';
import { formatCardText } from '../json/format.ts';
import { samePath } from '../json/path.ts';
import { BLANK_CARD_TEXT, WELCOME_CARD_TEXT } from '../card/samples.ts';
import type { HostProfile, JsonPath, TextRange } from '../card/types.ts';
import type { HistoryLimits } from './history.ts';
import { DEFAULT_LAYOUT, type SavedLayout } from './persistence.ts';
import { analyzeOffThread, OFF_THREAD_CHARS } from './offThread.ts';
import { isAnalysisCurrent, textDocument, type TextDocumentState, type TextOrigin } from './textDocument.ts';

export type { TextOrigin };

/** Who selected an element last; a pane ignores selections it made itself, so nothing ping-pongs. */
export type SelectionOrigin = 'editor' | 'preview' | 'problems' | 'form';

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'failed'; reason: string };

export interface Selection {
  path: JsonPath;
  origin: SelectionOrigin;
}

/** The card's text document (text, history, analysis; `textDocument.ts`) and what the designer adds. */
export interface DesignerState extends TextDocumentState<Analysis> {
  /** The host whose rules apply. */
  host: HostProfile;
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
  /** How much undo history to keep (tests make it small). */
  historyLimits?: HistoryLimits;
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

    const doc = textDocument<DesignerState>(set, get, {
      text,
      now,
      limits: init.historyLimits,
      derive: (nextText, state) => analysisFor(nextText, state.host),
    });

    return {
      ...doc.state,
      host,
      analysis: first,
      analysisPending: false,
      lastGood: isGood(first) ? first : undefined,
      selection: undefined,
      cursor: init.cursor,
      reveal: undefined,
      layout: init.layout ?? DEFAULT_LAYOUT,
      saveStatus: { state: 'saved' },

      format: () => {
        const state = get();
        if (!state.analysis.parsed.ok || !isAnalysisCurrent(state)) return;
        doc.replace(formatCardText(state.text), 'format', 'command');
      },
      newCard: () => doc.replace(BLANK_CARD_TEXT, 'new', 'command'),
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
