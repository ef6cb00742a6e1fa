import { createServer, type Server } from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot } from './fixtures.ts';
import { fakeTeamsPort } from './ports.ts';

/**
 * A Workflows-like receiver on loopback: it answers 202 with an empty body, as a flow trigger does,
 * on the one origin playwright.config.ts lets the proxy reach (the worker's app port + 10000, see
 * ports.ts; set once the worker knows its port).
 */
let RECEIVER = '';
const WORKFLOWS_URL =
  'https://default0a1b2c3d4e5f.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=1&sig=S3cr3tSignature';

const received: { type: string | undefined; body: string }[] = [];
let receiver: Server;

test.beforeAll(async ({ appPort }) => {
  const port = fakeTeamsPort(appPort);
  RECEIVER = `http://127.0.0.1:${port}`;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ type: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

function drawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Send a test card' });
}

async function addTarget(page: Page, name: string, url: string) {
  const panel = drawer(page);
  await panel.getByRole('button', { name: 'Add target' }).click();
  await panel.getByRole('textbox', { name: 'Name' }).fill(name);
  await panel.getByRole('textbox', { name: 'Webhook URL' }).fill(url);
  await panel.getByRole('button', { name: 'Add target' }).click();
  await expect(panel.getByRole('button', { name: `Send to ${name}` })).toBeVisible();
}

test('a Workflows target offers the converted Adaptive Card or the MessageCard, warning that no button renders', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'Send', exact: true }).click();
  await addTarget(page, 'Release flow', WORKFLOWS_URL);
  const choice = drawer(page).getByRole('radiogroup', { name: 'What to send' });
  await expect(
    choice.getByRole('radio', { name: /Adaptive Card 1\.4 in a Workflows message \(recommended\)/ }),
  ).toBeChecked();
  await expect(drawer(page).getByTestId('workflows-send-note')).toContainText('do not carry over');

  await choice.getByRole('radio', { name: 'The MessageCard as it is' }).check();
  // The sample card has three ActionCards and an OpenUri: none of them shows in Workflows.
  await expect(drawer(page).getByTestId('workflows-send-note')).toHaveText(
    'Workflows draws no button of a MessageCard: all 4 of its buttons will be missing.',
  );
  await shot(page, info.outputPath('workflows-send-choice.png'));
});

test('a Workflows send posts the converted card in the Workflows envelope to the receiver', async ({
  designer,
  page,
}) => {
  await designer.open();
  await page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'Send', exact: true }).click();
  await addTarget(page, 'Loopback flow', `${RECEIVER}/workflows/0123456789abcdef/triggers/manual/paths/invoke?sig=x`);
  const panel = drawer(page);
  await panel
    .getByRole('radiogroup', { name: 'What to send' })
    .getByRole('radio', { name: /Adaptive Card/ })
    .check();
  await panel.getByRole('button', { name: 'Send to Loopback flow' }).click();
  await expect(panel.getByTestId('send-result')).toBeVisible();
  await expect.poll(() => received.length).toBe(1);

  const message = JSON.parse(received[0]!.body);
  expect(received[0]!.type).toMatch(/^application\/json/);
  expect(message).toMatchObject({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
  });
  const card = message.attachments[0].content;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
  expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Release 2.4 is ready for review' });
  expect(card.actions.map((a: { type: string }) => a.type)).toEqual([
    'Action.ShowCard',
    'Action.ShowCard',
    'Action.ShowCard',
    'Action.OpenUrl',
  ]);

  // The same target with the MessageCard chosen posts the card as written.
  await panel
    .getByRole('radiogroup', { name: 'What to send' })
    .getByRole('radio', { name: 'The MessageCard as it is' })
    .check();
  await panel.getByRole('button', { name: 'Send to Loopback flow' }).click();
  await expect.poll(() => received.length).toBe(2);
  expect(JSON.parse(received[1]!.body)['@type']).toBe('MessageCard');
});
