import { test, expect } from './fixtures.ts';

const card = (fields: Record<string, unknown>) =>
  JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', ...fields }, null, 2);

test.beforeEach(async ({ designer }) => {
  await designer.open();
});

test('the designer opens on the sample card with sections, facts and all three ActionCard inputs', async ({
  designer,
}) => {
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Release 2.4 is ready for review');
  await expect(designer.preview.getByTestId('preview-section-0')).toContainText('Dana Whitfield');
  await expect(designer.preview.getByText('2.4.0-rc.2')).toBeVisible();
  const text = await designer.editorText();
  for (const input of ['TextInput', 'DateInput', 'MultichoiceInput']) expect(text).toContain(`"@type": "${input}"`);
  await expect(designer.problems).toContainText('No problems');
});

test('typing valid JSON updates the preview at once', async ({ designer }) => {
  await designer.replaceText(card({ summary: 'Deploy', title: 'Deploy finished', text: 'All green' }));
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Deploy finished');
  await expect(designer.preview.getByTestId('preview-text')).toHaveText('All green');

  // A keystroke inside the title shows in the preview with no other action.
  const text = await designer.editorText();
  await designer.setCursor(text.indexOf('finished'));
  await designer.page.keyboard.type('has ');
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Deploy has finished');
});

test('a broken edit keeps the last good preview, marked out of date, and says where the error is', async ({
  designer,
}) => {
  await designer.replaceText(card({ summary: 'Deploy', title: 'Last good title' }));
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Last good title');

  await designer.replaceText('{\n  "summary": "Deploy",\n  "title": "Broken\n}');
  const stale = designer.preview.getByRole('status');
  await expect(stale).toContainText('Preview out of date');
  await expect(stale).toContainText(/line \d+, column \d+/);
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Last good title');
  await expect(designer.problems).toContainText('json-syntax');
});

test('a card without summary and text gets a marker and a problem, and the problem moves the cursor', async ({
  designer,
}) => {
  const text = card({ title: 'No summary here', sections: [{ activityTitle: 'Someone' }] });
  await designer.replaceText(text);
  const problem = designer.problems.getByRole('button', { name: /summary/i }).first();
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('error');

  await expect
    .poll(async () => (await designer.markers()).some((m) => m.code === 'summary-or-text-required' && m.severity === 8))
    .toBe(true);

  expect(await designer.cursorOffset()).toBe(text.length);
  await problem.click();
  await expect.poll(() => designer.cursorOffset()).toBeLessThan(2);
});

test('undo and redo walk one history across typing, formatting and a new card', async ({ designer, page }) => {
  await designer.replaceText('{"summary":"One","title":"First"}');
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('First');
  await page.waitForTimeout(800); // a pause closes the typing step, as it does for a person
  await designer.toolbarButton('Format').click();
  await expect.poll(() => designer.editorText()).toBe('{\n  "summary": "One",\n  "title": "First"\n}\n');
  await designer.toolbarButton('New').click();
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('New card');

  await designer.toolbarButton('Undo').click();
  await expect.poll(() => designer.editorText()).toBe('{\n  "summary": "One",\n  "title": "First"\n}\n');
  await designer.toolbarButton('Undo').click();
  await expect.poll(() => designer.editorText()).toBe('{"summary":"One","title":"First"}');

  // The keyboard walks the same history, inside the editor and outside it.
  await designer.editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => designer.editorText()).toBe('{\n  "summary": "One",\n  "title": "First"\n}\n');
  await designer.preview.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Y');
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('New card');
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => designer.editorText()).toBe('{"summary":"One","title":"First"}');
});
