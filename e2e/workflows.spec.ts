import type { Page } from '@playwright/test';
import { test, expect, shot, axeViolations, seriousAxeViolations } from './fixtures.ts';

/** A card with what Workflows cannot keep: HttpPOST buttons, ActionCard forms, a hero image, Markdown headings. */
const LOSSY_CARD = JSON.stringify(
  {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: 'Incident 4711',
    themeColor: 'C4314B',
    title: 'Incident 4711: checkout is down',
    text: '## Impact\n\nPayments fail for ~~some~~ **all** customers.\n\n> Paged the on-call engineer.',
    sections: [
      {
        activityTitle: 'Alertmanager',
        activitySubtitle: 'firing since 09:12',
        facts: [
          { name: 'Service', value: 'checkout' },
          { name: 'Error rate', value: '38 %' },
        ],
        potentialAction: [
          { '@type': 'HttpPOST', name: 'Acknowledge', target: 'https://ops.example.com/ack', body: '{}' },
        ],
      },
    ],
    potentialAction: [
      {
        '@type': 'ActionCard',
        name: 'Add a comment',
        inputs: [{ '@type': 'TextInput', id: 'comment', title: 'Your comment', isMultiline: true }],
        actions: [
          {
            '@type': 'HttpPOST',
            name: 'Save',
            target: 'https://ops.example.com/comment',
            body: '{"text":"{{comment.value}}"}',
          },
        ],
      },
      { '@type': 'OpenUri', name: 'Runbook', targets: [{ os: 'default', uri: 'https://ops.example.com/runbook' }] },
    ],
  },
  null,
  2,
);

function adaptiveView(page: Page) {
  return page.getByRole('region', { name: 'Adaptive Card for Workflows' });
}

async function openAdaptiveTab(page: Page) {
  await page.getByRole('tab', { name: /Adaptive Card/ }).click();
  await expect(adaptiveView(page)).toBeVisible();
}

test('the Adaptive Card view draws the sample card with Microsoft’s renderer, in Teams light and dark', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await openAdaptiveTab(page);
  const view = adaptiveView(page);
  const rendered = view.getByTestId('adaptive-card-rendered');
  await expect(rendered.locator('.ac-adaptiveCard')).toBeVisible();
  await expect(rendered).toContainText('Release 2.4 is ready for review');
  await expect(rendered).toContainText('Sign-off due');
  // The library gives buttons that open a link the role of a link.
  await expect(rendered.getByRole('link', { name: 'Open release notes' })).toBeVisible();
  await expect(rendered).toHaveAttribute('data-theme', 'light');
  await shot(page, info.outputPath('adaptive-light.png'), { fullPage: true });

  // The ActionCard opens inline as a show-card with its input.
  await rendered.getByRole('button', { name: 'Comment' }).click();
  await expect(rendered.getByRole('textbox', { name: /Add a note for the release team/ })).toBeVisible();
  await shot(page, info.outputPath('adaptive-showcard.png'));

  expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);

  await view.getByRole('combobox', { name: 'Teams theme' }).selectOption('dark');
  await expect(rendered).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.app.is-dark')).toBeVisible();
  const stage = await view.locator('.wf-stage').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(stage).toBe('rgb(31, 31, 31)');
  await shot(page, info.outputPath('adaptive-dark.png'));
  const background = await rendered
    .locator('.ac-adaptiveCard')
    .evaluate((el) => getComputedStyle(el as HTMLElement).backgroundColor);
  expect(background).toBe('rgb(45, 44, 44)');
});

test('the report names what a card with HttpPOST and ActionCards loses, with paths', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await designer.replaceText(LOSSY_CARD);
  await openAdaptiveTab(page);
  const report = adaptiveView(page).getByTestId('conversion-report');
  await expect(report).toContainText('Not carried over');
  await expect(report.locator('[data-topic="http-post"]')).toHaveCount(2);
  await expect(report).toContainText('The button “Acknowledge” (HttpPOST to ops.example.com) is gone');
  await expect(report).toContainText('The form behind “Add a comment” is shown, but what people enter goes nowhere');
  await expect(report).toContainText('themeColor #C4314B');
  await expect(report).toContainText('has no strikethrough');
  await expect(report).toContainText('has no headings');
  await expect(report.getByRole('button', { name: 'Show sections[0].potentialAction[0] in the JSON' })).toBeVisible();
  await report.scrollIntoViewIfNeeded();
  await shot(page, info.outputPath('adaptive-report.png'), { fullPage: true });

  // A path takes the user to that element of the MessageCard in the editor.
  await report.getByRole('button', { name: 'Show sections[0].potentialAction[0] in the JSON' }).click();
  const text = await designer.editorText();
  const selected = await page.evaluate(() => {
    const editor = (
      window as unknown as {
        cardEditor: {
          getModel(): { getOffsetAt(p: unknown): number };
          getSelection(): { getStartPosition(): unknown };
        };
      }
    ).cardEditor;
    return editor.getModel().getOffsetAt(editor.getSelection().getStartPosition());
  });
  expect(text.slice(selected)).toMatch(/^\{\s*"@type": "HttpPOST",\s*"name": "Acknowledge"/);
});

test('the converted JSON is read-only and copies with or without the Workflows envelope, in the chosen version', async ({
  designer,
  page,
}) => {
  await designer.open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAdaptiveTab(page);
  const view = adaptiveView(page);
  const json = view.getByTestId('adaptive-json');
  await expect(json).toContainText('"type": "message"');
  await expect(json).toContainText('"version": "1.4"');

  await view.getByRole('button', { name: 'Copy message' }).click();
  await expect(view.getByText('Copied.')).toBeVisible();
  const message = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(message).toMatchObject({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
  });
  expect(message.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });

  await view.getByRole('switch', { name: 'Workflows message envelope' }).click();
  await view.getByRole('combobox', { name: 'Adaptive Card version' }).selectOption('1.2');
  await expect(json).not.toContainText('"type": "message"');
  await view.getByRole('button', { name: 'Copy card' }).click();
  await expect(view.getByText('Copied.')).toBeVisible();
  const card = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.2' });

  // Read-only: typing into the JSON changes nothing.
  await json.click();
  await page.keyboard.type('xyz');
  await expect(json).not.toContainText('xyz');
  // The choice survives a reload.
  await page.reload();
  await expect(adaptiveView(page).getByTestId('adaptive-json')).toContainText('"version": "1.2"');
});

test('the view follows the JSON as it is edited and keeps the last card while the JSON is broken; Teams options', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await openAdaptiveTab(page);
  await designer.replaceText('{"summary":"s","title":"First title"}');
  const rendered = adaptiveView(page).getByTestId('adaptive-card-rendered');
  await expect(rendered).toContainText('First title');
  await designer.replaceText('{"summary":"s","title":"Second');
  await expect(adaptiveView(page).getByRole('status').first()).toContainText('does not parse');
  await expect(rendered).toContainText('First title');

  // Teams options: a mentioned name gets its ID, the entity reaches the JSON, full width shows in the view.
  await designer.replaceText('{"summary":"s","text":"Deploy approved by <at>Ada Lovelace</at>, cc <at>Alan</at>"}');
  const view = adaptiveView(page);
  const options = view.getByTestId('teams-options');
  await expect(view.getByTestId('mention-report')).toHaveText('Plain text, nobody notified: Ada Lovelace, Alan.');
  await options.getByRole('textbox', { name: 'UPN or Entra object ID for Ada Lovelace' }).fill('ada@contoso.com');
  await expect(options).toContainText('Mentioned: Teams notifies this person.');
  await expect(view.getByTestId('mention-report')).toHaveText('Plain text, nobody notified: Alan.');
  await expect(rendered.locator('.wf-mention')).toHaveText('Ada Lovelace');
  const content = () =>
    view
      .getByTestId('adaptive-json')
      .textContent()
      .then((text) => JSON.parse(text ?? '').attachments[0].content);
  expect((await content()).msteams).toEqual({
    width: 'Full',
    entities: [
      { type: 'mention', text: '<at>Ada Lovelace</at>', mentioned: { id: 'ada@contoso.com', name: 'Ada Lovelace' } },
    ],
  });
  await expect(view.getByTestId('adaptive-stage')).toHaveAttribute('data-width', 'full');
  const wide = (await rendered.boundingBox())!.width;
  await options.scrollIntoViewIfNeeded();
  await shot(options, info.outputPath('teams-options.png'));
  // From the keyboard: Shift+Tab from the ID field reaches the switch; Space turns full width off.
  await options.getByRole('textbox', { name: 'UPN or Entra object ID for Ada Lovelace' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(options.getByRole('switch', { name: 'Full width' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(view.getByTestId('adaptive-stage')).toHaveAttribute('data-width', 'standard');
  expect((await rendered.boundingBox())!.width).toBeLessThan(wide);
  expect((await content()).msteams).not.toHaveProperty('width');
  await shot(page, info.outputPath('teams-options-standard.png'));
  const violations = await axeViolations(page, { include: ['[data-testid="teams-options"]'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
