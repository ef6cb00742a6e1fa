import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import * as json from 'monaco-editor/languages/features/json/register';
import './setupMonaco.ts';
import {
  bindHistoryKeys,
  EDITOR_CONTAINER_CLASS,
  EDITOR_OPTIONS,
  mirrorText,
  selectRange,
  setRuleMarkers,
  type CodeEditor,
} from './monacoParts.ts';
import type { JsonDocumentEditorProps } from './JsonDocumentPane.tsx';

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
    bindHistoryKeys(
      editor,
      () => callbacks.current.onUndo(),
      () => callbacks.current.onRedo(),
    );
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
    applying.current = true;
    try {
      const end = mirrorText(editor, model, text);
      if (end !== undefined && textOrigin === 'history') selectRange(editor, model, { offset: end, length: 0 });
    } finally {
      applying.current = false;
    }
  }, [text, textOrigin, mounted]);

  // Markers from the rules, on top of the schema's own.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() !== text) return;
    setRuleMarkers(model, markerSource, issues);
  }, [issues, text, markerSource, mounted]);

  // A request to show a range (a problem was activated).
  const reveal = props.reveal;
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !reveal) return;
    selectRange(editor, model, reveal.range);
    editor.focus();
  }, [reveal]);

  return (
    <Editor
      path={modelUri}
      language="json"
      defaultValue={text}
      onMount={onMount}
      theme={dark ? 'vs-dark' : 'vs'}
      options={{ ...EDITOR_OPTIONS, ariaLabel }}
      className={EDITOR_CONTAINER_CLASS}
      loading={<div className="editor-loading">Loading the JSON editor…</div>}
    />
  );
}
