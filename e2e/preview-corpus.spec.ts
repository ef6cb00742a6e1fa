import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { HOSTS, chooseHost, seriousViolations } from './previewKit.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));

test.describe.configure({ mode: 'default' });

for (const file of files) {
  test(`corpus ${file} renders in every host without an error`, async ({ designer, page }, info) => {
    test.setTimeout(120_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The corpus points at invented image hosts: a failed image load is expected, other errors are not.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
    });
    await page.setViewportSize({ width: 1280, height: 1400 });
    await designer.open();
    const text = readFileSync(join(CORPUS, file), 'utf8');
    await designer.replaceText(text);
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    if (!parses) {
      // Not JSON (a trailing comma): the preview keeps the last card and says where the error is.
      await expect(designer.preview.getByRole('status')).toContainText('Preview out of date');
      return;
    }
    const card = designer.preview.getByTestId('preview-card');
    for (const host of HOSTS) {
      await chooseHost(designer, host);
      await expect(card).toBeVisible();
      await expect(designer.preview.getByText(/could not be drawn/)).toHaveCount(0);
      if (host === 'Teams light' || host === 'Teams dark') {
        await card.screenshot({ path: info.outputPath(`${file.replace('.json', '')}-${host.replace(' ', '-')}.png`) });
      }
    }
    // axe in every host runs on the sample and the feature cards (preview*.spec.ts); here in Teams light only.
    await chooseHost(designer, 'Teams light');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}
