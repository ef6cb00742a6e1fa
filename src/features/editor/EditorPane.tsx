import { lazy, Suspense } from 'react';
import { ProblemsList } from './ProblemsList.tsx';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';

// Monaco is about 660 KB as Brotli: the preview does not wait for it; it is requested when this pane first renders.
const JsonEditor = lazy(() => import('./JsonEditor.tsx'));

/**
 * The JSON side of the designer: the Monaco editor and, under it, the list of problems. `onReady` is
 * called once the editor holds the card, so that the parts the first screen does not need wait for it.
 */
export function EditorPane({ dark, onReady }: { dark: boolean; onReady?: () => void }) {
  return (
    <section className="editor-pane" aria-label="Card JSON">
      <div className="editor-host">
        <LoadBoundary what="The JSON editor">
          <Suspense fallback={<div className="editor-loading">Loading the JSON editor…</div>}>
            <JsonEditor dark={dark} onReady={onReady} />
          </Suspense>
        </LoadBoundary>
      </div>
      <ProblemsList />
    </section>
  );
}
