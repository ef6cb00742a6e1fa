/**
 * Monaco from the installed package, never from a CDN. Importing this module (only the lazily loaded
 * editor does) wires the slim entry points, the two workers Vite bundles, and the MessageCard schema.
 */
import * as monaco from 'monaco-editor/editor';
// Only the editor contributions the JSON panes use, not `features/register.all` (about a third of Monaco's
// code: the diff editor, the command palette, code lenses, inlay hints, inline completions, sticky scroll...).
// Editing and moving: clipboard, cursor undo, line and word operations, multiple cursors, smart and line
// selection, drag and drop, indentation, Ctrl+M to leave the editor with Tab (keyboard users).
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
// What the JSON language service and the schema offer: completion, hover documentation and problems,
// F8 through the problems, folding, bracket matching, format document; then find and the context menu.
import 'monaco-editor/features/suggest/register';
// The suggest widget itself: `features/suggest/register` brings only its inline variant.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/codicon/register';
import * as json from 'monaco-editor/languages/features/json/register';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { MESSAGE_CARD_SCHEMA_URI, messageCardSchema } from '../../card/schema.ts';

/** The model this editor edits; the schema is bound to it alone, not to every JSON model (`fileMatch: ['*']`). */
export const MODEL_URI = 'inmemory://messagecard-designer/card.json';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  // The schema only rejects what the rule catalogue calls an error; tolerated values pass it.
  schemaValidation: 'error',
  schemas: [{ uri: MESSAGE_CARD_SCHEMA_URI, fileMatch: [MODEL_URI], schema: messageCardSchema }],
});

loader.config({ monaco });

// End-to-end tests read markers and move the cursor through this handle; production builds do not expose it.
if (import.meta.env.MODE !== 'production') (window as unknown as { monaco: typeof monaco }).monaco = monaco;

export { monaco };
