import { readFileSync } from 'node:fs';
import { test, expect, Designer, seriousAxeViolations } from './fixtures.ts';

const card = (title: string) =>
  `${JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: title, title, text: `${title} text` }, null, 2)}\n`;

const axe = (designer: Designer) => seriousAxeViolations(designer.page, { exclude: ['[data-tabster-dummy]'] });

async function restore(designer: Designer, file: { name: string; mimeType: string; buffer: Buffer }) {
  await designer.toolbarButton('Open').click();
  await designer.page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('restore-file').setInputFiles(file);
  return dialog;
}

test('a backup moves every draft to another browser, and an older copy never replaces a newer draft', async ({
  designer,
  page,
  browser,
  baseURL,
}, info) => {
  // Three pages of the designer, each loading Monaco: more than one journey's usual time on a busy machine.
  test.slow();
  await designer.open();
  await designer.replaceText(card('Backed up card'));
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();

  await designer.toolbarButton('Export').click();
  await page.getByRole('menuitem', { name: 'Back up all drafts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Back up all drafts' });
  await expect(dialog).toContainText('Webhook URLs are never included');
  await page.screenshot({ path: info.outputPath('backup-dialog.png') });
  expect(await axe(designer)).toEqual([]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^messagecard-drafts-\d{4}-\d\d-\d\d\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('Backed up card');
  expect(text).not.toMatch(/\/api\/(inbox|workflows)/);
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) };

  // Another browser: its own card, then the backup restored beside it.
  const other = await browser.newContext({ baseURL });
  const second = new Designer(await other.newPage());
  await second.open();
  const restored = await restore(second, file);
  await expect(restored.getByRole('status')).toContainText('1 draft added');
  await second.page.screenshot({ path: info.outputPath('restore-dialog.png') });
  expect(await axe(second)).toEqual([]);
  await restored.getByRole('button', { name: 'Close' }).click();

  // The restored draft is changed there; restoring the same (now older) backup keeps the change.
  await second.toolbarButton('Open').click();
  await second.page.getByRole('menuitem', { name: 'Drafts…' }).click();
  const drafts = second.page.getByRole('dialog', { name: 'Drafts' });
  await drafts.getByRole('button', { name: 'Open “Backed up card”' }).click();
  await expect.poll(() => second.editorText()).toBe(card('Backed up card'));
  await second.replaceText(card('Backed up card, newer here'));
  await expect(second.page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
  const again = await restore(second, file);
  await expect(again.getByRole('status')).toContainText('1 draft kept as they are, newer here');
  await again.getByRole('button', { name: 'Close' }).click();
  expect(await second.editorText()).toBe(card('Backed up card, newer here'));

  // A file that is not a backup says so and changes nothing.
  const bad = await restore(second, {
    name: 'card.json',
    mimeType: 'application/json',
    buffer: Buffer.from(card('x')),
  });
  await expect(bad.getByRole('status')).toContainText('not a backup');
  expect(await second.editorText()).toBe(card('Backed up card, newer here'));
  await other.close();

  // A browser whose storage is full: the designer keeps working, says so once, and a backup still has the card.
  const full = await browser.newContext({ baseURL });
  await full.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.localStorage && key.includes(':draft:')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      setItem.call(this, key, value);
    };
  });
  const third = new Designer(await full.newPage());
  await third.open();
  await third.replaceText(card('Typed with a full storage'));
  const trouble = third.page.getByRole('alert').filter({ hasText: 'Your work is not being saved.' });
  await expect(trouble).toContainText('storage is full');
  await expect(third.page.getByRole('status').filter({ hasText: 'Not saved:' })).toBeVisible();
  await third.page.screenshot({ path: info.outputPath('storage-full.png') });
  await trouble.getByRole('button', { name: 'Back up all drafts…' }).click();
  const [kept] = await Promise.all([
    third.page.waitForEvent('download'),
    third.page
      .getByRole('dialog', { name: 'Back up all drafts' })
      .getByRole('button', { name: 'Download backup' })
      .click(),
  ]);
  expect(readFileSync(await kept.path(), 'utf8')).toContain('Typed with a full storage');
  await full.close();
});
