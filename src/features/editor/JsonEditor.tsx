import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { MODEL_URI, monaco } from './setupMonaco.ts';
import { minimalEdit } from './minimalEdit.ts';
import { designerStore } from '../../store/hooks.ts';
import { pathAtOffset, rangeOfPath } from '../../card/locate.ts';
import type { LocatedIssue } from '../../card/types.ts';

type CodeEditor = Parameters<OnMount>[0];

const RULES_OWNER = 'messagecard-rules';

const SEVERITY: Record<LocatedIssue['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  hint: monaco.MarkerSeverity.Info,
};

function toMarkers(model: monaco.editor.ITextModel, issues: readonly LocatedIssue[]): monaco.editor.IMarkerData[] {
  return (
    issues
      // Syntax errors already come from Monaco's own JSON language service, with the same positions.
      .filter((issue) => issue.rule !== 'json-syntax')
      .map((issue) => {
        const start = model.getPositionAt(issue.range.offset);
        const end = model.getPositionAt(issue.range.offset + Math.max(1, issue.range.length));
        return {
          severity: SEVERITY[issue.severity],
          message: issue.message,
          code: issue.rule,
          source: 'MessageCard rules',
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      })
  );
}

/**
 * The Monaco pane. Uncontrolled on purpose: the editor owns its text while the user types, and the
 * store's text is mirrored into it as the smallest possible edit, so the cursor, folding and scroll
 * survive form edits, formatting and undo (a controlled `value` replaces the whole model).
 */
export default function JsonEditor({ dark }: { dark: boolean }) {
  const cleanup = useRef<() => void>(undefined);
  useEffect(() => () => cleanup.current?.(), []);

  const onMount: OnMount = (editor: CodeEditor) => {
    const model = editor.getModel();
    if (!model) return;
    let applyingStore = false;
    const state = designerStore.getState();
    if (model.getValue() !== state.text) model.setValue(state.text);
    model.updateOptions({ tabSize: 2, insertSpaces: true });

    if (state.cursor !== undefined) {
      const position = model.getPositionAt(state.cursor);
      editor.setPosition(position);
      editor.revealPositionInCenter(position);
    }

    // One history for typing and commands: the editor's undo keys drive the store's history.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => designerStore.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      designerStore.getState().redo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => designerStore.getState().redo());

    const contentListener = editor.onDidChangeModelContent(() => {
      if (!applyingStore) designerStore.getState().setText(model.getValue(), 'typing', 'editor');
    });

    const cursorListener = editor.onDidChangeCursorPosition((event) => {
      const offset = model.getOffsetAt(event.position);
      const store = designerStore.getState();
      store.setCursor(offset);
      if (applyingStore || event.source === 'api') return;
      const parsed = store.analysis.parsed;
      if (parsed.text === store.text && parsed.root) store.select(pathAtOffset(parsed, offset), 'editor');
    });

    const applyMarkers = () => {
      const { analysis, text } = designerStore.getState();
      if (analysis.parsed.text !== text) return; // a large text still being analysed
      monaco.editor.setModelMarkers(model, RULES_OWNER, toMarkers(model, analysis.issues));
    };
    applyMarkers();

    const selectRange = (offset: number, length: number) => {
      const start = model.getPositionAt(offset);
      const end = model.getPositionAt(offset + length);
      const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      editor.setSelection(range);
      editor.revealRangeInCenterIfOutsideViewport(range);
    };

    const unsubscribe = designerStore.subscribe((next, previous) => {
      if (next.text !== previous.text && next.text !== model.getValue()) {
        const span = minimalEdit(model.getValue(), next.text);
        if (span) {
          applyingStore = true;
          try {
            const start = model.getPositionAt(span.offset);
            const end = model.getPositionAt(span.offset + span.length);
            const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
            editor.pushUndoStop();
            editor.executeEdits('designer', [{ range, text: span.content, forceMoveMarkers: false }]);
            editor.pushUndoStop();
            // After undo or redo, show where the text changed; after a form edit the cursor stays put.
            if (next.textOrigin === 'history') selectRange(span.offset + span.content.length, 0);
          } finally {
            applyingStore = false;
          }
        }
      }
      if (next.analysis !== previous.analysis || next.text !== previous.text) applyMarkers();
      if (next.reveal && next.reveal !== previous.reveal) {
        selectRange(next.reveal.range.offset, next.reveal.range.length);
        editor.focus();
      }
      if (next.selection && next.selection !== previous.selection && next.selection.origin !== 'editor') {
        const parsed = next.analysis.parsed;
        const range = parsed.text === next.text && parsed.root ? rangeOfPath(parsed, next.selection.path) : undefined;
        if (range) selectRange(range.offset, range.length);
      }
    });

    if (import.meta.env.MODE !== 'production') {
      (window as unknown as { cardEditor: CodeEditor }).cardEditor = editor;
    }

    cleanup.current = () => {
      unsubscribe();
      contentListener.dispose();
      cursorListener.dispose();
    };
  };

  return (
    <Editor
      path={MODEL_URI}
      language="json"
      defaultValue={designerStore.getState().text}
      onMount={onMount}
      theme={dark ? 'vs-dark' : 'vs'}
      options={{
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        fixedOverflowWidgets: true,
        ariaLabel: 'Card JSON editor',
        renderValidationDecorations: 'on',
        quickSuggestions: { strings: true, other: true, comments: false },
      }}
      loading={<div className="editor-loading">Loading the JSON editor…</div>}
    />
  );
}
