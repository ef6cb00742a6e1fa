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
 */
import { loadDocument } from './store/persistence.ts';
import { paintPicture } from './features/preview/lastPicture.ts';
// The designer's base styles, in the page's first style sheet: the picture is drawn with them.
import './app/app.css';

const root = document.getElementById('root')!;
// A share link opens its own card (`app/start.tsx`): no picture of the saved one may show first.
const linked = location.hash.length > 1;
const saved = loadDocument();
const painted = !linked && saved !== undefined && paintPicture(root, saved.text);

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
      root.replaceChildren(message);
    });

if (painted) setTimeout(startApp, 0);
else void startApp();
