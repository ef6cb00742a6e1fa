import { readFileSync } from 'node:fs';
import { test, expect, shot } from './fixtures.ts';
import { ALL_HOSTS, PNG, chooseHost, seriousViolations } from './previewKit.ts';

/** The example card of Microsoft's Teams connector page, as the designer keeps it (issue 13). */
const EXAMPLE = readFileSync(new URL('../src/card/samples/teams-connector-example.json', import.meta.url), 'utf8');

test('the Teams connector page example draws every part in Teams light, dark, high contrast, Outlook and Workflows', async ({
  designer,
  page,
}, info) => {
  test.setTimeout(120_000);
  // The inline image's host cannot be reached (as in the issue); the activity image loads.
  await page.route('https://47a92947.ngrok.io/**', (route) => route.abort('namenotresolved'));
  await page.route('https://teamsnodesample.azurewebsites.net/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
  await designer.open();
  await designer.replaceText(EXAMPLE);
  const card = designer.preview.getByTestId('preview-card');
  const section = designer.preview.getByTestId('preview-section-0');

  for (const host of ALL_HOSTS) {
    await chooseHost(designer, host);
    // The inline image of activityTitle is a visible placeholder with its alt text, before the title text.
    const title = section.locator('.mc-activity-title');
    await expect(title.getByRole('img', { name: 'Image not shown: TestImage' })).toBeVisible();
    await expect(title).toContainText('TestImageLarry Bryant created a new task');
    await expect(section).toContainText('On Project Tango');
    await expect(section.locator('img.mc-avatar')).toHaveJSProperty('naturalWidth', 8);
    for (const text of ['Assigned to', 'Unassigned', 'Due date', 'Mon May 01 2017', 'Status', 'Not started']) {
      await expect(section).toContainText(text);
    }
    // Nothing comes before the first section: no separator line and no gap under the colour bar.
    await expect(section).toHaveCSS('border-top-width', '0px');
    await expect(section).toHaveCSS('margin-top', '0px');
    await expect(section).toHaveCSS('padding-top', '0px');

    const buttons = card.getByRole('button', { name: /Add a comment|Set due date|Change status/ });
    if (host === 'Teams via Workflows') {
      await expect(buttons).toHaveCount(0);
      await expect(designer.preview.getByTestId('workflows-actions-not-drawn')).toContainText(
        '3 actions are not drawn: Workflows posts a MessageCard without its buttons',
      );
      await expect(designer.preview.getByText('used a Workflow template')).toBeVisible();
    } else {
      await expect(buttons).toHaveCount(3);
      await expect(card.locator('.mc-color-bar')).toHaveCount(host === 'Outlook' ? 0 : 1);
    }
    // The host's frame: the card and, for Workflows, the sender line above it.
    const frame = designer.preview.getByTestId('preview-surface');
    const file = `example-${host.replace(/ /g, '-')}.png`;
    await shot(frame, info.outputPath(file));
    if (process.env.SHOTS_DIR) await frame.screenshot({ path: `${process.env.SHOTS_DIR}/${file}` });
    // axe on the views whose markup differs (the other Teams themes are colours of the same markup).
    if (host === 'Teams high contrast' || host === 'Teams via Workflows') {
      expect(await seriousViolations(page)).toEqual([]);
    }
  }

  // The status list of the Teams view: "isMultiSelect": "false" (a string) is a single choice, a drop-down.
  await chooseHost(designer, 'Teams light');
  await card.getByRole('button', { name: 'Change status' }).click();
  await expect(card.getByRole('combobox', { name: 'Select a status' })).toBeVisible();
  await card.getByRole('button', { name: 'Set due date' }).click();
  await expect(card.getByLabel('Enter a due date for this task')).toBeVisible();
  if (process.env.SHOTS_DIR) await card.screenshot({ path: `${process.env.SHOTS_DIR}/example-teams-date-open.png` });
});
