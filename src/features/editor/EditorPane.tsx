import { lazy, Suspense } from 'react';
import { ProblemsList } from './ProblemsList.tsx';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';
import { importMonacoLayers } from './monacoLayers.ts';

// Monaco is about 700 KB as Brotli: the preview does not wait for it. It is requested in layers that are
// parsed side by side and evaluated in tasks of their own (`monacoLayers.ts`), once the frame that draws the
// first screen has been drawn: requested with the first render, their parsing made the card about 200 ms
// later on two cores. Measured against one chunk requested with the first render (medians of 9 cold loads,
// two runs): the card no later (1,087 / 953 ms against 1,054 / 1,072), the editor 120 ms sooner, and 150 to
// 250 ms fewer long tasks. Checked again once the benchmark's browser was quiet (10 share links, interleaved):
// requested with the first render, the card came 123 ms later and the editor 44 ms sooner; requested from
// the page's first script, the card 424 ms later and the editor no sooner. A tab opened in the background
// draws no frame: there the request waits half a second.
const afterFrame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
const JsonEditor = lazy(() =>
  afterFrame().then(() => Promise.all([import('./JsonEditor.tsx'), importMonacoLayers()]).then(([editor]) => editor)),
);

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
