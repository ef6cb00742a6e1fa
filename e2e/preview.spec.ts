import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures.ts';
import { HOSTS, PNG_DATA_URL, card, chooseHost, seriousViolations, setSwitch, startAssetServer } from './previewKit.ts';

test.beforeEach(async ({ designer }) => {
  await designer.open();
});

const selectedText = (designer: { page: Page }) =>
  designer.page.evaluate(() => {
    const editor = (
      window as unknown as {
        cardEditor: { getModel(): { getValueInRange(r: unknown): string }; getSelection(): unknown };
      }
    ).cardEditor;
    return editor.getModel().getValueInRange(editor.getSelection());
  });

test('the sample card is drawn in every host, with its colour bar where the host draws one, and axe finds nothing serious', async ({
  designer,
  page,
}, info) => {
  const surface = designer.preview.getByTestId('preview-card');
  const expected = {
    'Teams light': { background: 'rgb(255, 255, 255)', bar: true },
    'Teams dark': { background: 'rgb(45, 44, 44)', bar: true },
    'Teams high contrast': { background: 'rgb(0, 0, 0)', bar: true },
    Outlook: { background: 'rgb(255, 255, 255)', bar: false },
  } as const;
  for (const host of HOSTS) {
    await chooseHost(designer, host);
    await expect(surface).toHaveCSS('background-color', expected[host].background);
    await expect(surface.locator('.mc-color-bar')).toHaveCount(expected[host].bar ? 1 : 0);
    if (host === 'Outlook') await expect(surface).toHaveCSS('border-left-color', 'rgb(98, 100, 167)');
    await expect(designer.preview.getByTestId('preview-section-0')).toContainText('Dana Whitfield');
    await expect(designer.preview.getByRole('button', { name: 'Open release notes' })).toBeVisible();
    await shot(page, info.outputPath(`sample-${host.replace(/ /g, '-')}.png`));
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('the narrow width draws the card about 360 pixels wide', async ({ designer, page }, info) => {
  await setSwitch(designer, /Narrow/, true);
  const box = await designer.preview.getByTestId('preview-card').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  expect(box!.width).toBeGreaterThan(300);
  await shot(page, info.outputPath('narrow.png'));
});

test('Markdown sections draw Teams formatting, markdown: false sections the HTML subset, titles inline formatting only', async ({
  designer,
}) => {
  await designer.replaceText(
    card({
      title: '# Title with **bold**',
      text: '**bold** *italic* ~~gone~~ `code`\n\n# One\n\n## Two\n\n### Three\n\n#### Four\n\n- a\r- b\n\n1. first\n2. second\n\n> quoted\n\n[Bing](https://www.bing.com)\nsame paragraph',
      sections: [
        {
          markdown: false,
          activityTitle: '<strong>Strong</strong> <h1>no heading</h1>',
          text: '<h2>HTML heading</h2><p>para <em>em</em> <strike>old</strike></p><ul><li>item</li></ul><table><tr><td>cell</td></tr></table><a href="https://example.com">link</a>',
        },
        { text: '<b>shown as text</b>' },
      ],
    }),
  );
  const text = designer.preview.getByTestId('preview-text');
  await expect(text.locator('strong')).toHaveText('bold');
  await expect(text.locator('em')).toHaveText('italic');
  await expect(text.locator('s')).toHaveText('gone');
  await expect(text.locator('.mc-rich code')).toHaveText('code');
  await expect(text.locator('h1')).toHaveText('One');
  await expect(text.locator('h2')).toHaveText('Two');
  await expect(text.locator('h3')).toHaveText('Three');
  await expect(text.locator('h4')).toHaveCount(0);
  await expect(text).toContainText('Four');
  await expect(text.locator('ul li')).toHaveText(['a', 'b']);
  await expect(text.locator('ol li')).toHaveText(['first', 'second']);
  await expect(text.locator('blockquote')).toHaveText('quoted');
  const link = text.getByRole('link', { name: 'Bing' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // A single line break does not start a new paragraph.
  await expect(text.locator('p').filter({ hasText: 'same paragraph' })).toContainText('Bing');

  const title = designer.preview.getByTestId('preview-title');
  await expect(title.locator('h1')).toHaveCount(0);
  await expect(title.locator('strong')).toHaveText('bold');

  const html = designer.preview.getByTestId('preview-section-0');
  await expect(html.locator('h2')).toHaveText('HTML heading');
  await expect(html.locator('strike')).toHaveText('old');
  await expect(html.locator('li')).toHaveText('item');
  await expect(html.locator('table')).toHaveCount(0);
  await expect(html.locator('.mc-activity-title strong')).toHaveText('Strong');
  await expect(html.locator('.mc-activity-title h1')).toHaveCount(0);
  await expect(designer.preview.getByTestId('preview-section-1')).toContainText('<b>shown as text</b>');
});

test('the activity block draws an avatar circle or an article rectangle, and a failed image a placeholder with its title', async ({
  designer,
  page,
}, info) => {
  const assets = await startAssetServer();
  try {
    await designer.replaceText(
      card({
        title: 'Images',
        sections: [
          { activityImage: `${assets.url}/ok.png`, activityTitle: 'Avatar', activityImageType: 'avatar' },
          { activityImage: PNG_DATA_URL, activityTitle: 'Article', activityImageType: 'article' },
          {
            images: [
              { image: `${assets.url}/missing.png`, title: 'Build chart' },
              { image: PNG_DATA_URL, title: 'Ok' },
            ],
          },
          { activityImage: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', activityTitle: 'SVG refused' },
        ],
      }),
    );
    const avatar = designer.preview.getByTestId('preview-section-0').locator('img');
    await expect(avatar).toHaveCSS('border-radius', '50%');
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
    await expect(designer.preview.getByTestId('preview-section-1').locator('img')).not.toHaveCSS(
      'border-radius',
      '50%',
    );
    const placeholder = designer.preview.getByRole('img', { name: /could not be loaded: Build chart/ });
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toContainText('Build chart');
    await expect(designer.preview.getByRole('img', { name: /not an http\(s\) image URL/ })).toBeVisible();
    expect(assets.requests).toContain('/missing.png');
    await shot(designer.preview, info.outputPath('images.png'));
  } finally {
    await assets.close();
  }
  void page;
});

test('Teams leaves out the hero image, sections after ten and images and actions after five, and says so', async ({
  designer,
}) => {
  const images = Array.from({ length: 7 }, (_, i) => ({ image: PNG_DATA_URL, title: `Image ${i}` }));
  const actions = Array.from({ length: 7 }, (_, i) => ({
    '@type': 'OpenUri',
    name: `Link ${i}`,
    targets: [{ os: 'default', uri: 'https://example.com' }],
  }));
  await designer.replaceText(
    card({
      title: 'Limits',
      sections: [
        { heroImage: { image: PNG_DATA_URL, title: 'Hero' }, images, potentialAction: actions },
        ...Array.from({ length: 11 }, (_, i) => ({ activityTitle: `S${i + 1}` })),
      ],
    }),
  );
  const first = designer.preview.getByTestId('preview-section-0');
  await expect(first).toContainText('Hero image not drawn');
  await expect(first.locator('.mc-images img')).toHaveCount(5);
  await expect(first).toContainText('2 more images are not drawn: Teams shows at most 5 per section');
  await expect(first.getByRole('button', { name: /^Link/ })).toHaveCount(5);
  await expect(first).toContainText('2 more actions are not drawn');
  await expect(designer.preview.getByText('2 more sections are not drawn')).toBeVisible();

  await chooseHost(designer, 'Outlook');
  await expect(first.locator('img.mc-hero-image')).toBeVisible();
  await expect(first.locator('.mc-images img')).toHaveCount(7);
  await expect(first.getByRole('button', { name: /^Link/ })).toHaveCount(4);
  await expect(designer.preview.getByTestId('preview-section-11')).toContainText('S11');
});

test('clicking a preview element selects its JSON, and moving the cursor outlines the element', async ({
  designer,
}) => {
  const text = await designer.editorText();
  await designer.preview.getByText('Passed in 14 min').click();
  await expect.poll(() => selectedText(designer)).toBe('{ "name": "Pipeline", "value": "Passed in 14 min" }');

  // A person moves the cursor with the keys (the editor ignores moves made by its API).
  await designer.setCursor(text.indexOf('What changed') + 3);
  await designer.page.keyboard.press('ArrowRight');
  const title = designer.preview.locator('[data-path=\'["sections",1,"title"]\']');
  await expect(title).toHaveAttribute('data-selected', '');
  await expect(title).toBeInViewport();
  await designer.setCursor(text.indexOf('"Version"'));
  await designer.page.keyboard.press('ArrowRight');
  await expect(designer.preview.locator('[data-path=\'["sections",0,"facts",0]\']')).toHaveAttribute(
    'data-selected',
    '',
  );
  await expect(title).not.toHaveAttribute('data-selected', '');
});

test('the card is one tab stop; arrow keys move between its parts and Enter selects one', async ({
  designer,
  page,
}) => {
  await designer.preview.getByRole('button', { name: 'About this preview' }).focus();
  await page.keyboard.press('Tab');
  const cardGroup = designer.preview.getByRole('group', { name: /Card “Release 2.4/ });
  await expect(cardGroup).toBeFocused();
  await page.keyboard.press('ArrowDown'); // title
  await page.keyboard.press('ArrowDown'); // text
  await expect(designer.preview.getByTestId('preview-text')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => selectedText(designer)).toContain('The release candidate passed all checks');
  await page.keyboard.press('Escape');
  await expect(cardGroup).toBeFocused();
});

test('a rule issue shows as a badge on its block, with the message on focus; wrong types draw as well as they can', async ({
  designer,
  page,
}, info) => {
  await designer.replaceText(
    card({
      title: 'Badges',
      sections: [
        {
          activityImage: 'http://example.invalid/a.png',
          activityTitle: 'Insecure image',
          facts: [{ name: 'Count', value: 42 }],
        },
      ],
    }),
  );
  const image = designer.preview.locator('[data-path=\'["sections",0,"activityImage"]\']');
  await expect(image.locator('.mc-issue-badge')).toContainText('url-not-https');
  const fact = designer.preview.locator('[data-path=\'["sections",0,"facts",0]\']');
  await expect(fact).toContainText('42');
  await expect(fact.locator('.mc-issue-badge')).toBeVisible();
  await fact.focus();
  await expect(fact.getByRole('note')).toBeVisible();
  await expect(fact).toHaveAccessibleDescription(/number/i);
  await shot(page, info.outputPath('badges.png'));
});

test('new Teams draws no colour bar, stacks facts and folds a long card behind "See more"', async ({ designer }) => {
  await designer.replaceText(
    card({
      title: 'Long',
      sections: Array.from({ length: 10 }, (_, i) => ({
        activityTitle: `Section ${i}`,
        facts: [{ name: 'a', value: 'b' }],
      })),
    }),
  );
  await setSwitch(designer, /New Teams/, true);
  const surface = designer.preview.getByTestId('preview-card');
  await expect(surface.locator('.mc-color-bar')).toHaveCount(0);
  const more = surface.getByRole('button', { name: 'See more' });
  await expect(more).toBeVisible();
  await expect(designer.preview.getByTestId('preview-section-9')).not.toBeInViewport();
  await more.click();
  await expect(surface.getByRole('button', { name: 'See less' })).toBeVisible();
  await setSwitch(designer, /New Teams/, false);
  await expect(surface.locator('.mc-color-bar')).toHaveCount(1);
});

test('two hosts side by side, and the preview settings survive a reload', async ({ designer, page }, info) => {
  await setSwitch(designer, /Side by side/, true);
  await chooseHost(designer, 'Teams light', 'Left');
  await chooseHost(designer, 'Teams dark', 'Right');
  const cards = designer.preview.locator('.mc-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(cards.nth(1)).toHaveCSS('background-color', 'rgb(45, 44, 44)');
  await shot(page, info.outputPath('side-by-side.png'));
  expect(await seriousViolations(page)).toEqual([]);

  await designer.open({ keepStorage: true });
  await expect(designer.preview.locator('.mc-card')).toHaveCount(2);
  await expect(designer.preview.getByRole('switch', { name: /Side by side/ })).toBeChecked();
});

test('the about note lists the choices the preview makes where sources disagree', async ({ designer, page }) => {
  await designer.preview.getByRole('button', { name: 'About this preview' }).click();
  const dialog = page.getByRole('dialog', { name: 'About this preview' });
  await expect(dialog).toContainText('Section order');
  await expect(dialog).toContainText('See more');
  await expect(dialog).toContainText('High contrast');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a card with every feature, badges and an open ActionCard passes axe in every host', async ({
  designer,
  page,
}) => {
  test.setTimeout(120_000);
  await designer.replaceText(
    card({
      title: 'Every **feature**',
      text: 'Text with [a link](https://example.com) in a sentence, `code` and\n\n> a quote',
      themeColor: '#D13438',
      sections: [
        {
          title: 'Activity',
          activityImage: PNG_DATA_URL,
          activityTitle: 'Someone',
          activitySubtitle: 'today',
          activityText: '- one\n- two',
          heroImage: { image: PNG_DATA_URL, title: 'Hero' },
          facts: [{ name: 'Count', value: 42 }],
          images: [{ image: PNG_DATA_URL, title: 'Picture' }],
          potentialAction: [
            { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] },
          ],
        },
        { markdown: false, text: '<h2>HTML</h2><p>A <a href="https://example.com">link</a> here.</p>' },
      ],
      potentialAction: [
        {
          '@type': 'ActionCard',
          name: 'Answer',
          inputs: [
            { '@type': 'TextInput', id: 't', title: 'Text', isRequired: true, maxLength: 10 },
            { '@type': 'DateInput', id: 'd', title: 'Date' },
            { '@type': 'MultichoiceInput', id: 'm', title: 'Pick', choices: [{ display: 'A', value: 'a' }] },
            { '@type': 'MultichoiceInput', id: 'r', style: 'expanded', choices: [{ display: 'B', value: 'b' }] },
            { '@type': 'MultichoiceInput', id: 'c', isMultiSelect: true, choices: [{ display: 'C', value: 'c' }] },
          ],
          actions: [{ '@type': 'HttpPOST', name: 'Send', target: 'https://example.com/x', body: '{{t.value}}' }],
        },
        { '@type': 'InvokeAddInCommand', name: 'Add-in', addInId: 'a', desktopCommandId: 'b' },
      ],
    }),
  );
  await designer.preview.getByRole('button', { name: 'Answer' }).click();
  await designer.preview.getByRole('button', { name: 'Send' }).click(); // shows the required marker
  for (const host of HOSTS) {
    await chooseHost(designer, host);
    await expect(designer.preview.getByRole('group', { name: 'Answer panel' })).toBeVisible();
    expect(await seriousViolations(page), host).toEqual([]);
  }
});
