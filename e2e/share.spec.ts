import { readFileSync } from 'node:fs';
import { test, expect, shot, seriousAxeViolations, type Designer } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function openTemplates(designer: Designer) {
  await designer.toolbarButton('Templates').click();
  const dialog = designer.page.getByRole('dialog', { name: 'Templates' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openDrafts(designer: Designer) {
  await designer.toolbarButton('Open').click();
  await designer.page.getByRole('menuitem', { name: 'Drafts…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: 'Drafts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

function axeSerious(page: Page): Promise<string[]> {
  return seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] });
}

test('a template opens as one undo step and the card before it stays in Drafts', async ({ designer, page }, info) => {
  await designer.open();
  const before = await designer.editorText();
  const gallery = await openTemplates(designer);
  const tiles = gallery.getByRole('listitem');
  expect(await tiles.count()).toBeGreaterThanOrEqual(13);
  // Thumbnails are drawn by the real preview, lazily.
  await expect(gallery.locator('.share-thumb .mc-card, .share-thumb [data-path]').first()).toBeVisible();
  await shot(page, info.outputPath('template-gallery.png'));
  expect(await axeSerious(page)).toEqual([]);

  await gallery.getByRole('searchbox', { name: 'Search templates' }).fill('approval');
  await expect(tiles).toHaveCount(1);
  await shot(page, info.outputPath('template-gallery-search.png'));
  await gallery.getByRole('button', { name: /Approval with HttpPOST/ }).click();
  await expect(gallery).toBeHidden();
  await expect.poll(() => designer.editorText()).toContain('Approval needed: purchase request PR-2291');
  await expect(page.getByRole('status').filter({ hasText: 'Opened the template' })).toContainText('kept in Drafts');

  const drafts = await openDrafts(designer);
  await expect(drafts.getByRole('listitem')).toHaveCount(2);
  await expect(drafts).toContainText('Release 2.4 is ready for review');
  await page.keyboard.press('Escape');

  await designer.toolbarButton('Undo').click();
  await expect.poll(() => designer.editorText()).toBe(before);
});

test('drafts can be renamed, duplicated, opened and deleted, and survive a reload', async ({ designer, page }) => {
  await designer.open();
  await openTemplates(designer).then((g) => g.getByRole('button', { name: /Incident alert/ }).click());
  await expect.poll(() => designer.editorText()).toContain('checkout error rate');
  const drafts = await openDrafts(designer);
  const rows = drafts.getByRole('listitem');
  await expect(rows).toHaveCount(2);

  await drafts.getByRole('button', { name: /Rename “.*SEV-2/ }).click();
  const nameBox = drafts.getByRole('textbox', { name: /New name for/ });
  await nameBox.fill('Checkout incident');
  await nameBox.press('Enter');
  await expect(rows.first()).toContainText('Checkout incident');

  await drafts.getByRole('button', { name: 'Duplicate “Checkout incident”' }).click();
  await expect(rows).toHaveCount(3);
  await expect(drafts).toContainText('Checkout incident (copy)');

  await drafts.getByRole('button', { name: 'Open “Release 2.4 is ready for review”' }).click();
  await expect(drafts).toBeHidden();
  await expect.poll(() => designer.editorText()).toContain('Release 2.4 is ready for review');

  await openDrafts(designer);
  await drafts.getByRole('button', { name: 'Delete “Checkout incident (copy)”' }).click();
  await drafts.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await drafts.getByRole('button', { name: 'Close' }).click();
  await expect(drafts).toBeHidden();

  // Typing autosaves the open draft; a reload brings back the drafts and the open card.
  await designer.replaceText((await designer.editorText()).replaceAll('Release 2.4', 'Release 2.5'));
  await page.waitForTimeout(600);
  await designer.open({ keepStorage: true });
  await expect.poll(() => designer.editorText()).toContain('Release 2.5 is ready for review');
  await openDrafts(designer);
  await expect(rows).toHaveCount(2);
  await expect(drafts).toContainText('Checkout incident');
  await expect(drafts).toContainText('Release 2.5 is ready for review');
});

test('a share link carries the card and opens it as a new draft elsewhere', async ({
  designer,
  page,
  context,
}, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await designer.open();
  await openTemplates(designer).then((g) => g.getByRole('button', { name: /CI build failed/ }).click());
  await expect.poll(() => designer.editorText()).toContain('Build #1288');
  const card = JSON.parse(await designer.editorText());

  await designer.toolbarButton('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this card' });
  await expect(dialog).toContainText('characters');
  await shot(page, info.outputPath('share-dialog.png'));
  expect(await axeSerious(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const link = await clipboard(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#card=[A-Za-z0-9+\-$]+$/);
  expect(link).not.toMatch(/webhook|inbox/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Someone else opens the link: a fresh browser profile with its own card.
  const other = await context.browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  // The share feature opens the link once the editor is ready: on a loaded machine, as long as Monaco takes.
  await expect(otherPage.getByRole('status').filter({ hasText: 'Opened the shared card' })).toBeVisible({
    timeout: 30_000,
  });
  const opened = await otherPage.evaluate(() =>
    (window as unknown as { cardEditor?: { getValue(): string } }).cardEditor?.getValue(),
  );
  if (opened !== undefined) expect(JSON.parse(opened)).toEqual(card);
  await expect(otherPage.getByRole('region', { name: 'Card preview' })).toContainText('Build #1288 failed');
  // The card is gone from the address, so a reload does not open it again.
  expect(new URL(otherPage.url()).hash).toBe('');
  await other.close();
});

test('a long card shows its link length with a warning', async ({ designer, page }) => {
  await designer.open();
  const facts = Array.from({ length: 120 }, (_, i) => ({
    name: `Fact ${i} ${Math.random()}`,
    value: `${Math.random()}`,
  }));
  await designer.replaceText(JSON.stringify({ summary: 'Long', text: 'Long', sections: [{ facts }] }, null, 2));
  await designer.toolbarButton('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this card' });
  await expect(dialog).toContainText(/Longer than 2,000 characters: chat apps/);
});

for (const [name, hash] of [
  ['garbage', '#card=%%%not-a-card<>'],
  ['a payload of a megabyte', `#card=${'A'.repeat(1024 * 1024)}`],
] as const) {
  test(`a share link with ${name} shows an error and changes nothing`, async ({ designer, page }) => {
    await designer.open();
    const before = await designer.editorText();
    await page.goto(`/${hash}`);
    await expect(designer.editor).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your card was not changed');
    await page.waitForFunction(() => 'cardEditor' in window);
    expect(await designer.editorText()).toBe(before);
    await expect((await openDrafts(designer)).getByRole('listitem')).toHaveCount(1);
  });
}

test('a share link whose card holds script opens as inert text and runs nothing', async ({ designer, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await designer.open();
  const hostile = JSON.stringify({
    summary: 'x',
    title: '<img src=x onerror="window.__pwned=1">',
    text: '<script>window.__pwned=2;alert(1)</script>[click](javascript:alert(3))',
    sections: [{ markdown: false, text: '<img src=x onerror=alert(4)><a href="javascript:alert(5)">a</a>' }],
  });
  // Encode the link the way the Share button does, inside the page, with nothing but the app's output.
  await designer.replaceText(hostile);
  await designer.toolbarButton('Share').click();
  const link = await page.getByRole('dialog', { name: 'Share this card' }).getByRole('textbox').inputValue();
  await page.keyboard.press('Escape');
  await designer.open();
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the shared card' })).toBeVisible({
    timeout: 30_000,
  });
  const preview = page.getByRole('region', { name: 'Card preview' });
  await expect(preview).toContainText('<img src=x onerror="window.__pwned=1">');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await preview.locator('script').count()).toBe(0);
});

test('export copies indented and minified JSON with its size, and downloads the file', async ({
  designer,
  page,
  context,
}, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await designer.open();
  const text = await designer.editorText();
  const minified = JSON.stringify(JSON.parse(text));

  await designer.toolbarButton('Export').click();
  const menu = page.getByRole('menu');
  const bytes = new TextEncoder().encode(minified).length;
  await expect(menu.getByRole('menuitem', { name: /Copy minified/ })).toContainText(
    `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB of 28 KB`,
  );
  await shot(page, info.outputPath('export-menu.png'));
  await menu.getByRole('menuitem', { name: /Copy minified/ }).click();
  await expect.poll(() => clipboard(page)).toBe(minified);

  await designer.toolbarButton('Export').click();
  await page.getByRole('menuitem', { name: 'Copy JSON' }).click();
  await expect.poll(async () => JSON.parse(await clipboard(page))).toEqual(JSON.parse(text));
  expect(await clipboard(page)).toMatch(/^\{\n {2}"@type": "MessageCard",\n/);

  await designer.toolbarButton('Export').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download .json' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('release-24-is-ready-for-review.json');
  const file = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(file)).toEqual(JSON.parse(text));
});

test('import opens a pasted curl command, and explains what it cannot read', async ({ designer, page }, info) => {
  await designer.open();
  await designer.toolbarButton('Open').click();
  await page.getByRole('menuitem', { name: /Paste JSON or a code snippet/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a card or a snippet' });
  const box = dialog.getByRole('textbox');
  await box.fill(`curl -X POST -H 'Content-Type: application/json' -d @card.json https://example.com/hook`);
  await dialog.getByRole('button', { name: 'Open card' }).click();
  await expect(dialog).toContainText('reads its body from the file card.json');
  await shot(page, info.outputPath('import-error.png'));
  await box.fill(
    `curl -H 'Content-Type: application/json' \\\n  -d '{"summary": "Imported", "text": "It'\\''s from curl 🚀"}' https://example.com/hook`,
  );
  await dialog.getByRole('button', { name: 'Open card' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => JSON.parse(await designer.editorText()))
    .toEqual({ summary: 'Imported', text: "It's from curl 🚀" });
  await expect(page.getByRole('status').filter({ hasText: 'the curl command' })).toBeVisible();
});

test('import opens a .json file from the menu and from a drop on the window', async ({ designer, page }) => {
  await designer.open();
  await designer.toolbarButton('Open').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /Import a .json file/ }).click();
  await (
    await chooser
  ).setFiles({
    name: 'deploy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ summary: 'From a file', text: 'Opened from a file' })),
  });
  await expect.poll(async () => JSON.parse(await designer.editorText()).text).toBe('Opened from a file');

  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File([JSON.stringify({ summary: 'Dropped', text: 'Dropped on the window' })], 'dropped.json', {
        type: 'application/json',
      }),
    );
    return dt;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect.poll(async () => JSON.parse(await designer.editorText()).text).toBe('Dropped on the window');

  await expect((await openDrafts(designer)).getByRole('listitem')).toHaveCount(3);
});

test('in the dark theme the gallery, drafts and share dialogs pass axe', async ({ designer, page }, info) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await designer.open();
  const gallery = await openTemplates(designer);
  await expect(gallery.locator('.share-thumb .mc-card').first()).toBeVisible();
  await gallery.getByRole('searchbox', { name: 'Search templates' }).fill('build');
  await shot(page, info.outputPath('template-gallery-dark.png'));
  expect(await axeSerious(page)).toEqual([]);
  await gallery.getByRole('button', { name: /CI build unstable/ }).click();
  const drafts = await openDrafts(designer);
  await shot(page, info.outputPath('drafts-dark.png'));
  expect(await axeSerious(page)).toEqual([]);
  await drafts.getByRole('button', { name: 'Close' }).click();
});
