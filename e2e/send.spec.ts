import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, seriousAxeViolations } from './fixtures.ts';
import { fakeTeamsPort } from './ports.ts';

/**
 * A fake Teams on loopback, on the port that playwright.config.ts allows through WEBHOOK_ALLOW
 * (the worker's app port + 10000, see ports.ts; set once the worker knows its port). Each path
 * answers as one of Teams' real answers (reference section 7).
 */
let FAKE = '';
const wrapped = (code: number) =>
  `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${code} with ContextId tcid=0,server=msgapi-production-weu-azsc3-1-52,cv=Zm9vYmFy.0`;

const ANSWERS: Record<string, (res: ServerResponse, req: IncomingMessage) => void> = {
  ok: (res) => text(res, 200, '1'),
  'wrapped-400': (res) => text(res, 200, wrapped(400)),
  'wrapped-413': (res) => text(res, 200, wrapped(413)),
  'wrapped-429': (res) => text(res, 200, wrapped(429)),
  summary: (res) => text(res, 400, 'Summary or Text is required.'),
  missing: (res) => text(res, 404, ''),
  gone: (res) => text(res, 410, ''),
  workflows: (res) => text(res, 202, ''),
  slow: () => {}, // never answers: the proxy gives up after WEBHOOK_TIMEOUT_MS
  cut: (_res, req) => req.socket.destroy(),
};

function text(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

const received: { path: string; type: string | undefined; body: Buffer }[] = [];
let fake: Server;

test.beforeAll(async ({ appPort }) => {
  const port = fakeTeamsPort(appPort);
  FAKE = `http://127.0.0.1:${port}`;
  fake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', type: req.headers['content-type'], body: Buffer.concat(chunks) });
      const kind = (req.url ?? '').split('/')[1] ?? '';
      (ANSWERS[kind] ?? ANSWERS.missing!)(res, req);
    });
  });
  await new Promise<void>((resolve) => fake.listen(port, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
});

test.beforeEach(() => {
  received.length = 0;
});

// --- helpers: the send drawer, driven as a person would --------------------------------------------

function drawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Send a test card' });
}

async function openSend(page: Page) {
  await page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(drawer(page)).toBeVisible();
}

async function closeSend(page: Page) {
  await drawer(page).getByRole('button', { name: 'Close' }).click();
  await expect(drawer(page)).toBeHidden();
}

async function addTarget(page: Page, name: string, url: string, { remember = false } = {}) {
  const panel = drawer(page);
  await panel.getByRole('button', { name: 'Add target' }).click();
  await panel.getByRole('textbox', { name: 'Name' }).fill(name);
  await panel.getByRole('textbox', { name: 'Webhook URL' }).fill(url);
  if (remember) await panel.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await panel.getByRole('button', { name: 'Add target' }).click();
  await expect(panel.getByRole('combobox', { name: 'Target' })).toHaveValue(/.+/);
  await expect(panel.getByRole('button', { name: `Send to ${name}` })).toBeVisible();
}

async function sendAndWait(page: Page, name: string): Promise<Locator> {
  const panel = drawer(page);
  const shown = panel.getByTestId('send-result');
  const before = (await shown.count()) > 0 ? await shown.getAttribute('data-key') : null;
  await panel.getByRole('button', { name: `Send to ${name}` }).click();
  const result = panel.getByTestId('send-result');
  await expect(result).toBeVisible();
  await expect.poll(() => result.getAttribute('data-key')).not.toBe(before);
  return result;
}

/** The second built-in target, which answers as the retired Office 365 connector did. */
const INBOX = 'Local connector inbox (retired 2026)';

const EMOJI_CARD = `{
  "@type": "MessageCard",
  "@context": "https://schema.org/extensions",
  "summary": "Déploiement 🚀 terminé",
  "themeColor": "0076D7",
  "title": "Build ✅ 中文 ñ",
  "text": "Emoji 👩‍💻 and \\"quotes\\" intact"
}`;

// -------------------------------------------------------------------------------------------------

test('a card goes through the proxy to a real receiver with its exact UTF-8 bytes', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await designer.replaceText(EMOJI_CARD);
  await openSend(page);
  const secret = `${FAKE}/ok/webhookb2/secret-token-9f3a`;
  await addTarget(page, 'Fake Teams', secret);

  const panel = drawer(page);
  const url = panel.getByTestId('target-url');
  await expect(url).toHaveText(`${FAKE}/••••••••9f3a`);
  await expect(panel.getByTestId('target-kind')).toContainText('Not a Teams webhook host');
  await expect(panel.getByTestId('preflight-summary')).toContainText('No errors');
  await shot(page, info.outputPath('send-panel-masked.png'));

  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(url).toHaveText(secret);
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(url).not.toContainText('secret-token');

  const result = await sendAndWait(page, 'Fake Teams');
  await expect(result).toContainText('Delivered');
  await expect(result).toContainText(/took \d+ ms/);

  expect(received).toHaveLength(1);
  expect(received[0]!.path).toBe('/ok/webhookb2/secret-token-9f3a');
  expect(received[0]!.type).toBe('application/json; charset=utf-8');
  const expected = Buffer.from(JSON.stringify(JSON.parse(EMOJI_CARD)), 'utf8');
  expect(received[0]!.body.equals(expected)).toBe(true);
  expect(received[0]!.body.toString('utf8')).toContain('👩‍💻');

  await result.getByRole('button', { name: 'Show raw answer' }).click();
  const raw = result.getByTestId('raw-answer');
  await expect(raw).toContainText('HTTP 200');
  await expect(raw).toContainText('content-type: text/plain; charset=utf-8');
  await shot(page, info.outputPath('send-delivered-raw.png'));
});

const CASES: { path: string; headline: string; detail: RegExp }[] = [
  {
    path: 'wrapped-400',
    headline: 'Not delivered: Teams answered 200, but with error 400',
    detail: /refused the card/,
  },
  { path: 'wrapped-413', headline: 'Not delivered: Teams answered 200, but with error 413', detail: /too large/ },
  { path: 'wrapped-429', headline: 'Not delivered: Teams answered 200, but with error 429', detail: /throttling/ },
  { path: 'summary', headline: 'Refused: the card needs a summary or a text', detail: /Summary or Text is required/ },
  { path: 'missing', headline: 'No webhook at this URL (404)', detail: /does not exist/ },
  { path: 'gone', headline: 'Webhook removed (410 Gone)', detail: /never work again/ },
  { path: 'workflows', headline: 'Accepted by Workflows', detail: /run history/ },
  { path: 'slow', headline: 'No answer in time', detail: /did not answer within 2 s/ },
  { path: 'cut', headline: 'Network error', detail: /Could not reach 127\.0\.0\.1/ },
];

test("each of Teams' answers is shown in plain words", async ({ designer, page }, info) => {
  await designer.open();
  await openSend(page);
  for (const { path, headline, detail } of CASES) {
    await addTarget(page, `Fake ${path}`, `${FAKE}/${path}/hook-${path}`);
    const result = await sendAndWait(page, `Fake ${path}`);
    await expect(result, path).toContainText(headline);
    await expect(result, path).toContainText(detail);
    await shot(result, info.outputPath(`outcome-${path}.png`));
  }
  await drawer(page)
    .getByRole('tab', { name: /History/ })
    .click();
  const rows = drawer(page).getByRole('row');
  await expect(rows).toHaveCount(CASES.length + 1);
  await shot(page, info.outputPath('send-history.png'));
});

test('a refused target shows the proxy’s reason as it is', async ({ designer, page }) => {
  await designer.open();
  await openSend(page);
  await addTarget(page, 'Elsewhere', 'https://hooks.example.com/services/x');
  const result = await sendAndWait(page, 'Elsewhere');
  await expect(result).toContainText('The proxy refused to send');
  await expect(result).toContainText('hooks.example.com is not a Teams webhook host');
});

test('the local connector inbox stays as a second target, and shows the card that arrived', async ({
  designer,
  page,
}, info) => {
  await designer.open();
  await designer.replaceText(EMOJI_CARD);
  await openSend(page);
  const panel = drawer(page);
  const target = panel.getByRole('combobox', { name: 'Target' });
  await expect(target).toHaveValue('workflows');
  await expect(target.locator('option')).toHaveText(['Local Workflows webhook', INBOX]);
  await target.selectOption('inbox');
  await expect(panel.getByTestId('target-kind')).toContainText('Local connector inbox');
  await expect(panel.getByTestId('target-kind')).toContainText('retired Office 365 connector');
  const result = await sendAndWait(page, INBOX);
  await expect(result).toContainText('Delivered');

  await panel.getByRole('tab', { name: 'Inbox' }).click();
  await panel.getByRole('radio', { name: 'Connector inbox (retired 2026)' }).check();
  const item = panel.getByTestId('inbox-item').first();
  await expect(item).toContainText('default');
  await expect(item).toContainText('Build ✅ 中文 ñ');
  await shot(page, info.outputPath('inbox-arrived.png'));

  // A card without summary or text: the pre-flight blocks it, "Send anyway" lets it go, and the inbox
  // answers as Teams does.
  await closeSend(page);
  await designer.replaceText('{\n  "@type": "MessageCard",\n  "title": "No summary"\n}');
  await openSend(page);
  await panel.getByRole('tab', { name: 'Send' }).click();
  await expect(panel.getByTestId('preflight-summary')).toContainText('1 error');
  await expect(panel.getByRole('button', { name: `Send to ${INBOX}` })).toBeDisabled();
  await panel.getByRole('checkbox', { name: 'Send anyway' }).check();
  const refused = await sendAndWait(page, INBOX);
  await expect(refused).toContainText('Refused: the card needs a summary or a text');
  await refused.getByRole('button', { name: 'Show raw answer' }).click();
  await expect(refused.getByTestId('raw-answer')).toContainText('HTTP 400');
  await expect(refused.getByTestId('raw-answer')).toContainText('Summary or Text is required.');
});

test('the pre-flight warns over 20 KB and blocks over 28 KB unless sent anyway', async ({ designer, page }) => {
  const card = (kb: number) => JSON.stringify({ summary: 'Big', text: 'x'.repeat(kb * 1024) });
  await designer.open();
  await designer.replaceText(card(21));
  await openSend(page);
  const panel = drawer(page);
  await panel.getByRole('combobox', { name: 'Target' }).selectOption('inbox');
  await expect(panel.getByRole('note').filter({ hasText: 'Over 20 KB' })).toBeVisible();
  await expect(panel.getByRole('button', { name: `Send to ${INBOX}` })).toBeEnabled();
  await closeSend(page);
  await designer.replaceText(card(29));
  await openSend(page);
  await expect(panel.getByText("over Teams' 28 KB limit")).toBeVisible();
  const send = panel.getByRole('button', { name: `Send to ${INBOX}` });
  await expect(send).toBeDisabled();
  await panel.getByRole('checkbox', { name: 'Send anyway' }).check();
  await expect(send).toBeEnabled();
});

test('past the rate limit the send waits with a countdown instead of failing', async ({ designer, page }, info) => {
  const start = new Date('2026-11-29T09:00:00Z').getTime();
  await page.clock.setFixedTime(start);
  await designer.open();
  await openSend(page);
  await addTarget(page, 'Fast', `${FAKE}/ok/fast`);
  // The clock stands still, so these four are in the same second.
  for (let i = 0; i < 4; i++) await expect(await sendAndWait(page, 'Fast')).toContainText('Delivered');
  expect(received).toHaveLength(4);

  await drawer(page).getByRole('button', { name: 'Send to Fast' }).click();
  const countdown = drawer(page).getByTestId('send-countdown');
  await expect(countdown).toContainText('Teams allows 4 cards a second on one webhook. Sending in 1 s');
  await shot(page, info.outputPath('send-countdown.png'));
  await page.waitForTimeout(300);
  expect(received).toHaveLength(4);

  await page.clock.setFixedTime(start + 1001);
  await expect(countdown).toBeHidden();
  await expect.poll(() => received.length).toBe(5);
  await expect(drawer(page).getByRole('tab', { name: 'History (5)' })).toBeVisible();
});

test('a URL is kept only when remembered, and forgotten when unticked', async ({ designer, page }) => {
  const secret = `${FAKE}/ok/webhookb2/remember-me-secret`;
  const stored = () => page.evaluate(() => JSON.stringify(localStorage));
  await designer.open();
  await openSend(page);
  await addTarget(page, 'Not kept', `${FAKE}/ok/webhookb2/forget-me-secret`);
  await sendAndWait(page, 'Not kept');
  await addTarget(page, 'Kept', secret, { remember: true });
  expect(await stored()).toContain('remember-me-secret');
  expect(await stored()).not.toContain('forget-me-secret');
  // The history names the target, never its URL.
  expect(await stored()).toContain('Not kept');

  await designer.open({ keepStorage: true });
  await openSend(page);
  const select = drawer(page).getByRole('combobox', { name: 'Target' });
  await expect(select.locator('option')).toHaveText(['Local Workflows webhook', INBOX, 'Kept']);
  await expect(drawer(page).getByTestId('target-url')).not.toContainText('remember-me');

  await drawer(page).getByRole('checkbox', { name: 'Remember on this device' }).uncheck();
  expect(await stored()).not.toContain('remember-me-secret');
  await designer.open({ keepStorage: true });
  await openSend(page);
  await expect(drawer(page).getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText([
    'Local Workflows webhook',
    INBOX,
  ]);
});

test('a past card can be reopened from the history and sent again', async ({ designer, page }) => {
  await designer.open();
  await designer.replaceText(EMOJI_CARD);
  await openSend(page);
  await addTarget(page, 'Again', `${FAKE}/ok/again`);
  await sendAndWait(page, 'Again');
  await closeSend(page);
  await designer.replaceText('{\n  "summary": "Something else"\n}');

  await openSend(page);
  const panel = drawer(page);
  await panel.getByRole('tab', { name: /History/ }).click();
  const row = panel.getByRole('row').filter({ hasText: 'Build ✅ 中文 ñ' });
  await expect(row).toContainText('Again');
  await expect(row).toContainText('Delivered');
  await row.getByRole('button', { name: /^Open the card/ }).click();
  await expect.poll(() => designer.editorText()).toBe(EMOJI_CARD);

  await row.getByRole('button', { name: /^Send .* again to Again/ }).click();
  await expect.poll(() => received.length).toBe(2);
  expect(received[1]!.body.equals(received[0]!.body)).toBe(true);
  await expect(panel.getByTestId('send-result')).toContainText('Delivered');
});

test('the send drawer has no serious or critical axe violation', async ({ designer, page }) => {
  await designer.open();
  await openSend(page);
  await drawer(page).getByRole('combobox', { name: 'Target' }).selectOption('inbox');
  await sendAndWait(page, INBOX);
  await drawer(page).getByRole('button', { name: 'Show raw answer' }).click();
  for (const tab of ['Send', 'History (1)', 'Inbox']) {
    await drawer(page).getByRole('tab', { name: tab }).click();
    if (tab === 'Inbox') {
      await drawer(page).getByRole('radio', { name: 'Connector inbox (retired 2026)' }).check();
      await expect(drawer(page).getByTestId('inbox-item').first()).toBeVisible();
    }
    expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] }), tab).toEqual([]);
  }
});
