/**
 * The JSON editor created before the app, on a return visit (issue 14).
 *
 * On a return visit the first script paints the last picture of the card, so the card is on screen at
 * once; what the user waits for next is the editor. Monaco and the app's first screen both take the
 * two cores for most of a second, and whichever comes first delays the other: the app first, the
 * editor was ready at about 2 s; the editor first, at about 1.4 s with less than half the long tasks.
 * So on such a visit the first script creates the editor itself, where the last visit left it
 * (`editorPlace.ts`), then starts the app, whose JSON pane takes this editor over (`JsonEditor.tsx`):
 * the same model, the same DOM, whatever the user typed in the meantime included.
 *
 * Only in builds without React's strict mode checks: in development they unmount and mount every
 * component once more, which would dispose of the editor taken over.
 */
import { EDITOR_CONTAINER_CLASS, EDITOR_OPTIONS, type CodeEditor } from './monacoParts.ts';
import { monaco, MODEL_URI } from './setupMonaco.ts';
import type { Box } from '../../lib/screen.ts';

export interface EarlyEditor {
  editor: CodeEditor;
  /** The element the editor was created in; the JSON pane moves it into its own. */
  host: HTMLElement;
}

let waiting: EarlyEditor | undefined;

/** Creates the card editor over `box` of the window, on `text`, and keeps it for the JSON pane. */
export function createEarlyEditor(text: string, box: Box, dark: boolean): void {
  const host = document.createElement('div');
  host.className = `early-editor ${EDITOR_CONTAINER_CLASS}`;
  Object.assign(host.style, {
    position: 'fixed',
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  document.body.append(host);
  const model = monaco.editor.createModel(text, 'json', monaco.Uri.parse(MODEL_URI));
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  let editor: CodeEditor;
  try {
    editor = monaco.editor.create(host, {
      ...EDITOR_OPTIONS,
      model,
      ariaLabel: 'Card JSON editor',
      theme: dark ? 'vs-dark' : 'vs',
    });
  } catch (error) {
    // Nothing half made is left for the pane, which then creates its own editor.
    model.dispose();
    host.remove();
    throw error;
  }
  waiting = { editor, host };
  // The moment the JSON editor is usable (as `JsonEditor.tsx` marks it when it creates the editor itself).
  performance.mark('editor-ready');
}

/**
 * The early editor waiting for the JSON pane, if there is one. Read while rendering, so it takes nothing:
 * React may throw a render away and run it again (a part suspending), and the editor must still be there.
 * The pane claims it when it moves it in (`moveEarlyEditor`).
 */
export function waitingEarlyEditor(): EarlyEditor | undefined {
  return waiting;
}

/**
 * Claims the early editor and moves it out of its fixed place into `container`, which it fills; focus, if
 * the user was typing, stays in it. Returns the editor.
 */
export function moveEarlyEditor(early: EarlyEditor, container: HTMLElement): CodeEditor {
  if (waiting === early) waiting = undefined;
  const { editor, host } = early;
  const focused = editor.hasTextFocus();
  host.removeAttribute('style');
  host.className = `taken-editor ${EDITOR_CONTAINER_CLASS}`;
  container.append(host);
  editor.layout();
  if (focused) editor.focus();
  return editor;
}

/** The text of an early editor no pane took over (the app could not start), if it differs from `saved`. */
export function untakenText(saved: string): string | undefined {
  const text = waiting?.editor.getValue();
  return text !== undefined && text !== saved ? text : undefined;
}
