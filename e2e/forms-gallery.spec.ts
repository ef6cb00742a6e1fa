import { test, expect, shot } from './fixtures.ts';
import { FormsPage } from './formsPage.ts';

/** A card with one element of every kind the reference knows. */
const EVERY_KIND = {
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  summary: 'Every element',
  themeColor: '#0076D7',
  title: 'Every element',
  text: 'A card with **every** kind of element.',
  sections: [
    {
      title: 'Section',
      activityTitle: 'Dana Whitfield',
      activitySubtitle: 'Today',
      activityImage: 'javascript:alert(1)',
      activityImageType: 'article',
      heroImage: { image: 'https://example.invalid/hero.png', title: 'Hero' },
      facts: [{ name: 'Status', value: 'Open', extra: true }],
      images: [
        {
          image:
            'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mP8z8DwnwEIGBkZGBgYAAAkBgMBx7Ry0wAAAABJRU5ErkJggg==',
          title: 'Pixel',
        },
      ],
      potentialAction: [
        { '@type': 'ViewAction', name: 'View', target: ['https://example.com', 'https://example.org'] },
      ],
      markdown: 'false',
    },
  ],
  potentialAction: [
    {
      '@type': 'ActionCard',
      name: 'Respond',
      inputs: [
        { '@type': 'TextInput', id: 'comment', title: 'Comment', isMultiline: true, maxLength: 200 },
        { '@type': 'DateInput', id: 'due', title: 'Due', includeTime: true },
        {
          '@type': 'MultichoiceInput',
          id: 'status',
          title: 'Status',
          isMultiSelect: true,
          style: 'expanded',
          value: 'open,done',
          choices: [
            { display: 'Open', value: 'open' },
            { display: 'Done', value: 'done' },
          ],
        },
      ],
      actions: [
        {
          '@type': 'HttpPOST',
          name: 'Send',
          target: 'https://example.com/api',
          headers: [{ name: 'X-Api-Key', value: 'secret' }],
          body: '{"comment": "{{comment.value}}", "due": "{{nope.value}}"}',
          bodyContentType: 'application/json',
        },
        { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] },
      ],
    },
    {
      '@type': 'InvokeAddInCommand',
      name: 'Add-in',
      addInId: 'abc',
      desktopCommandId: 'cmd',
      initializationContext: { a: 1 },
    },
  ],
};

const NODES: [string, string][] = [
  ['card', 'Card: Every element'],
  ['section', 'Section 1: Section'],
  ['hero-image', 'Hero image: Hero'],
  ['fact', 'Fact: Status'],
  ['image', 'Image: Pixel'],
  ['view-action', 'ViewAction: View'],
  ['action-card', 'ActionCard: Respond'],
  ['text-input', 'TextInput: comment'],
  ['date-input', 'DateInput: due'],
  ['multichoice-input', 'MultichoiceInput: status'],
  ['choice', 'Choice: Open'],
  ['http-post', 'HttpPOST: Send'],
  ['header', 'Header: X-Api-Key'],
  ['open-uri', 'OpenUri: Open'],
  ['target', 'Target: default https://example.com'],
  ['invoke-add-in-command', 'InvokeAddInCommand: Add-in'],
];

test('every kind of element has a form, shown here for a look', async ({ designer, page }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 2200 });
  await designer.open();
  await designer.replaceText(JSON.stringify(EVERY_KIND, null, 2));
  const forms = new FormsPage(page);
  await shot(forms.pane, info.outputPath('outline.png'));
  for (const [file, node] of NODES) {
    await forms.open(node);
    await expect(forms.properties.locator('.form-title')).toBeVisible();
    // The form itself, as tall as its content (the pane scrolls at ordinary heights).
    const form = forms.properties.locator('.property-form');
    await shot(form, info.outputPath(`form-${file}.png`));
  }
});

test('the forms column fits beside JSON and preview at 1280 and 1024 pixels, and is a tab below', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  const forms = new FormsPage(page);
  await forms.open('Section 1: Dana Whitfield');
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(forms.tree).toBeVisible();
    await expect(designer.preview).toBeVisible();
    await expect(designer.jsonPane).toBeVisible();
    const box = await forms.pane.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(280);
    await shot(page, info.outputPath(`designer-${width}.png`));
  }
  await page.setViewportSize({ width: 800, height: 700 });
  await page.getByRole('tablist', { name: 'Panes' }).getByRole('tab', { name: 'Form' }).click();
  await shot(page, info.outputPath('designer-800-form-tab.png'));

  await page.setViewportSize({ width: 1280, height: 800 });
  await designer.replaceText('{\n  "summary": "Deploy",\n  "title": "Broken\n}');
  await expect(forms.pane.getByRole('button', { name: 'Go to the error' })).toBeVisible();
  await shot(page, info.outputPath('designer-read-only.png'));
});
