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

function watchPreview() {
  const w = window as unknown as { __titles: { text: string; at: number }[] };
  w.__titles = [];
  new MutationObserver(() => {
    const title = document.querySelector('[aria-label="Card preview"] [data-testid="preview-title"]');
    const text = title?.textContent ?? '';
    if (title && w.__titles.at(-1)?.text !== text) w.__titles.push({ text, at: performance.now() });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function firstScreen(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('editor-ready').length > 0);
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('editor-ready')[0]!.startTime;
    return {
      ready,
      titles: (window as unknown as { __titles: { text: string; at: number }[] }).__titles,
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
  // The restored card is the first and only card drawn, before the editor is ready.
  expect(first.titles.map((t) => t.text)).toEqual(['The card from the last visit']);
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
  expect(linked.titles.map((t) => t.text)).toEqual(['The card from the link']);
  expect(linked.titles[0]!.at).toBeLessThan(linked.ready);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the shared card' })).toContainText(
    'The card from the last visit',
  );
  expect(new URL(page.url()).hash).toBe('');
});
