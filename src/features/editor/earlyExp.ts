import { importMonacoLayers } from './monacoLayers.ts';
export function early(text: string): Promise<void> {
  return Promise.all([import('./monacoParts.ts'), import('./setupMonaco.ts'), importMonacoLayers()]).then(
    ([{ EDITOR_OPTIONS }, { monaco, MODEL_URI }]) => {
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;left:346px;top:48px;width:465px;height:690px';
      document.body.append(host);
      const model = monaco.editor.createModel(text, 'json', monaco.Uri.parse(MODEL_URI + 'x'));
      monaco.editor.create(host, { ...EDITOR_OPTIONS, model, ariaLabel: 'Card JSON editor' });
      performance.mark('editor-ready');
    },
  );
}
