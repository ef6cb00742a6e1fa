import { lazy, Suspense } from 'react';
import { ProblemsList } from './ProblemsList.tsx';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';

// Monaco is about 1 MB gzipped: it loads after the first paint so the preview shows at once.
const JsonEditor = lazy(() => import('./JsonEditor.tsx'));

/** The JSON side of the designer: the Monaco editor and, under it, the list of problems. */
export function EditorPane({ dark }: { dark: boolean }) {
  return (
    <section className="editor-pane" aria-label="Card JSON">
      <div className="editor-host">
        <LoadBoundary what="The JSON editor">
          <Suspense fallback={<div className="editor-loading">Loading the JSON editor…</div>}>
            <JsonEditor dark={dark} />
          </Suspense>
        </LoadBoundary>
      </div>
      <ProblemsList />
    </section>
  );
}
