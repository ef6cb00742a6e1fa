import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, shot, seriousAxeViolations, type Designer } from './fixtures.ts';

async function openSnippets(designer: Designer) {
  await designer.toolbarButton('Export').click();
  await designer.page.getByRole('menuitem', { name: 'Code snippets…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: 'Code snippets' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function run(command: string, file: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      [file],
      { timeout: 30_000, env: { ...process.env, NO_PROXY: '*', no_proxy: '*' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? 1 : 0, out: `${stdout}${stderr}` });
      },
    );
  });
}

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

test('the snippets dialog shows each language with the placeholder and copies it', async ({
  designer,
  page,
  context,
}, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await designer.open();
  const dialog = await openSnippets(designer);
  const code = dialog.getByTestId('snippet-code');
  await expect(code).toContainText('curl --silent --show-error');
  await expect(code).toContainText('https://paste-your-webhook-url-here.invalid/');
  await shot(page, info.outputPath('snippets-dialog.png'));
  expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);

  for (const [tab, marker] of [
    ['PowerShell', '[System.Text.Encoding]::UTF8.GetBytes($card)'],
    ['Python', 'requests.post('],
    ['Node.js', 'await fetch(webhookUrl'],
    ['C#', 'new StringContent(card, Encoding.UTF8, "application/json")'],
  ] as const) {
    await dialog.getByRole('tab', { name: tab }).click();
    await expect(code).toContainText(marker);
    await expect(code).toContainText('Release 2.4 is ready for review');
  }
  await shot(page, info.outputPath('snippets-csharp.png'));
  await dialog.getByRole('button', { name: 'Copy C#' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('HttpStatusCode.OK && answer == "1"');
  await expect(dialog.getByRole('status')).toHaveText('C# snippet copied.');

  await dialog.getByRole('tab', { name: 'curl' }).click();
  await dialog.getByRole('checkbox', { name: 'Card on one line' }).check();
  await expect(code).toContainText('{"@type":"MessageCard","@context":"https://schema.org/extensions"');
});

test('from a template to a working snippet: each runs against the local inbox and the card arrives', async ({
  designer,
  page,
  context,
  baseURL,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await designer.open();
  await designer.toolbarButton('Templates').click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: /On-call handover/ })
    .click();
  await expect.poll(() => designer.editorText()).toContain('On-call handover');
  const card = JSON.parse(await designer.editorText());

  // The snippets answer as the connector did (200 "1"): send them to the local connector inbox, the
  // second built-in target (the default is the local Workflows webhook, which answers 202).
  await designer.toolbarButton(/^Send$/).click();
  const send = page.getByRole('dialog', { name: 'Send a test card' });
  await send.getByRole('combobox', { name: 'Target' }).selectOption('inbox');
  await send.getByRole('button', { name: 'Close' }).click();
  await expect(send).toBeHidden();

  const dialog = await openSnippets(designer);
  const code = dialog.getByTestId('snippet-code');
  const useUrl = dialog.getByRole('checkbox', { name: /Put in the webhook URL of/ });
  await useUrl.check();
  const inboxUrl = `${baseURL}/api/inbox/default`;
  await expect(code).toContainText(inboxUrl);

  const dir = mkdtempSync(join(tmpdir(), 'snippets-e2e-'));
  const runners = [
    { tab: 'curl', file: 'send-card.sh', command: 'bash', available: has('bash', ['-c', 'command -v curl']) },
    { tab: 'Node.js', file: 'send-card.mjs', command: process.execPath, available: true },
    { tab: 'Python', file: 'send_card.py', command: 'python3', available: has('python3', ['-c', 'import requests']) },
  ];
  await request.delete('/api/inbox', { headers: { Origin: baseURL! } });
  let sent = 0;
  for (const runner of runners.filter((r) => r.available)) {
    await dialog.getByRole('tab', { name: runner.tab }).click();
    await dialog.getByRole('button', { name: `Copy ${runner.tab}` }).click();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain(inboxUrl);
    const file = join(dir, runner.file);
    writeFileSync(file, snippet);
    const result = await run(runner.command, file);
    expect(result.out).toContain('Teams accepted the card.');
    expect(result.code).toBe(0);
    sent++;
    await page.waitForTimeout(300); // the inbox throttles like Teams: 4 posts a second
  }
  expect(sent).toBeGreaterThanOrEqual(2);
  const inbox = (await (await request.get('/api/inbox?name=default')).json()) as { items: { card: unknown }[] };
  expect(inbox.items).toHaveLength(sent);
  for (const item of inbox.items) expect(item.card).toEqual(card);

  // Closing forgets the choice: the URL is a secret and is never put in unasked.
  await dialog.getByRole('button', { name: 'Close' }).click();
  const again = await openSnippets(designer);
  await expect(again.getByTestId('snippet-code')).toContainText('https://paste-your-webhook-url-here.invalid/');
});

test('a card whose JSON is broken gets a message instead of a snippet', async ({ designer, page }) => {
  await designer.open();
  await designer.replaceText('{ "summary": "half typed", ');
  await designer.toolbarButton('Export').click();
  await expect(page.getByRole('menuitem', { name: 'Code snippets…' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await designer.toolbarButton('Share').click();
  await expect(page.getByRole('dialog', { name: 'Share this card' })).toContainText('Fix the JSON errors first');
});
