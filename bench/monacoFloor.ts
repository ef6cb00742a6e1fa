/**
 * The benchmark's floor (`load.bench.spec.ts`): the designer's JSON editor and nothing else on the page. It
 * loads Monaco as the JSON pane does (the same layers and chunks, setup, contributions, schema and options) and
 * creates the editor on a card, then sets the same `editor-ready` mark. No React, no stores, no preview:
 * what it measures is what Monaco alone costs on this machine, which no first screen can go below.
 */
import { importMonacoLayers } from '../src/features/editor/monacoLayers.ts';

const card = JSON.stringify({ '@type': 'MessageCard', summary: 'Floor', title: 'Monaco alone' }, null, 2);

void Promise.all([
  import('../src/features/editor/monacoParts.ts'),
  import('../src/features/editor/setupMonaco.ts'),
  importMonacoLayers(),
]).then(([{ EDITOR_OPTIONS }, { monaco, MODEL_URI }]) => {
  const model = monaco.editor.createModel(card, 'json', monaco.Uri.parse(MODEL_URI));
  monaco.editor.create(document.getElementById('editor')!, { ...EDITOR_OPTIONS, model, ariaLabel: 'Card JSON editor' });
  performance.mark('editor-ready');
});
