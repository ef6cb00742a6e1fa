import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import * as json from 'monaco-editor/languages/features/json/register';
import { monaco } from './setupMonaco.ts';
import { minimalEdit } from './minimalEdit.ts';
import type { JsonDocumentEditorProps } from './JsonDocumentPane.tsx';
import type { LocatedIssue } from '../../card/types.ts';

type CodeEditor = Parameters<OnMount>[0];

const SEVERITY: Record<LocatedIssue['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  hint: monaco.MarkerSeverity.Info,
};

/**
 * Binds a schema to one more model without disturbing the card's: the JSON language service keeps
 * one global list, so the new entry is appended to what `setupMonaco.ts` registered.
 */
function registerSchema(uri: string, modelUri: string, schema: unknown, aliases: readonly string[]) {
  const options = json.jsonDefaults.diagnosticsOptions;
  const mine = new Set([uri, ...aliases]);
  const others = (options.schemas ?? []).filter((entry) => !mine.has(entry.uri));
  json.jsonDefaults.setDiagnosticsOptions({
    ...options,
    schemas: [
      ...others,
      { uri, fileMatch: [modelUri], schema },
      // A document's own "$schema" wins over fileMatch; registering those URLs too means the service
      // finds our schema under them instead of trying (and failing) to download them.
      ...aliases.map((alias) => ({ uri: alias, schema })),
    ],
  });
}

/**
 * A second Monaco JSON editor for a document other than the card (the app manifest). Controlled
 * through props, but never by replacing the model: a new `text` arrives as the smallest changed
 * span, so the cursor and scroll survive form edits, as in the card editor.
 */
export default function JsonDocumentEditor(props: JsonDocumentEditorProps) {
  const { modelUri, schemaUri, schema, text, textOrigin, issues, dark, ariaLabel, markerSource } = props;
  const editorRef = useRef<CodeEditor>(undefined);
  const applying = useRef(false);
  // Set once Monaco has mounted, so the effects below run again for what arrived before it.
  const [mounted, setMounted] = useState(false);
  // The latest callbacks, so the listeners registered once at mount never call stale ones.
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  const aliases = props.schemaAliases;
  useEffect(() => registerSchema(schemaUri, modelUri, schema, aliases ?? []), [schemaUri, modelUri, schema, aliases]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const model = editor.getModel();
    if (!model) return;
    if (model.getValue() !== text) model.setValue(text);
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => callbacks.current.onUndo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      callbacks.current.onRedo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => callbacks.current.onRedo());
    editor.onDidChangeModelContent(() => {
      if (!applying.current) callbacks.current.onChange(model.getValue());
    });
    if (import.meta.env.MODE !== 'production') {
      (window as unknown as Record<string, CodeEditor>)[props.testHandle ?? 'documentEditor'] = editor;
    }
    setMounted(true);
  };

  // Mirror the document's text into the editor as a minimal edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === text) return;
    const span = minimalEdit(model.getValue(), text);
    if (!span) return;
    applying.current = true;
    try {
      const start = model.getPositionAt(span.offset);
      const end = model.getPositionAt(span.offset + span.length);
      const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      editor.pushUndoStop();
      editor.executeEdits('document', [{ range, text: span.content, forceMoveMarkers: false }]);
      editor.pushUndoStop();
      if (textOrigin === 'history') {
        const at = model.getPositionAt(span.offset + span.content.length);
        editor.setPosition(at);
        editor.revealPositionInCenterIfOutsideViewport(at);
      }
    } finally {
      applying.current = false;
    }
  }, [text, textOrigin, mounted]);

  // Markers from the rules, on top of the schema's own.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() !== text) return;
    monaco.editor.setModelMarkers(
      model,
      markerSource,
      issues
        .filter((issue) => issue.rule !== 'json-syntax')
        .map((issue) => {
          const start = model.getPositionAt(issue.range.offset);
          const end = model.getPositionAt(issue.range.offset + Math.max(1, issue.range.length));
          return {
            severity: SEVERITY[issue.severity],
            message: issue.message,
            code: issue.rule,
            source: markerSource,
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          };
        }),
    );
  }, [issues, text, markerSource, mounted]);

  // A request to show a range (a problem was activated).
  const reveal = props.reveal;
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !reveal) return;
    const start = model.getPositionAt(reveal.range.offset);
    const end = model.getPositionAt(reveal.range.offset + reveal.range.length);
    const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range);
    editor.focus();
  }, [reveal]);

  return (
    <Editor
      path={modelUri}
      language="json"
      defaultValue={text}
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
        ariaLabel,
        quickSuggestions: { strings: true, other: true, comments: false },
      }}
      loading={<div className="editor-loading">Loading the JSON editor…</div>}
    />
  );
}
