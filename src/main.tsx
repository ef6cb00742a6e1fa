/**
 * The page's first script, kept small so that it runs at once: it decides which card the tab opens,
 * paints the last visit's picture of that card if there is a right one (`features/preview/lastPicture.ts`),
 * and starts the app, whose code replaces the picture with the live designer.
 *
 * The app's code is fetched when this script runs, not listed in index.html for preloading: measured on a
 * 2-core machine, compiling it beside this script delayed the picture by about 150 ms and readied neither
 * the live card nor the editor sooner. After a picture, it is fetched in the next task: starting the fetch
 * (Vite requests the app's twenty-odd chunks at once) took 50 to 90 ms of this task, which the picture's
 * first frame waited for; measured, the picture shows about 100 ms sooner and the live card and the
 * editor no later.
 *
 * With a picture on screen the card is already there, and the editor comes next: where the last visit
 * left it, this script creates the editor first and starts the app after it (`features/editor/earlyEditor.ts`).
 */
import { loadDocument } from './store/persistence.ts';
import { paintPicture } from './features/preview/lastPicture.ts';
import { readEditorPlace } from './features/editor/editorPlace.ts';
import { importMonacoLayers } from './features/editor/monacoLayers.ts';
import { currentScreen } from './lib/screen.ts';
// The designer's base styles, in the page's first style sheet: the picture is drawn with them.
import './app/app.css';

const root = document.getElementById('root')!;
// A share link opens its own card (`app/start.tsx`): no picture of the saved one may show first.
const linked = location.hash.length > 1;
const saved = loadDocument();
const painted = !linked && saved !== undefined && paintPicture(root, saved.text);
// Not in development, where React's strict mode mounts the JSON pane twice (`earlyEditor.ts`).
const editorPlace = painted && !import.meta.env.DEV ? readEditorPlace() : undefined;
/** The early editor's text when the app never took it over (`earlyEditor.ts`), once there is one. */
let untakenText: (saved: string) => string | undefined = () => undefined;

const startApp = () =>
  import('./app/start.tsx')
    .then((app) => app.start(root, saved))
    .catch(() => {
      // Without its code the designer cannot run: say so in place of the picture, which cannot be used.
      const message = document.createElement('p');
      message.className = 'boot-failed';
      message.setAttribute('role', 'alert');
      message.textContent =
        'The designer could not load its code (the network or the server failed). Your card is kept in this browser: reload the page to try again.';
      if (saved && untakenText(saved.text) !== undefined) {
        message.textContent +=
          ' What you changed in the JSON editor since the page opened is not saved: copy it before you reload.';
      }
      root.replaceChildren(message);
    });

/**
 * The editor, then the app. Monaco's layers are requested here together with the editor's module, so that
 * they download and parse side by side (`monacoLayers.ts`) without waiting for that module first. If the
 * editor cannot be created, the app starts all the same and its JSON pane tries again.
 */
const startEditorFirst = (text: string, place: NonNullable<typeof editorPlace>) =>
  Promise.all([import('./features/editor/earlyEditor.ts'), importMonacoLayers()])
    .then(([module]) => {
      untakenText = module.untakenText;
      module.createEarlyEditor(text, place, currentScreen().dark);
    })
    .catch(() => {})
    // The app's code in a task of its own, after the editor's first frame has been asked for.
    .then(() => setTimeout(startApp, 0));

if (editorPlace && saved) setTimeout(() => startEditorFirst(saved.text, editorPlace), 0);
else if (painted) setTimeout(startApp, 0);
else void startApp();
