/**
 * Stand-ins for two workbench services that Monaco's standalone services register: the quick input
 * (the command palette's list and input box) and the list service, which tracks the workbench's lists
 * and trees. The JSON panes register no command palette, quick access or tree; the two actions left that
 * would open a quick input (find's "go to match" and indentation's "change tab size") have neither a key
 * nor a menu entry in the panes. Without them Monaco's tree widgets, tables and quick input stay out.
 */
import { createDecorator } from 'monaco-editor/platform/instantiation/common/instantiation';
import { notIncluded } from './notIncluded.ts';

export class QuickInputService {
  constructor() {
    notIncluded('The quick input');
  }
}

export const IListService: unknown = createDecorator('listService');

/** No list or tree registers with it, so none was ever focused. */
export class ListService {
  readonly lastFocusedList = undefined;

  register(): { dispose(): void } {
    return { dispose() {} };
  }

  dispose(): void {}
}
