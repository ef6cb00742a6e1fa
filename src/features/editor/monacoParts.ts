/** What the card editor and the manifest editor share: options, rule markers, undo keys, mirrored edits. */
import type { OnMount } from '@monaco-editor/react';
import { monaco } from './setupMonaco.ts';
import { minimalEdit } from './minimalEdit.ts';
import type { LocatedIssue, TextRange } from '../../card/types.ts';

export type CodeEditor = Parameters<OnMount>[0];

export const EDITOR_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  wordWrap: 'on',
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  renderValidationDecorations: 'on',
  quickSuggestions: { strings: true, other: true, comments: false },
} as const satisfies monaco.editor.IStandaloneEditorConstructionOptions;

/**
 * The class of the element an editor is created in. Monaco's theme gives its colours (CSS variables) to
 * `.monaco-editor` and `.monaco-component`; the context menu opens in a shadow root that Monaco appends
 * to that element, outside `.monaco-editor`, and without the class it inherits no colours: it was drawn
 * without a background, its entries over the text.
 */
export const EDITOR_CONTAINER_CLASS = 'monaco-component';

const SEVERITY: Record<LocatedIssue['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  hint: monaco.MarkerSeverity.Info,
};

/** Puts the rules' issues on the model as markers of `source`, beside the schema's own. */
export function setRuleMarkers(model: monaco.editor.ITextModel, source: string, issues: readonly LocatedIssue[]): void {
  monaco.editor.setModelMarkers(
    model,
    source,
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
          source,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
  );
}

/** The editor's undo keys drive the document's own history (one history for typing and commands). */
export function bindHistoryKeys(editor: CodeEditor, undo: () => void, redo: () => void): void {
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, undo);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, redo);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, redo);
}

function rangeOf(model: monaco.editor.ITextModel, range: TextRange): monaco.Range {
  const start = model.getPositionAt(range.offset);
  const end = model.getPositionAt(range.offset + range.length);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

/** Selects a range of the text and scrolls to it when it is out of view. */
export function selectRange(editor: CodeEditor, model: monaco.editor.ITextModel, range: TextRange): void {
  const selection = rangeOf(model, range);
  editor.setSelection(selection);
  editor.revealRangeInCenterIfOutsideViewport(selection);
}

/**
 * Brings the editor to `text` with the smallest changed span as one undo stop of the editor, so the
 * cursor, folding and scroll survive. Returns where the change ends, or undefined when nothing changed.
 */
export function mirrorText(editor: CodeEditor, model: monaco.editor.ITextModel, text: string): number | undefined {
  const span = minimalEdit(model.getValue(), text);
  if (!span) return undefined;
  editor.pushUndoStop();
  editor.executeEdits('designer', [
    {
      range: rangeOf(model, { offset: span.offset, length: span.length }),
      text: span.content,
      forceMoveMarkers: false,
    },
  ]);
  editor.pushUndoStop();
  return span.offset + span.content.length;
}
