import { test, expect } from './fixtures.ts';

test('a reload restores an unparseable text exactly, and the cursor', async ({ designer, page }) => {
  await designer.open();
  const broken = '{\n  "summary": "Half typed",\n  "sections": [\n    { "title": "Unfinished\n';
  await designer.replaceText(broken);
  await designer.setCursor(broken.indexOf('Half'));
  await expect(page.getByRole('status').filter({ hasText: /Saved in this browser/ })).toBeVisible();

  await page.reload();
  await expect(designer.editor).toBeVisible();
  await page.waitForFunction(() => 'cardEditor' in window);
  expect(await designer.editorText()).toBe(broken);
  expect(await designer.cursorOffset()).toBe(broken.indexOf('Half'));
  await expect(designer.preview.getByRole('status')).toContainText('Preview out of date');
});

test('the size of the panes is remembered', async ({ designer, page }) => {
  await designer.open();
  const divider = page.getByRole('separator', { name: 'Resize the JSON and preview panes' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '60');
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the JSON and preview panes' })).toHaveAttribute(
    'aria-valuenow',
    '60',
  );
});
