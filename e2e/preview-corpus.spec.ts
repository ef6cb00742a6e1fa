import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { HOSTS, chooseHost, seriousViolations } from './previewKit.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));

// The files go through one page in a few batches: loading the designer and Monaco once per batch
// instead of once per file keeps the suite short. Each file is a step of its own, with soft
// assertions, so a failure names its file and does not hide the files after it.
const BATCHES = 4;
const SCREENSHOTS = Boolean(process.env.E2E_SCREENSHOTS);
const batches = Array.from({ length: BATCHES }, (_, b) => files.filter((_f, i) => i % BATCHES === b));

for (const [b, batch] of batches.entries()) {
  test(`corpus batch ${b + 1} of ${BATCHES} (${batch.length} files) renders in every host without an error`, async ({
    designer,
    page,
  }, info) => {
    test.setTimeout(300_000);
    let pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The corpus points at invented image hosts: a failed image load is expected, other errors are not.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
    });
    await page.setViewportSize({ width: 1280, height: 1400 });
    await designer.open();
    const card = designer.preview.getByTestId('preview-card');

    for (const file of batch) {
      await test.step(file, async () => {
        pageErrors = [];
        await chooseHost(designer, 'Teams light');
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
          await expect.soft(designer.preview.getByRole('status')).toContainText('Preview out of date');
          return;
        }
        await expect.soft(designer.preview.getByRole('status')).toHaveCount(0);
        for (const host of HOSTS) {
          await chooseHost(designer, host);
          await expect.soft(card).toBeVisible();
          await expect.soft(designer.preview.getByText(/could not be drawn/)).toHaveCount(0);
          // Pictures for a person to look at (E2E_SCREENSHOTS=1): 68 of them cost about a minute of the suite.
          if (SCREENSHOTS && (host === 'Teams light' || host === 'Teams dark')) {
            await card.screenshot({
              path: info.outputPath(`${file.replace('.json', '')}-${host.replace(' ', '-')}.png`),
            });
          }
        }
        // axe in every host runs on the sample and the feature cards (preview*.spec.ts); here in Teams light only.
        await chooseHost(designer, 'Teams light');
        expect.soft(await seriousViolations(page), `axe on ${file}`).toEqual([]);
        expect.soft(pageErrors, `page errors with ${file}`).toEqual([]);
      });
    }
  });
}
