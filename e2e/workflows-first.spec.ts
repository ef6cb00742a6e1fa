import type { Page } from '@playwright/test';
import { test, expect, shot, seriousAxeViolations } from './fixtures.ts';

/** Serious or critical axe findings in the toolbar and the right pane (Fluent's focus-trap helpers excluded). */
function axeSerious(page: Page): Promise<string[]> {
  return seriousAxeViolations(page, {
    include: ['header.app-header', '.preview-tabs'],
    exclude: ['[data-tabster-dummy]'],
  });
}

test('a first start checks and previews for Workflows, compares both outcomes, and keeps the choices', async ({
  designer,
  page,
}, info) => {
  await designer.open({ fresh: true });
  const checkFor = page.getByRole('toolbar', { name: 'Card commands' }).getByLabel('Check for');
  const host = designer.preview.getByRole('group', { name: 'Preview options' }).getByLabel('Host');
  await expect(checkFor).toHaveValue('workflows');
  await expect(checkFor.locator('option:checked')).toHaveText('Teams Workflows');
  await expect(checkFor.locator('option[value="teams"]')).toHaveText('Connector (retired 2026)');
  await expect(host.locator('option:checked')).toHaveText('Teams via Workflows');

  // The welcome card has four buttons: Workflows draws none of them, and the preview says so.
  const card = designer.preview.getByTestId('preview-card');
  await expect(card).toContainText('Release 2.4 is ready for review');
  await expect(designer.preview.getByText('The flow owner used a Workflow template')).toBeVisible();
  await expect(designer.preview.getByRole('button', { name: 'Open release notes' })).toHaveCount(0);
  await expect(designer.preview.getByRole('button', { name: 'Comment' })).toHaveCount(0);
  await expect(designer.preview.getByTestId('workflows-actions-not-drawn')).toContainText(
    '4 actions are not drawn: Workflows posts a MessageCard without its buttons.',
  );
  await shot(page, info.outputPath('workflows-preview.png'));
  expect(await axeSerious(page)).toEqual([]);

  // Both outcomes side by side, each with its verdict.
  await page.getByRole('tab', { name: 'Compare on Workflows' }).click();
  const compare = page.getByRole('region', { name: 'Both outcomes on Workflows' });
  await expect(compare.getByRole('heading', { name: 'MessageCard, as it is' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: 'Adaptive Card 1.4, converted' })).toBeVisible();
  await expect(compare.getByTestId('compare-verdict-mc')).toHaveText(
    '4 buttons not shown: Workflows draws no buttons.',
  );
  await expect(compare.getByTestId('compare-verdict-adaptive')).toContainText('lost in conversion');
  const rendered = compare.locator('.ac-adaptiveCard');
  await expect(rendered).toContainText('Release 2.4 is ready for review');
  await expect(rendered.getByRole('button', { name: 'Comment' })).toBeVisible();
  const columns = [
    compare.getByRole('heading', { level: 3 }).first(),
    compare.getByRole('heading', { level: 3 }).last(),
  ];
  const [left, right] = await Promise.all(columns.map((c) => c.boundingBox()));
  expect(right!.x).toBeGreaterThan(left!.x + 150); // next to each other at 1280 px, not one above the other
  expect(Math.abs(right!.y - left!.y)).toBeLessThan(2);
  await shot(page, info.outputPath('workflows-side-by-side.png'));
  expect(await axeSerious(page)).toEqual([]);

  // The retired connector draws the buttons again; a host picked in the preview is kept.
  await checkFor.selectOption({ label: 'Connector (retired 2026)' });
  await page.getByRole('tab', { name: 'Teams preview' }).click();
  await expect(host.locator('option:checked')).toHaveText('Teams light');
  await expect(designer.preview.getByRole('button', { name: 'Open release notes' })).toBeVisible();
  await host.selectOption({ label: 'Teams via Workflows' });
  await expect(designer.preview.getByRole('button', { name: 'Open release notes' })).toHaveCount(0);

  // Both choices survive a reload.
  await page.reload();
  await expect(designer.editor).toBeVisible();
  await expect(checkFor).toHaveValue('teams');
  await expect(host.locator('option:checked')).toHaveText('Teams via Workflows');
  await expect(designer.preview.getByTestId('workflows-actions-not-drawn')).toBeVisible();

  // The connector package is for existing connector owners, in the "More" menu.
  await page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'More' }).click();
  await expect(
    page.getByRole('menuitem', { name: 'Connector package (for existing connector owners)…' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
});
