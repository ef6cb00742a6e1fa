import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, Designer, seriousAxeViolations } from './fixtures.ts';

const card = (title: string) =>
  `${JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: title, title, text: `${title} text` }, null, 2)}\n`;

async function openTab(context: BrowserContext): Promise<Designer> {
  const designer = new Designer(await context.newPage());
  await designer.open({ keepStorage: true });
  return designer;
}

async function saved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
}

async function draftNames(designer: Designer): Promise<string[]> {
  await designer.toolbarButton('Open').click();
  await designer.page.getByRole('menuitem', { name: 'Drafts…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: 'Drafts' });
  await expect(dialog).toBeVisible();
  const names = await dialog.locator('.share-draft-name').allInnerTexts();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return names.map((n) => n.replace(/\s*open$/, '').trim());
}

for (const order of ['first tab closed first', 'second tab closed first'] as const) {
  test(`two tabs editing at once both keep their card (${order})`, async ({ designer, context }, info) => {
    // Three pages of the designer, each loading Monaco: more than one journey's usual time on a busy machine.
    test.slow();
    await designer.open();
    const a = designer;
    const b = await openTab(context);
    // Each tab works on its own draft: typing in both at once loses neither.
    await a.replaceText(card('Card from tab A'));
    await b.replaceText(card('Card from tab B'));
    await saved(a.page);
    await saved(b.page);

    if (order === 'first tab closed first') {
      // Tab B opens tab A's card, then tab A changes it: B is asked, and nothing is written over.
      await b.toolbarButton('Open').click();
      await b.page.getByRole('menuitem', { name: 'Drafts…' }).click();
      const drafts = b.page.getByRole('dialog', { name: 'Drafts' });
      await drafts.getByRole('button', { name: 'Open “Card from tab A”' }).click();
      await expect.poll(() => b.editorText()).toBe(card('Card from tab A'));
      await a.replaceText(card('Card from tab A, changed'));
      const prompt = b.page.getByRole('alertdialog', { name: 'This card was changed in another tab' });
      await expect(prompt).toBeVisible();
      await b.page.screenshot({ path: info.outputPath('conflict-prompt.png') });
      expect(await seriousAxeViolations(b.page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);
      await prompt.getByRole('button', { name: 'Use the other version' }).click();
      await expect(prompt).toBeHidden();
      await expect.poll(() => b.editorText()).toBe(card('Card from tab A, changed'));
      await a.page.close();
      await b.page.close();
    } else {
      await b.page.close();
      await a.page.close();
    }

    // A tab opened later finds both cards.
    const c = await openTab(context);
    const names = await draftNames(c);
    const expectedA = order === 'first tab closed first' ? 'Card from tab A, changed' : 'Card from tab A';
    expect(names).toContain(expectedA);
    expect(names).toContain('Card from tab B');
  });
}
