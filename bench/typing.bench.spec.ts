import { test, type Page } from '@playwright/test';

/**
 * How long a keystroke takes to show in the preview, measured inside the page: from the keydown event
 * to the mutation of the preview title. A frame at 60 Hz is 16.7 ms.
 */
async function measureTyping(page: Page, keystrokes: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __down: number };
    w.__lat = [];
    window.addEventListener('keydown', () => (w.__down = performance.now()), { capture: true });
    const title = document.querySelector('[data-testid="preview-title"]')!;
    new MutationObserver(() => w.__lat.push(performance.now() - w.__down)).observe(title, {
      characterData: true,
      childList: true,
      subtree: true,
    });
  });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, i);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  const inFrame = values.filter((v) => v <= 16.7).length;
  return `${label.padEnd(40)} n=${values.length}  median ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  within a frame ${inFrame}/${values.length}\n`;
}

async function openWith(page: Page, text: string) {
  await page.goto('/');
  await page.evaluate((t) => {
    localStorage.clear();
    localStorage.setItem('messagecard-designer:text:v1', JSON.stringify(t));
    localStorage.setItem('messagecard-designer:cursor:v1', JSON.stringify(t.indexOf('"title": "') + 10));
  }, text);
  await page.goto('/');
  await page.waitForFunction(() => 'cardEditor' in window);
  await page.locator('.monaco-editor .view-lines').click();
  await page.evaluate((t) => {
    const editor = (
      window as unknown as {
        cardEditor: { getModel(): { getPositionAt(o: number): unknown }; setPosition(p: unknown): void };
      }
    ).cardEditor;
    editor.setPosition(editor.getModel().getPositionAt(t.indexOf('"title": "') + 10));
  }, text);
}

function card(sections: number, factsPerSection: number): string {
  return JSON.stringify(
    {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: 'Benchmark',
      title: 'Benchmark',
      sections: Array.from({ length: sections }, (_, s) => ({
        activityTitle: `Section ${s}`,
        facts: Array.from({ length: factsPerSection }, (_, f) => ({ name: `Fact ${f}`, value: `Value ${s}.${f}` })),
      })),
    },
    null,
    2,
  );
}

test('keystroke to preview', async ({ page }) => {
  const out: string[] = [];
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  const started = Date.now();
  await page.goto('/');
  await page.getByTestId('preview-title').waitFor();
  const previewAt = Date.now() - started;
  await page.locator('.monaco-editor').waitFor();
  const editorAt = Date.now() - started;
  out.push(`first load: preview visible after ${previewAt} ms, editor after ${editorAt} ms\n`);

  for (const [label, text] of [
    ['sample card (2.5 KB)', undefined],
    ['ordinary card, 3 sections x 6 facts', card(3, 6)],
    ['near the limit, 10 sections x 25 facts', card(10, 25)],
    ['oversized, 100 sections x 40 facts', card(100, 40)],
  ] as const) {
    if (text) await openWith(page, text);
    else {
      await page.locator('.monaco-editor .view-lines').click();
      const source = await page.evaluate(() =>
        (window as unknown as { cardEditor: { getValue(): string } }).cardEditor.getValue(),
      );
      await page.evaluate(
        (o) => {
          const editor = (
            window as unknown as {
              cardEditor: { getModel(): { getPositionAt(o: number): unknown }; setPosition(p: unknown): void };
            }
          ).cardEditor;
          editor.setPosition(editor.getModel().getPositionAt(o));
        },
        source.indexOf('"title": "') + 10,
      );
    }
    const size = await page.evaluate(
      () => (window as unknown as { cardEditor: { getValue(): string } }).cardEditor.getValue().length,
    );
    out.push(summary(`${label} [${(size / 1024).toFixed(1)} KB]`, await measureTyping(page, 40)));
  }
  process.stdout.write('\n' + out.join(''));
});
