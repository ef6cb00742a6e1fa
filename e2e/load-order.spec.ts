import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/**
 * The order of the first screen (issue 14), without any timing: the card is drawn before the editor is
 * ready, it is the right card from its first frame, and the features the first screen does not use are
 * requested only after the editor is ready. Every moment is read from the page's own clock: the preview's
 * title as it appears (an init script, before the app runs), the editor's `editor-ready` mark, and the
 * start of each script request (Resource Timing).
 */

/** Chunks of the parts the first screen does not show: forms, send, share, package (view and store), Adaptive Cards, dialogs. */
const LATER =
  /\/(FormsPane|SendFeature|ShareFeature|PackageWorkspace|packageStore|AdaptiveCard\w*|CompareWorkflows|ActionCardPanel|ActionDialogs|AboutPreviewDialog)-[^/]*\.js$/;

/** A title the preview drew: its text, when and where, and whether in the last picture. */
interface Seen {
  text: string;
  at: number;
  picture: boolean;
  top: number;
  left: number;
}

/**
 * Records the preview's title each time it changes: in the live preview, or in the last visit's picture
 * (`picture: true`) that the page's first script paints. When and where it was drawn are read in the next
 * animation frame, which the browser runs only once the page's style sheets have arrived: before that,
 * nothing is painted and a box read at once would be measured without them.
 */
function watchPreview() {
  const w = window as unknown as { __titles: Seen[] };
  w.__titles = [];
  new MutationObserver(() => {
    const live = document.querySelector('[aria-label="Card preview"] [data-testid="preview-title"]');
    const title = live ?? document.querySelector('[data-testid="last-picture"] [data-testid="preview-title"]');
    const text = title?.textContent ?? '';
    const last = w.__titles.at(-1);
    if (!title || (last?.text === text && last.picture === !live)) return;
    const seen: Seen = { text, at: Number.NaN, picture: !live, top: Number.NaN, left: Number.NaN };
    w.__titles.push(seen);
    requestAnimationFrame(() => {
      const box = title.getBoundingClientRect();
      Object.assign(seen, { at: performance.now(), top: box.top, left: box.left });
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function firstScreen(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('editor-ready').length > 0);
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('editor-ready')[0]!.startTime;
    return {
      ready,
      titles: (window as unknown as { __titles: Seen[] }).__titles,
      scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => /\.js$/.test(new URL(r.name).pathname))
        .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime })),
    };
  });
}

test('the card shows first, then the editor, then the rest; a share link draws its own card from the first frame', async ({
  designer,
  page,
}) => {
  const restored = JSON.stringify({ summary: 'Restored', title: 'The card from the last visit', text: 'Kept.' });
  await page.addInitScript(watchPreview);
  await page.addInitScript((text) => {
    if (localStorage.getItem('messagecard-designer:text:v1') === null) {
      localStorage.setItem('messagecard-designer:text:v1', JSON.stringify(text));
    }
  }, restored);
  await designer.open({ keepStorage: true });

  const first = await firstScreen(page);
  // The restored card is the first and only card drawn, before the editor is ready (no picture yet: the
  // card was never drawn in this browser).
  expect(first.titles.map((t) => [t.text, t.picture])).toEqual([['The card from the last visit', false]]);
  expect(first.titles[0]!.at).toBeLessThan(first.ready);
  // The editor's own code is among what loaded before it was ready; none of the later parts is.
  expect(first.scripts.filter((s) => s.start < first.ready).map((s) => s.path)).toContainEqual(
    expect.stringMatching(/monaco/i),
  );
  expect(first.scripts.filter((s) => s.start < first.ready && LATER.test(s.path)).map((s) => s.path)).toEqual([]);
  // ...and they do come once it is ready: the forms and the toolbar's feature commands.
  await expect(page.getByRole('region', { name: 'Outline and properties' })).toBeVisible();
  await expect(designer.toolbarButton('Share')).toBeVisible();
  const later = await firstScreen(page);
  expect(later.scripts.filter((s) => LATER.test(s.path)).length).toBeGreaterThan(0);

  // A share link opened in a new page of the same browser: its card is the first one drawn, not the saved one.
  await page.goto('about:blank');
  const shared = JSON.stringify({ summary: 'Shared', title: 'The card from the link', text: 'Sent by a colleague.' });
  await page.goto(`/#card=${LZString.compressToEncodedURIComponent(shared)}`);
  const linked = await firstScreen(page);
  // The saved card's picture, if the first visit left one, is not painted for a link to another card.
  expect(linked.titles.map((t) => [t.text, t.picture])).toEqual([['The card from the link', false]]);
  expect(linked.titles[0]!.at).toBeLessThan(linked.ready);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the shared card' })).toContainText(
    'The card from the last visit',
    { timeout: 30_000 },
  );
  expect(new URL(page.url()).hash).toBe('');
});

const PICTURE_KEY = 'messagecard-designer:picture:v1';

/** Waits until the stored picture is of the card in the editor (it is taken a moment after each change). */
async function pictureTaken(page: Page) {
  await page.waitForFunction(
    (key) => {
      const stored = localStorage.getItem(key);
      const editor = (window as unknown as { cardEditor: { getModel(): { getValue(): string } } }).cardEditor;
      return stored !== null && (JSON.parse(stored) as { text: string }).text === editor.getModel().getValue();
    },
    PICTURE_KEY,
    { timeout: 10_000 },
  );
}

interface PictureChange {
  text?: string;
  width?: number;
  /** Markup added at the end of the pictured pane. */
  append?: string;
}

/**
 * Changes the stored picture on the next load, before the page's first script reads it: leaving the page
 * stores a fresh picture, so a change made before the reload would be overwritten.
 */
function changePictureOnLoad() {
  const raw = sessionStorage.getItem('e2e:picture-change');
  const stored = localStorage.getItem('messagecard-designer:picture:v1');
  if (raw === null || stored === null) return;
  sessionStorage.removeItem('e2e:picture-change');
  const change = JSON.parse(raw) as { text?: string; width?: number; append?: string };
  const picture = JSON.parse(stored) as { text: string; html: string; screen: { width: number } };
  if (change.text !== undefined) picture.text = change.text;
  if (change.width !== undefined) picture.screen.width = change.width;
  if (change.append !== undefined) picture.html = picture.html.replace(/<\/section>$/, `${change.append}</section>`);
  localStorage.setItem('messagecard-designer:picture:v1', JSON.stringify(picture));
}

async function reloadWithPicture(page: Page, change: PictureChange) {
  await page.evaluate((c) => sessionStorage.setItem('e2e:picture-change', JSON.stringify(c)), change);
  await page.reload();
}

test('a return visit paints the last picture of its card at once, and the live card replaces it in the same place', async ({
  designer,
  page,
}) => {
  const card = JSON.stringify({ summary: 'Back', title: 'The card drawn last time', text: 'Still here.' }, null, 2);
  await page.addInitScript(watchPreview);
  await page.addInitScript(changePictureOnLoad);
  await designer.open();
  await designer.replaceText(card);
  await pictureTaken(page);

  await page.reload();
  // The picture first; then the editor, created before the app (the card is already on screen); then the
  // live card, the same card in the same place.
  await expect(page.getByRole('group', { name: /The card drawn last time/ })).toBeVisible();
  const back = await firstScreen(page);
  expect(back.titles.map((t) => [t.text, t.picture])).toEqual([
    ['The card drawn last time', true],
    ['The card drawn last time', false],
  ]);
  const [picture, live] = back.titles;
  expect(Math.abs(picture!.top - live!.top)).toBeLessThanOrEqual(1);
  expect(Math.abs(picture!.left - live!.left)).toBeLessThanOrEqual(1);
  expect(picture!.at).toBeLessThan(back.ready);
  expect(live!.at).toBeGreaterThan(back.ready);
  // Only the editor's code and the first script came before the editor was ready: not the app, nor any later part.
  expect(back.scripts.filter((s) => s.start < back.ready && /\/(start|App)-[^/]*\.js$/.test(s.path))).toEqual([]);
  expect(back.scripts.filter((s) => s.start < back.ready && LATER.test(s.path)).map((s) => s.path)).toEqual([]);
  // The live designer replaced it: no picture is left, and the card is the usable one.
  await expect(page.getByTestId('last-picture')).toHaveCount(0);

  // A picture of another text (another draft, another tab's card) is never painted.
  await reloadWithPicture(page, { text: '{"title":"Another card"}' });
  const other = await firstScreen(page);
  expect(other.titles.map((t) => [t.text, t.picture])).toEqual([['The card drawn last time', false]]);

  // Nor one taken in a window of another size, where the card would not sit in the same place.
  await reloadWithPicture(page, { width: 1000 });
  const resized = await firstScreen(page);
  expect(resized.titles.map((t) => [t.text, t.picture])).toEqual([['The card drawn last time', false]]);

  // While the JSON is broken the preview shows the last good card, not the text: no picture is kept.
  await designer.replaceText('{ "summary": "Back", "title": ');
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), PICTURE_KEY), { timeout: 10_000 })
    .toBeNull();
  // Mended, the card is pictured again.
  await designer.replaceText(card);
  await pictureTaken(page);
});

test('on a return visit the editor is usable before the app, in its place, and what is typed in it is kept', async ({
  designer,
  page,
}) => {
  await designer.open();
  await designer.replaceText(JSON.stringify({ summary: 'Early', title: 'Typed before the app' }, null, 2));
  await pictureTaken(page);
  const pane = page.getByRole('region', { name: 'Card JSON' }).locator('.monaco-editor[role="code"]');
  const place = await pane.boundingBox();

  // The app's code is held back: the editor is there without it, over the place the pane had.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  const early = page.locator('.early-editor .monaco-editor[role="code"]');
  await expect(early).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Card commands' })).toHaveCount(0);
  const earlyBox = await early.boundingBox();
  for (const side of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(earlyBox![side] - place![side])).toBeLessThanOrEqual(1);
  }
  // Typed into before the app has started.
  await early.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(',\n"text": "Kept"');

  release();
  // The app's JSON pane took the same editor over: one editor, the typed text, still focused, in the preview.
  await expect(page.getByRole('toolbar', { name: 'Card commands' })).toBeVisible();
  await page.waitForFunction(() => 'cardEditor' in window);
  await expect(page.locator('.monaco-editor[role="code"]')).toHaveCount(1);
  await expect(page.locator('.early-editor')).toHaveCount(0);
  expect(JSON.parse(await designer.editorText())).toEqual({
    summary: 'Early',
    title: 'Typed before the app',
    text: 'Kept',
  });
  await expect(page.getByRole('region', { name: 'Card preview' }).getByText('Kept', { exact: true })).toBeVisible();
  await page.keyboard.type(' ');
  await expect.poll(() => designer.editorText()).toContain('"Kept" ');
  // ...and it is saved as the card: a reload brings it back.
  await page.unroute(/\/assets\/start-[^/]*\.js$/);
  await page.reload();
  await page.waitForFunction(() => 'cardEditor' in window);
  expect(JSON.parse(await designer.editorText())).toEqual({
    summary: 'Early',
    title: 'Typed before the app',
    text: 'Kept',
  });
});

test('a stored picture with script in it paints inert and runs nothing', async ({ designer, page }) => {
  await page.addInitScript(watchPreview);
  await page.addInitScript(changePictureOnLoad);
  await designer.open();
  await designer.replaceText(JSON.stringify({ summary: 'Plain', title: 'A plain card' }));
  await pictureTaken(page);
  // Something else wrote a picture of the same card with script in it.
  await reloadWithPicture(page, {
    append:
      '<img src="https://127.0.0.1:9/x.png" onerror="window.__ran=1"><script>window.__ran=2</script>' +
      '<a href="javascript:window.__ran=3">link</a><iframe srcdoc="<script>parent.__ran=4</script>"></iframe>',
  });
  await expect(page.getByRole('group', { name: /A plain card/ })).toBeVisible();
  const shown = await firstScreen(page);
  expect(shown.titles.map((t) => [t.text, t.picture])).toEqual([
    ['A plain card', true],
    ['A plain card', false],
  ]);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
});
