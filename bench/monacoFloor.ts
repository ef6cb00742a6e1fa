/**
 * The benchmark's floor (`load.bench.spec.ts`): the designer's JSON editor and nothing else on the page. It
 * loads Monaco as the JSON pane does (the same chunk, the same setup, contributions, schema and options) and
 * creates the editor on a card, then sets the same `editor-ready` mark. No React, no stores, no preview:
 * what it measures is what Monaco alone costs on this machine, which no first screen can go below.
 */
const card = JSON.stringify({ '@type': 'MessageCard', summary: 'Floor', title: 'Monaco alone' }, null, 2);

void import('../src/features/editor/monacoParts.ts').then(async ({ EDITOR_OPTIONS }) => {
  const { monaco, MODEL_URI } = await import('../src/features/editor/setupMonaco.ts');
  const model = monaco.editor.createModel(card, 'json', monaco.Uri.parse(MODEL_URI));
  monaco.editor.create(document.getElementById('editor')!, { ...EDITOR_OPTIONS, model, ariaLabel: 'Card JSON editor' });
  performance.mark('editor-ready');
});
