/**
 * Stand-in for Monaco's minimap, which the JSON panes turn off (`EDITOR_OPTIONS`). The editor's view
 * always creates one and adds its element; turned off, the real one draws nothing either. This one is
 * an empty element that takes part in the view's rendering without doing anything.
 */
import { createFastDomNode } from 'monaco-editor/base/browser/fastDomNode';
import { ViewPart } from 'monaco-editor/editor/browser/view/viewPart';

export class Minimap extends ViewPart {
  private readonly domNode = createFastDomNode(document.createElement('div'));

  constructor(context: unknown) {
    super(context);
    this.domNode.setPosition('absolute');
  }

  getDomNode(): unknown {
    return this.domNode;
  }

  prepareRender(): void {}

  render(): void {}
}
