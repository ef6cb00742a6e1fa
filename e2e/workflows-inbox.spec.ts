import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, seriousAxeViolations, type Designer } from './fixtures.ts';

/**
 * The designer's own Workflows webhook (`/api/workflows/NAME`, the default Send target): it answers
 * 202 to everything, as a flow's trigger does, and the Inbox shows each run as a flow's run history
 * would. Each journey is one page load.
 */

function drawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Send a test card' });
}

async function openSend(page: Page) {
  await page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(drawer(page)).toBeVisible();
  await drawer(page).getByRole('tab', { name: 'Send' }).click();
}

async function closeSend(page: Page) {
  await drawer(page).getByRole('button', { name: 'Close' }).click();
  await expect(drawer(page)).toBeHidden();
}

async function chooseFormat(page: Page, format: 'adaptive' | 'messagecard') {
  const choice = drawer(page).getByRole('radiogroup', { name: 'What to send' });
  await choice
    .getByRole('radio', { name: format === 'adaptive' ? /^Adaptive Card/ : 'The MessageCard as it is' })
    .check();
}

/** Sends to the local Workflows webhook and returns the local run's outcome once it is read. */
async function sendToLocalFlow(page: Page, { anyway = false } = {}): Promise<Locator> {
  const panel = drawer(page);
  const shown = panel.getByTestId('send-result');
  const before = (await shown.count()) > 0 ? await shown.getAttribute('data-key') : null;
  if (anyway) {
    await expect(panel.getByRole('button', { name: 'Send to Local Workflows webhook' })).toBeDisabled();
    await panel.getByRole('checkbox', { name: 'Send anyway' }).check();
  }
  await panel.getByRole('button', { name: 'Send to Local Workflows webhook' }).click();
  await expect.poll(() => shown.getAttribute('data-key')).not.toBe(before);
  await expect(shown).toHaveAttribute('data-outcome', 'accepted');
  const run = shown.getByTestId('run-outcome');
  await expect(run).toBeVisible();
  return run;
}

/** Pastes `json` into the editor with the drawer closed, then opens it again on the Send tab. */
async function paste(designer: Designer, json: unknown) {
  await closeSend(designer.page);
  await designer.replaceText(JSON.stringify(json, null, 2));
  await openSend(designer.page);
}

// The journeys of one worker share its server: each starts with no run and an empty connector inbox.
test.beforeEach(async ({ request }) => {
  expect((await request.delete('/api/workflows')).ok()).toBe(true);
  expect((await request.delete('/api/inbox')).ok()).toBe(true);
});

async function openInbox(page: Page): Promise<Locator> {
  await drawer(page).getByRole('tab', { name: 'Inbox' }).click();
  await expect(drawer(page).getByRole('radio', { name: 'Workflows runs' })).toBeChecked();
  return drawer(page).getByTestId('workflows-run');
}

test('the sample card goes to the local Workflows webhook in each format, and the Inbox shows what the channel shows', async ({
  designer,
  page,
}, info) => {
  await designer.open({ fresh: true });
  await openSend(page);
  const panel = drawer(page);
  await expect(panel.getByRole('combobox', { name: 'Target' })).toHaveValue('workflows');
  await expect(panel.getByTestId('target-kind')).toContainText('Local Workflows webhook');

  // The Adaptive Card in the Workflows envelope is the default, checked as an Adaptive Card.
  await expect(panel.getByRole('radio', { name: /Adaptive Card 1\.4 in a Workflows message/ })).toBeChecked();
  await expect(
    panel.getByRole('heading', { name: 'Pre-flight for the Adaptive Card 1.4 in a Workflows message' }),
  ).toBeVisible();
  await expect(panel.getByTestId('preflight-summary')).toContainText('No errors');
  const adaptive = await sendToLocalFlow(page);
  const result = panel.getByTestId('send-result');
  await expect(result).toContainText('Accepted by Workflows: not yet delivered');
  await expect(result).toContainText('The flow accepted the request (202, empty body). That is not a delivery');
  await expect(result).toContainText("shows only in the flow's run history");
  await expect(adaptive).toHaveAttribute('data-outcome', 'posted');
  await expect(adaptive).toContainText('Posted: Teams shows the Adaptive Card');
  await panel.getByTestId('local-run').scrollIntoViewIfNeeded();
  await shot(page, info.outputPath('workflows-send-202.png'));

  // The MessageCard as it is: checked with the MessageCard rules for Workflows, posted without buttons.
  await chooseFormat(page, 'messagecard');
  await expect(
    panel.getByRole('heading', { name: /Pre-flight for the MessageCard as it is, on Teams Workflows/ }),
  ).toBeVisible();
  const bare = await sendToLocalFlow(page);
  await expect(bare).toHaveAttribute('data-outcome', 'posted-messagecard');
  await expect(bare).toContainText('Posted as a MessageCard, without its buttons');

  // The Inbox: newest first, each drawn as the channel shows it.
  const runs = await openInbox(page);
  await expect(runs).toHaveCount(2);
  const [mc, ac] = [runs.nth(0), runs.nth(1)];
  await expect(mc).toContainText('Succeeded');
  const drawnMc = mc.getByTestId('run-card');
  await expect(drawnMc).toHaveAttribute('data-format', 'messagecard');
  await expect(drawnMc).toContainText('Release 2.4 is ready for review');
  // Workflows draws no button of a MessageCard.
  await expect(drawnMc.locator('.mc-action-button')).toHaveCount(0);
  await expect(ac.getByTestId('run-card')).toHaveAttribute('data-format', 'adaptive');
  await expect(ac.getByTestId('adaptive-card-rendered')).toContainText('Release 2.4 is ready for review');
  await expect(ac.getByTestId('adaptive-card-rendered').getByRole('button').first()).toBeVisible();
  await shot(page, info.outputPath('workflows-inbox.png'));

  expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);

  // The retired connector's inbox is one switch away, and received nothing.
  await drawer(page).getByRole('radio', { name: 'Connector inbox (retired 2026)' }).check();
  await expect(drawer(page).getByText('Nothing has arrived yet.')).toBeVisible();
});

test('each way a flow fails is reproduced through the app and explained with the run history text', async ({
  designer,
  page,
}, info) => {
  await designer.open({ fresh: true });
  await openSend(page);
  const panel = drawer(page);

  // 1. An envelope whose attachment holds a MessageCard instead of an Adaptive Card, sent as it is.
  await paste(designer, {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { '@type': 'MessageCard', summary: 'Disk full', text: 'Disk full on db-1' },
      },
    ],
  });
  await chooseFormat(page, 'messagecard');
  const wrongType = await sendToLocalFlow(page, { anyway: true });
  await expect(wrongType).toContainText('Not posted: an attachment is not an Adaptive Card');
  await expect(wrongType.getByTestId('run-error')).toHaveText("Property 'type' must be 'AdaptiveCard'");

  // 2. Version 1.5: the pre-flight says Teams will not display it; sent anyway, the run succeeds but is not shown.
  const card = { '@type': 'MessageCard', summary: 'Deployed', title: 'Deployed to production', text: 'All good' };
  await paste(designer, card);
  await chooseFormat(page, 'adaptive');
  await panel.getByRole('combobox', { name: 'Adaptive Card version' }).selectOption('1.5');
  await expect(panel.getByTestId('preflight-errors')).toContainText(
    `Adaptive Card 1.5: a flow posts it, but Teams shows "We're sorry, this card couldn't be displayed"`,
  );
  await expect(panel.getByRole('button', { name: 'Send to Local Workflows webhook' })).toBeDisabled();
  const v15 = await sendToLocalFlow(page, { anyway: true });
  await expect(v15).toContainText(`Posted, but Teams shows "We're sorry, this card couldn't be displayed"`);
  await expect(v15).toContainText('Adaptive Card version 1.5 is above 1.4');
  await panel.getByRole('combobox', { name: 'Adaptive Card version' }).selectOption('1.4');

  // 3. Over 28 KB: blocked by the pre-flight; sent anyway, the run fails as too large.
  await paste(designer, { ...card, text: 'x'.repeat(29 * 1024) });
  await expect(panel.getByText("over Teams' 28 KB limit")).toBeVisible();
  const tooLarge = await sendToLocalFlow(page, { anyway: true });
  await expect(tooLarge).toContainText('Not posted: the message is over 28 KB');
  await expect(tooLarge.getByTestId('run-error')).toHaveText(
    'The payload is too large. Please make sure the size is less than 28KB.',
  );

  // 4. A body without attachments that is not a MessageCard: the flow's loop finds nothing to post.
  await paste(designer, { type: 'message', text: 'Build 1234 failed' });
  await chooseFormat(page, 'messagecard');
  // The MessageCard rules find nothing wrong with it (it has a text), and the 202 looks like any other.
  const noAttachments = await sendToLocalFlow(page);
  await expect(noAttachments).toContainText('Not posted: the message has no "attachments"');
  await expect(noAttachments.getByTestId('run-error')).toContainText(
    "'@triggerOutputs()?['body']?['attachments']' is of type 'Null'",
  );

  // The Inbox lists the four runs, newest first, each explained, the failed ones with their raw text.
  const runs = await openInbox(page);
  await expect(runs).toHaveCount(4);
  const outcomes = await runs
    .getByTestId('run-outcome')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-outcome')));
  expect(outcomes).toEqual(['no-attachments', 'too-large', 'not-displayed', 'not-adaptive']);
  await expect(runs.nth(0).getByTestId('run-error')).toContainText("is of type 'Null'");
  await expect(runs.nth(2).getByTestId('run-not-displayed')).toHaveText("We're sorry, this card couldn't be displayed");
  await shot(page, info.outputPath('workflows-inbox-failed.png'));
});
