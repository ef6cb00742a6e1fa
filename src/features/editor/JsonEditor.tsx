import { useEffect, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import { monaco, MODEL_URI } from './setupMonaco.ts';
import { moveEarlyEditor, waitingEarlyEditor, type EarlyEditor } from './earlyEditor.ts';
import { saveEditorPlace } from './editorPlace.ts';
import {
  bindHistoryKeys,
  EDITOR_CONTAINER_CLASS,
  EDITOR_OPTIONS,
  mirrorText,
  selectRange,
  setRuleMarkers,
  type CodeEditor,
} from './monacoParts.ts';
import { useDesignerStore } from '../../store/hooks.ts';
import { isAnalysisCurrent } from '../../store/textDocument.ts';
import { pathAtOffset } from '../../card/grammar.ts';
import { rangeOfPath } from '../../json/locate.ts';

const RULES_OWNER = 'MessageCard rules';
/** The editor's place is kept a moment after it is ready or has last changed, out of the way of the first screen. */
const PLACE_DELAY_MS = 1000;

/**
 * The Monaco pane. Uncontrolled on purpose: the editor owns its text while the user types, and the
 * store's text is mirrored into it as the smallest possible edit, so the cursor, folding and scroll
 * survive form edits, formatting and undo (a controlled `value` replaces the whole model).
 *
 * On a return visit the editor was created before the app (`earlyEditor.ts`): the pane takes it over
 * rather than create one, and what the user typed in it meanwhile becomes the card's text.
 */
export default function JsonEditor({ dark, onReady }: { dark: boolean; onReady?: () => void }) {
  const designerStore = useDesignerStore();
  const cleanup = useRef<() => void>(undefined);
  useEffect(() => () => cleanup.current?.(), []);
  const [early] = useState(waitingEarlyEditor);

  const onMount = (editor: CodeEditor) => {
    const model = editor.getModel();
    if (!model) return;
    let applyingStore = false;
    const state = designerStore.getState();
    if (early) {
      // The early editor began on the text the store began on: any difference is the user's typing.
      if (model.getValue() !== state.text) state.setText(model.getValue(), 'typing', 'editor');
    } else {
      if (model.getValue() !== state.text) model.setValue(state.text);
      model.updateOptions({ tabSize: 2, insertSpaces: true });
    }

    // Unless the user is already at work in it (an early editor), the cursor goes back where it was.
    if (state.cursor !== undefined && !editor.hasTextFocus()) {
      const position = model.getPositionAt(state.cursor);
      editor.setPosition(position);
      editor.revealPositionInCenter(position);
    }

    bindHistoryKeys(
      editor,
      () => designerStore.getState().undo(),
      () => designerStore.getState().redo(),
    );

    const contentListener = editor.onDidChangeModelContent(() => {
      if (!applyingStore) designerStore.getState().setText(model.getValue(), 'typing', 'editor');
    });

    const cursorListener = editor.onDidChangeCursorPosition((event) => {
      const offset = model.getOffsetAt(event.position);
      const store = designerStore.getState();
      store.setCursor(offset);
      if (applyingStore || event.source === 'api') return;
      const parsed = store.analysis.parsed;
      if (isAnalysisCurrent(store) && parsed.root) store.select(pathAtOffset(parsed, offset), 'editor');
    });

    const applyMarkers = () => {
      const state = designerStore.getState();
      if (!isAnalysisCurrent(state)) return; // a large text still being analysed
      setRuleMarkers(model, RULES_OWNER, state.analysis.issues);
    };
    applyMarkers();

    const unsubscribe = designerStore.subscribe((next, previous) => {
      if (next.text !== previous.text && next.text !== model.getValue()) {
        applyingStore = true;
        try {
          const end = mirrorText(editor, model, next.text);
          // After undo or redo, show where the text changed; after a form edit the cursor stays put.
          if (end !== undefined && next.textOrigin === 'history')
            selectRange(editor, model, { offset: end, length: 0 });
        } finally {
          applyingStore = false;
        }
      }
      if (next.analysis !== previous.analysis || next.text !== previous.text) applyMarkers();
      if (next.reveal && next.reveal !== previous.reveal) {
        selectRange(editor, model, next.reveal.range);
        editor.focus();
      }
      if (next.selection && next.selection !== previous.selection && next.selection.origin !== 'editor') {
        const parsed = next.analysis.parsed;
        const range = isAnalysisCurrent(next) && parsed.root ? rangeOfPath(parsed, next.selection.path) : undefined;
        if (range) selectRange(editor, model, range);
      }
    });

    if (import.meta.env.MODE !== 'production') {
      (window as unknown as { cardEditor: CodeEditor }).cardEditor = editor;
    }

    // The moment the JSON editor is usable, for the benchmark and for the parts that load after it (an
    // early editor marked it when it was created).
    if (!early) performance.mark('editor-ready');
    onReady?.();

    // Where the editor sits, for the next visit's early editor: when its size changes, and when the page is left.
    // A moment after it last changed (dragging the divider changes it in every frame), not on each change.
    const keepPlace = () => saveEditorPlace(editor.getContainerDomNode());
    let placeTimer = setTimeout(keepPlace, PLACE_DELAY_MS);
    const layoutListener = editor.onDidLayoutChange(() => {
      clearTimeout(placeTimer);
      placeTimer = setTimeout(keepPlace, PLACE_DELAY_MS);
    });
    window.addEventListener('pagehide', keepPlace);

    cleanup.current = () => {
      unsubscribe();
      contentListener.dispose();
      cursorListener.dispose();
      layoutListener.dispose();
      window.removeEventListener('pagehide', keepPlace);
      clearTimeout(placeTimer);
    };
  };

  if (early) return <TakenEditor early={early} dark={dark} onMount={onMount} />;
  return (
    <Editor
      path={MODEL_URI}
      language="json"
      defaultValue={designerStore.getState().text}
      onMount={onMount}
      theme={dark ? 'vs-dark' : 'vs'}
      options={{ ...EDITOR_OPTIONS, ariaLabel: 'Card JSON editor' }}
      className={EDITOR_CONTAINER_CLASS}
      loading={<div className="editor-loading">Loading the JSON editor…</div>}
    />
  );
}

/**
 * The early editor (`earlyEditor.ts`), moved into this pane: the same editor, model and DOM. It sat over
 * this pane's place; focus, if the user was typing, stays in it. Disposed with the pane, as `<Editor>`
 * disposes its own.
 */
function TakenEditor({
  early,
  dark,
  onMount,
}: {
  early: EarlyEditor;
  dark: boolean;
  onMount: (editor: CodeEditor) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const mount = useRef(onMount);
  useEffect(() => {
    const editor = moveEarlyEditor(early, box.current!);
    mount.current(editor);
    return () => {
      editor.getModel()?.dispose();
      editor.dispose();
    };
  }, [early]);
  useEffect(() => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'), [dark]);
  return <div ref={box} className="taken-editor-box" />;
}
