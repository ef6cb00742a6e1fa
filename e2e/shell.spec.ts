import { test, expect, shot, seriousAxeViolations } from './fixtures.ts';

test('the app requests nothing outside its own origin', async ({ designer, page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await designer.open();
  // Exercise completion and hover too: they must not fetch schemas or fonts from anywhere.
  await designer.setCursor((await designer.editorText()).indexOf('"title"'));
  await page.keyboard.press('Control+Space');
  await page.waitForTimeout(500);
  expect(foreign).toEqual([]);
});

test('the preview shows before the editor has loaded', async ({ page }) => {
  let releaseMonaco: () => void = () => {};
  const monacoHeld = new Promise<void>((resolve) => (releaseMonaco = resolve));
  await page.route(/JsonEditor|editor\.api|monaco/i, async (route) => {
    await monacoHeld;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Card preview' }).getByTestId('preview-title')).toBeVisible();
  await expect(page.getByText('Loading the JSON editor…')).toBeVisible();
  releaseMonaco();
  await expect(page.locator('.monaco-editor')).toBeVisible();
});

test('a part whose code cannot be fetched says so, and the rest of the designer keeps working', async ({
  designer,
  page,
}) => {
  // As if the connection dropped, or a new version was deployed since the page was opened.
  await page.route(/\/assets\/FormsPane-[^/]*\.js$/, (route) => route.abort('failed'));
  await designer.open();
  const forms = page.getByRole('region', { name: 'Outline and properties' }).or(page.locator('.workspace-forms'));
  await expect(forms.getByRole('alert')).toContainText('The outline and forms could not be loaded.');
  await expect(forms.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  // The toolbar, the editor and the preview still work.
  await expect(designer.toolbarButton('Send')).toBeVisible();
  await designer.replaceText('{"@type":"MessageCard","summary":"s","title":"Still drawn"}');
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Still drawn');
});

test('completion offers the fields of a MessageCard from its schema', async ({ designer, page }) => {
  await designer.open();
  await designer.replaceText('{\n  "summary": "x",\n  \n}');
  await designer.setCursor('{\n  "summary": "x",\n  '.length);
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('themeColor');
  await expect(suggestions).toContainText('potentialAction');
});

test('hovering a field shows what it does and what Teams does with it', async ({ designer, page }) => {
  await designer.open();
  const text = await designer.editorText();
  await designer.setCursor(text.indexOf('"themeColor"') + 3);
  // Ctrl+K Ctrl+I is Monaco's keyboard way to show the hover of the word under the cursor.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover').filter({ hasText: /colou?r/i });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText(/Teams/);
});

test('the editor finds, walks its problems with F8, and draws its context menu over the text', async ({
  designer,
  page,
}) => {
  await designer.open();
  await designer.replaceText('{\n  "summary": "Weekly report",\n  "themeColor": 5\n}');
  await designer.setCursor(0);
  await page.keyboard.press('Control+F');
  await page.keyboard.type('report');
  const find = page.locator('.find-widget');
  await expect(find).toHaveClass(/\bvisible\b/);
  await expect(find.locator('.matchesCount')).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(find).not.toHaveClass(/\bvisible\b/);

  // The schema's error on themeColor, in Monaco's problem view under its line.
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toBeVisible();
  await expect(page.locator('.marker-widget')).toContainText(/string/i);
  await page.keyboard.press('Escape');

  await page.locator('.monaco-editor[role="code"] .view-lines').click({ button: 'right' });
  const menu = page.locator('.context-view > .monaco-scrollable-element');
  await expect(menu.getByText('Format Document')).toBeVisible();
  // Drawn with the theme's menu colour: an unthemed menu had no background and showed the text through it.
  expect(await menu.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('below 1024 pixels the panes become tabs', async ({ designer, page }) => {
  await designer.open();
  await page.setViewportSize({ width: 900, height: 700 });
  const tabs = page.getByRole('tablist', { name: 'Panes' });
  await expect(tabs).toBeVisible();
  await expect(designer.preview).toBeVisible();
  await expect(designer.jsonPane).toBeHidden();
  await tabs.getByRole('tab', { name: 'JSON' }).click();
  await expect(designer.jsonPane).toBeVisible();
  await expect(designer.preview).toBeHidden();
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect(tabs).toBeHidden();
  await expect(designer.jsonPane).toBeVisible();
  await expect(designer.preview).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the ${colorScheme} theme axe finds no serious or critical violation`, async ({ designer, page }, info) => {
    await page.emulateMedia({ colorScheme });
    await designer.open();
    await expect(designer.problems).toContainText('No problems');
    await shot(page, info.outputPath(`designer-${colorScheme}.png`));
    // Fluent's toolbar keeps invisible focus guards (tabster "dummy" elements) that hand focus on to
    // the real buttons; axe counts them as focusable hidden elements. They are not content.
    expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);
  });
}
