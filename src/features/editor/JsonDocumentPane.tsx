import { lazy, Suspense } from 'react';
import type { LocatedIssue, TextRange } from '../../card/types.ts';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';

// Monaco loads lazily here too; if the card editor already loaded it, this chunk is small.
const JsonDocumentEditor = lazy(() => import('./JsonDocumentEditor.tsx'));

/** A JSON document other than the card, edited with its own model, schema and history. */
export interface JsonDocumentEditorProps {
  /** The model's URI; the schema binds to it alone. */
  modelUri: string;
  schemaUri: string;
  schema: unknown;
  /** Other URIs the same schema answers to (what a document's own "$schema" may name). */
  schemaAliases?: readonly string[];
  text: string;
  /** `history` after undo/redo moves the cursor to the change. */
  textOrigin: 'editor' | 'command' | 'history';
  issues: readonly LocatedIssue[];
  /** Name of the marker owner, shown in hovers (e.g. "Manifest rules"). */
  markerSource: string;
  ariaLabel: string;
  dark: boolean;
  onChange(text: string): void;
  onUndo(): void;
  onRedo(): void;
  /** Selects and shows this range; a new object each time so repeated requests count. */
  reveal?: { range: TextRange };
  /** Name of the window handle end-to-end tests read the editor through (not in production). */
  testHandle?: string;
}

/** The lazily loaded editor with a placeholder while Monaco arrives. */
export function JsonDocumentPane(props: JsonDocumentEditorProps) {
  return (
    <LoadBoundary what="The JSON editor">
      <Suspense fallback={<div className="editor-loading">Loading the JSON editor…</div>}>
        <JsonDocumentEditor {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
