import { test, expect, shot } from './fixtures.ts';
import { card, chooseHost, seriousViolations, startAssetServer } from './previewKit.ts';

test.beforeEach(async ({ designer }) => {
  await designer.open();
});

const inputsCard = card({
  title: 'Inputs',
  potentialAction: [
    {
      '@type': 'ActionCard',
      name: 'Respond',
      inputs: [
        { '@type': 'TextInput', id: 'note', title: 'Your note', isMultiline: true, maxLength: 20, isRequired: true },
        { '@type': 'TextInput', id: 'who', title: 'Name', value: 'Dana' },
        { '@type': 'DateInput', id: 'when', title: 'When', includeTime: true },
        { '@type': 'DateInput', id: 'day', title: 'Day' },
        {
          '@type': 'MultichoiceInput',
          id: 'pick',
          title: 'Pick one',
          choices: [
            { display: 'Red', value: 'red' },
            { display: 'Blue', value: 'blue' },
          ],
        },
        {
          '@type': 'MultichoiceInput',
          id: 'radio',
          title: 'Radio',
          style: 'expanded',
          choices: [
            { display: 'Yes', value: 'yes' },
            { display: 'No', value: 'no' },
          ],
        },
        {
          '@type': 'MultichoiceInput',
          id: 'many',
          title: 'Many',
          isMultiSelect: true,
          choices: [
            { display: 'A', value: 'a' },
            { display: 'B', value: 'b' },
            { display: 'C', value: 'c' },
          ],
        },
      ],
      actions: [
        {
          '@type': 'HttpPOST',
          name: 'Send',
          target: 'https://api.example.com/respond',
          headers: [{ name: 'X-Source', value: 'designer' }],
          body: '{"note":"{{note.value}}","who":"{{who.value}}","pick":"{{pick.value}}","radio":"{{radio.value}}","many":"{{many.value}}","day":"{{day.value}}"}',
        },
      ],
    },
    {
      '@type': 'ActionCard',
      name: 'Other',
      inputs: [{ '@type': 'TextInput', id: 'x', title: 'Other input' }],
      actions: [
        {
          '@type': 'HttpPOST',
          name: 'Go',
          target: 'https://api.example.com/x',
          body: 'x={{x.value}}',
          bodyContentType: 'application/x-www-form-urlencoded',
        },
      ],
    },
  ],
});

test('an ActionCard opens inline with every kind of input; one is open at a time', async ({ designer, page }, info) => {
  await designer.replaceText(inputsCard);
  const respond = designer.preview.getByRole('button', { name: 'Respond' });
  await respond.click();
  await expect(respond).toHaveAttribute('aria-expanded', 'true');
  const panel = designer.preview.getByRole('group', { name: 'Respond panel' });
  await expect(panel.getByRole('textbox', { name: 'Your note' })).toHaveAttribute(
    'placeholder',
    'Your note (required)',
  );
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Dana');
  await expect(panel.locator('input[type="datetime-local"]')).toBeVisible();
  await expect(panel.locator('input[type="date"]')).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Pick one' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Yes' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'B' })).toBeVisible();

  // maxLength: a counter, and no more characters than allowed.
  await panel.getByRole('textbox', { name: 'Your note' }).fill('hello');
  await expect(panel.getByText('5/20')).toBeVisible();
  await shot(page, info.outputPath('actioncard-open.png'));
  expect(await seriousViolations(page)).toEqual([]);

  await designer.preview.getByRole('button', { name: 'Other' }).click();
  await expect(designer.preview.getByRole('group', { name: 'Other panel' })).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(respond).toHaveAttribute('aria-expanded', 'false');
});

test('Outlook opens a lone ActionCard in advance and Teams does not; closing it keeps it closed', async ({
  designer,
}) => {
  await designer.replaceText(
    card({
      title: 'Lone',
      potentialAction: [
        {
          '@type': 'ActionCard',
          name: 'Comment',
          inputs: [{ '@type': 'TextInput', id: 'c', title: 'Your comment' }],
          actions: [{ '@type': 'HttpPOST', name: 'Save', target: 'https://api.example.com/c', body: '{{c.value}}' }],
        },
      ],
    }),
  );
  const button = designer.preview.getByRole('button', { name: 'Comment' });
  const panel = designer.preview.getByRole('group', { name: 'Comment panel' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toHaveCount(0);
  await chooseHost(designer, 'Outlook');
  await expect(panel.getByRole('textbox', { name: 'Your comment' })).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await button.click();
  await expect(panel).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('a dialog of a preview button gives the focus back to the button when it closes', async ({ designer, page }) => {
  await designer.replaceText(
    card({
      title: 'Focus',
      potentialAction: [
        { '@type': 'OpenUri', name: 'Open docs', targets: [{ os: 'default', uri: 'https://example.com/' }] },
      ],
    }),
  );
  const button = designer.preview.getByRole('button', { name: 'Open docs' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('required inputs are checked when an inner action is pressed, then the HttpPOST request shows with the typed values', async ({
  designer,
  page,
}, info) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await designer.replaceText(inputsCard);
  await designer.preview.getByRole('button', { name: 'Respond' }).click();
  const panel = designer.preview.getByRole('group', { name: 'Respond panel' });
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Fill in the required' })).toContainText(
    'Fill in the required field first',
  );
  await expect(panel.getByText('Required: fill this in first.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await panel.getByRole('textbox', { name: 'Your note' }).fill('Ship "it"');
  await panel.getByRole('combobox', { name: 'Pick one' }).selectOption('blue');
  await panel.getByRole('radio', { name: 'No' }).check();
  await panel.getByRole('checkbox', { name: 'A' }).check();
  await panel.getByRole('checkbox', { name: 'C' }).check();
  await panel.locator('input[type="date"]').fill('2026-12-01');
  await panel.getByRole('button', { name: 'Send' }).click();

  const dialog = page.getByRole('dialog', { name: /“Send” would send this request/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('POST https://api.example.com/respond');
  await expect(dialog).toContainText('X-Source');
  await expect(dialog).toContainText('Authorization');
  await expect(dialog).toContainText('Content type: application/json');
  await expect(dialog).toContainText('Microsoft’s service');
  await expect(dialog).toContainText('Nothing was sent');
  await expect(dialog.getByTestId('http-request-body')).toHaveText(
    '{"note":"Ship \\"it\\"","who":"Dana","pick":"blue","radio":"no","many":"a,c","day":"2026-12-01"}',
  );
  await shot(page, info.outputPath('httppost-request.png'));
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(posts).toEqual([]);
});

test('a form body is URL-encoded; a standalone HttpPOST shows its request too', async ({ designer, page }) => {
  await designer.replaceText(inputsCard);
  await designer.preview.getByRole('button', { name: 'Other' }).click();
  await designer.preview.getByRole('textbox', { name: 'Other input' }).fill('a b&c');
  await designer.preview.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('dialog').getByTestId('http-request-body')).toHaveText('x=a%20b%26c');
  await expect(page.getByRole('dialog')).toContainText('application/x-www-form-urlencoded');
});

test('OpenUri lists its targets and opens the default one in a new tab after confirmation, http(s) only', async ({
  designer,
  page,
  context,
}) => {
  const assets = await startAssetServer();
  try {
    await designer.replaceText(
      card({
        title: 'Links',
        potentialAction: [
          {
            '@type': 'OpenUri',
            name: 'Open it',
            targets: [
              { os: 'iOS', uri: 'https://ios.example.com/x' },
              { os: 'default', uri: `${assets.url}/landing` },
            ],
          },
          { '@type': 'OpenUri', name: 'Bad link', targets: [{ os: 'default', uri: 'javascript:alert(1)' }] },
          { '@type': 'ViewAction', name: 'View', target: [`${assets.url}/view`, 'https://second.example.com'] },
          { '@type': 'InvokeAddInCommand', name: 'Add-in', addInId: 'abc', desktopCommandId: 'cmd' },
        ],
      }),
    );
    await designer.preview.getByRole('button', { name: 'Open it' }).click();
    const dialog = page.getByRole('dialog', { name: /“Open it” opens a link/ });
    await expect(dialog).toContainText('https://ios.example.com/x');
    await expect(dialog).toContainText('default — opened here');
    const popupPromise = context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Open in a new tab' }).click();
    const popup = await popupPromise;
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${assets.url}/landing`);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    expect(page.url()).not.toContain('landing');

    await designer.preview.getByRole('button', { name: 'Bad link' }).click();
    const bad = page.getByRole('dialog', { name: /“Bad link” opens a link/ });
    await expect(bad).toContainText('cannot be opened');
    await expect(bad.getByRole('button', { name: 'Open in a new tab' })).toHaveCount(0);
    await bad.getByRole('button', { name: 'Close' }).click();

    await designer.preview.getByRole('button', { name: 'View', exact: true }).click();
    const view = page.getByRole('dialog', { name: /“View” opens a link/ });
    await expect(view).toContainText(`${assets.url}/view`);
    await expect(view).toContainText('first URL');
    await view.getByRole('button', { name: 'Close' }).click();

    // Teams does not draw the add-in command (reference §4.1, §4.6); the designer's note says so.
    await expect(designer.preview.getByText(/1 InvokeAddInCommand action is not drawn/)).toBeVisible();
    await expect(designer.preview.getByRole('button', { name: 'Add-in' })).toHaveCount(0);
    await chooseHost(designer, 'Outlook');
    await designer.preview.getByRole('button', { name: 'Add-in' }).click();
    await expect(page.getByRole('dialog', { name: /runs an Outlook add-in/ })).toContainText('cmd');
    expect(assets.requests.filter((r) => r !== '/favicon.ico')).toEqual(['/landing']);
  } finally {
    await assets.close();
  }
});
