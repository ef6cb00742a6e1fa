/**
 * Monaco from the installed package, never from a CDN. Importing this module (only the lazily loaded
 * editor does) wires the slim entry points, the two workers Vite bundles, and the MessageCard schema.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
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
