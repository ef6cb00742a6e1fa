import { test, expect, type Designer } from './fixtures.ts';

/** The page still answers: a frame gets painted and the toolbar reacts. */
async function expectResponsive(designer: Designer) {
  await designer.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  await expect(designer.toolbarButton('Undo')).toBeEnabled();
}

test.beforeEach(async ({ designer }) => {
  await designer.open();
});

test('a 5 MB paste is kept whole, analysed without freezing the tab, and refused for its size', async ({
  designer,
}) => {
  const big = JSON.stringify({ summary: 'Huge', title: 'Huge card', text: 'x'.repeat(5 * 1024 * 1024) });
  await designer.replaceText(big);
  await expectResponsive(designer);
  await expect(designer.problems).toContainText(/payload-too-large/, { timeout: 30_000 });
  await expect(designer.preview.getByTestId('preview-title')).toHaveText('Huge card');
  expect((await designer.editorText()).length).toBe(big.length);
});

test('a JSON array is not a card, and the preview says so', async ({ designer }) => {
  await designer.replaceText('[{"summary": "in an array"}]');
  await expect(designer.preview.getByRole('status')).toContainText('a JSON array, not a card');
  await expect(designer.problems).toContainText('not-an-object');
  expect(await designer.editorText()).toBe('[{"summary": "in an array"}]');
});

test('a bare number is not a card either', async ({ designer }) => {
  await designer.replaceText('42');
  await expect(designer.preview.getByRole('status')).toContainText('a number, not a card');
  expect(await designer.editorText()).toBe('42');
});

test('10,000 nested arrays give a clear error and no frozen tab', async ({ designer }) => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  await designer.replaceText(deep);
  await expectResponsive(designer);
  await expect(designer.problems).toContainText(/nested 10000 levels deep|10,000 levels/);
  expect(await designer.editorText()).toBe(deep);
});

test('control characters inside a string are reported where they are, and the text is kept', async ({ designer }) => {
  const text = '{\n  "summary": "bell\u0007 and null\u0000 inside",\n  "text": "ok"\n}';
  await designer.replaceText(text);
  await expect(designer.preview.getByRole('status')).toContainText('line 2');
  await expect(designer.problems).toContainText(/control character/i);
  expect(await designer.editorText()).toBe(text);
});

test('a card with 1,000 sections draws the ten Teams shows and says what it left out', async ({ designer }) => {
  const sections = Array.from({ length: 1000 }, (_, i) => ({
    activityTitle: `Section ${i + 1}`,
    facts: [{ name: 'n', value: String(i) }],
  }));
  await designer.replaceText(JSON.stringify({ '@type': 'MessageCard', summary: 'Many', sections }, null, 2));
  await expectResponsive(designer);
  await expect(designer.preview.getByText('990 more sections are not drawn')).toBeVisible();
  await expect(designer.preview.getByTestId('preview-section-9')).toContainText('Section 10');
  await expect(designer.preview.getByTestId('preview-section-10')).toHaveCount(0);
  await expect(designer.problems).toContainText(/sections/);
});
