import { test, expect } from './fixtures.ts';

/** A 1×1 PNG as a data URI, and an https image: the two kinds of image the CSP lets the preview draw. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const CARD = JSON.stringify(
  {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: 'Release 2.4',
    title: 'Release 2.4 is out',
    text: 'All **green**, see ![chart](https://example.com/chart.png)',
    sections: [{ activityImage: PIXEL, activityTitle: 'Build bot', images: [{ image: PIXEL, title: 'pixel' }] }],
  },
  null,
  2,
);

test('the designer works under its Content-Security-Policy without a violation', async ({ designer, page }) => {
  // One journey through the editor, the renderer and a dialog: more than the default minute on a busy machine.
  test.slow();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|Refused to/i.test(error.message)) violations.push(`error: ${error.message}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });

  const response = await page.goto('/');
  const policy = (await response!.headerValue('content-security-policy')) ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(await response!.headerValue('referrer-policy')).toBe('no-referrer');
  // The first load fetches Monaco's chunks into the cache, however slow the machine.
  await expect(designer.editor).toBeVisible({ timeout: 60_000 });

  await designer.open();
  // Typing: Monaco and its workers (the JSON language service) under the policy.
  await designer.replaceText(CARD);
  await designer.editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' ');
  await expect(designer.preview).toContainText('Release 2.4 is out');
  await expect(designer.preview.locator(`img[src^="data:image/png"]`).first()).toBeVisible();

  // Microsoft's Adaptive Card renderer.
  await page.getByRole('tab', { name: /Adaptive Card/ }).click();
  await expect(page.getByRole('region', { name: 'Adaptive Card for Workflows' })).toContainText('Release 2.4 is out');

  // A dialog (Fluent's portal and styles) that draws card thumbnails with the preview.
  await designer.toolbarButton('Templates').click();
  await expect(page.getByRole('dialog', { name: 'Templates' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('csp-templates.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  expect(violations).toEqual([]);
});
