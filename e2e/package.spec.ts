import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, seriousAxeViolations } from './fixtures.ts';

// ---------------------------------------------------------------------------------------------
// A tiny PNG writer, so the test uploads real files (8-bit RGBA or RGB, filter 0).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgba = [number, number, number, number];

/** A PNG of `size` × `size` pixels; `alpha: false` writes RGB (colour type 2) without any transparency. */
function png(size: number, pixel: (x: number, y: number) => Rgba, { alpha = true } = {}): Buffer {
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc((size * channels + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const value = pixel(x, y);
      for (let c = 0; c < channels; c++) raw[y * (size * channels + 1) + 1 + x * channels + c] = value[c]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, alpha ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const COLOR_ICON = png(192, (x, y) =>
  Math.hypot(x - 96, y - 96) < 60 ? [255, 255, 255, 255] : [0x44, 0x64, 0xee, 255],
);
const OUTLINE_ICON = png(32, (x, y) =>
  Math.abs(Math.hypot(x - 16, y - 16) - 11) < 1.5 ? [255, 255, 255, 255] : [0, 0, 0, 0],
);
const OPAQUE_OUTLINE = png(32, () => [0x44, 0x64, 0xee, 255], { alpha: false });

const APP_ID = '0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e';
const CONNECTOR_ID = '7b2c8d4e-1f3a-4b5c-9d6e-0a1b2c3d4e5f';

// ---------------------------------------------------------------------------------------------

/** The package is for owners of an existing connector: it is in the toolbar's "More" menu, opened by keyboard. */
async function openPackage(page: Page): Promise<Locator> {
  const more = page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'More' });
  await more.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Connector package (for existing connector owners)…' });
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const view = page.locator('.package-view');
  await expect(view.getByRole('heading', { name: 'Connector app package' })).toBeFocused();
  await page.waitForFunction(() => 'manifestEditor' in window);
  return view;
}

function field(view: Locator, name: RegExp): Locator {
  return view.getByRole('textbox', { name });
}

function manifestText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { manifestEditor: { getValue(): string } }).manifestEditor.getValue(),
  );
}

async function fill(view: Locator, name: RegExp, value: string) {
  // As a person pastes a value they copied (typing every field key by key is too slow on CI machines).
  await field(view, name).fill(value);
}

test('a connector owner fills the form, uploads two icons and downloads an uploadable package', async ({
  designer,
  page,
}, info) => {
  test.setTimeout(120_000);
  await designer.open();
  const view = await openPackage(page);
  await expect(view).toContainText('Microsoft stopped registering new connectors in October 2024');
  const download = view.getByRole('button', { name: 'Download package' });
  await expect(download).toBeDisabled();
  await expect(view.getByRole('region', { name: 'Package problems' })).toContainText('The app ID is required');
  await shot(page, info.outputPath('package-empty.png'));

  // Mistakes first: each is explained before any download.
  await fill(view, /^App ID/, 'my-connector');
  await fill(view, /^Short name/, 'Contoso build and deployment alerts');
  await fill(view, /^Website/, 'contoso.example.com');
  await view
    .getByLabel(/Upload outline icon/)
    .setInputFiles({ name: 'outline.png', mimeType: 'image/png', buffer: OPAQUE_OUTLINE });
  await view.getByLabel(/Upload colour icon/).setInputFiles({
    name: 'logo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]),
  });
  const problems = view.getByRole('region', { name: 'Package problems' });
  await expect(problems).toContainText('The app ID must be a GUID');
  await expect(problems).toContainText('The short name is 35 characters long; Teams allows at most 30.');
  await expect(problems).toContainText('The developer website must be a web address starting with https://');
  await expect(problems).toContainText('Outline icon: The outline icon has no transparency');
  await expect(problems).toContainText('Colour icon: The colour icon is a JPEG image, not a PNG.');
  await expect(view.getByTestId('icon-outline')).toContainText('The outline icon has no transparency');
  await expect(download).toBeDisabled();
  await shot(page, info.outputPath('package-errors.png'));
  await view.getByTestId('icon-color').scrollIntoViewIfNeeded();
  await shot(page, info.outputPath('package-icon-errors.png'));
  // Nothing in the view stretches the page: it fits the window and scrolls inside its columns.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);

  // Now correctly.
  await fill(view, /^App ID/, APP_ID);
  await fill(view, /^App version/, '1.2.0');
  await fill(view, /^Package name/, 'com.contoso.alerts');
  await fill(view, /^Developer name/, 'Contoso');
  await fill(view, /^Website/, 'https://contoso.example.com');
  await fill(view, /^Privacy statement URL/, 'https://contoso.example.com/privacy');
  await fill(view, /^Terms of use URL/, 'https://contoso.example.com/terms');
  await fill(view, /^Short name/, 'Contoso Alerts');
  await fill(view, /^Full name/, 'Contoso build and deployment alerts');
  await fill(view, /^Short description/, 'Build alerts in your channel');
  await fill(view, /^Full description/, 'Posts build and deployment alerts from Contoso CI to a Teams channel.');
  await fill(view, /^Accent colour(?! picker)/, '#4464EE');
  await fill(view, /^Connector ID/, CONNECTOR_ID);
  await fill(view, /^Configuration URL/, 'https://contoso.example.com/teams/configure');
  await view
    .getByLabel(/Upload colour icon/)
    .setInputFiles({ name: 'contoso-192.png', mimeType: 'image/png', buffer: COLOR_ICON });
  await view
    .getByLabel(/Upload outline icon/)
    .setInputFiles({ name: 'contoso-32.png', mimeType: 'image/png', buffer: OUTLINE_ICON });
  await expect(view.getByTestId('icon-outline')).toContainText('Checked: right size, white on transparent.');
  await expect(problems).toContainText('No problems: the package is ready to download.');
  await expect(download).toBeEnabled();

  // The form wrote the JSON beside it.
  const text = await manifestText(page);
  expect(JSON.parse(text)).toMatchObject({ id: APP_ID, name: { short: 'Contoso Alerts' } });
  await shot(page, info.outputPath('package-valid.png'));

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('com.contoso.alerts.zip');
  const files = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  expect(Buffer.from(files['color.png']!).equals(COLOR_ICON)).toBe(true);
  expect(Buffer.from(files['outline.png']!).equals(OUTLINE_ICON)).toBe(true);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  expect(manifest).toEqual({
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.schema.json',
    manifestVersion: '1.16',
    id: APP_ID,
    version: '1.2.0',
    packageName: 'com.contoso.alerts',
    developer: {
      name: 'Contoso',
      websiteUrl: 'https://contoso.example.com',
      privacyUrl: 'https://contoso.example.com/privacy',
      termsOfUseUrl: 'https://contoso.example.com/terms',
    },
    name: { short: 'Contoso Alerts', full: 'Contoso build and deployment alerts' },
    description: {
      short: 'Build alerts in your channel',
      full: 'Posts build and deployment alerts from Contoso CI to a Teams channel.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#4464EE',
    connectors: [
      { connectorId: CONNECTOR_ID, scopes: ['team'], configurationUrl: 'https://contoso.example.com/teams/configure' },
    ],
  });
  await expect(view.getByRole('status').filter({ hasText: 'com.contoso.alerts.zip downloaded' })).toBeVisible();

  // The package survives a reload, icons included.
  await page.waitForTimeout(400);
  await page.reload();
  const again = await openPackage(page);
  await expect(field(again, /^Short name/)).toHaveValue('Contoso Alerts');
  await expect(again.getByTestId('icon-color')).toContainText('contoso-192.png · 192 × 192 PNG');
  await expect(again.getByRole('button', { name: 'Download package' })).toBeEnabled();
});

test('the manifest JSON and the form stay in sync both ways, with their own undo', async ({ designer, page }) => {
  await designer.open();
  const cardBefore = await designer.editorText();
  const view = await openPackage(page);

  // JSON → form: type into the manifest editor.
  const before = await manifestText(page);
  const at = before.indexOf('"short": ""') + '"short": "'.length;
  await page.evaluate((offset) => {
    const editor = (
      window as unknown as {
        manifestEditor: {
          getModel(): { getPositionAt(o: number): unknown };
          setPosition(p: unknown): void;
          focus(): void;
        };
      }
    ).manifestEditor;
    editor.setPosition(editor.getModel().getPositionAt(offset));
    editor.focus();
  }, at);
  await page.keyboard.type('Alerts');
  await expect(field(view, /^Short name/)).toHaveValue('Alerts');
  await expect(view.getByText('6 / 30 characters')).toBeVisible();

  // The rules' markers sit in the manifest editor beside the schema's.
  await expect
    .poll(() =>
      page.evaluate(() =>
        (
          window as unknown as {
            monaco: { editor: { getModelMarkers(f: object): { code?: unknown; message: string }[] } };
          }
        ).monaco.editor
          .getModelMarkers({ owner: 'Manifest rules' })
          .map((m) => m.code),
      ),
    )
    .toContain('manifest-required');
  const afterTyping = await manifestText(page);
  // The manifest schema drives completion, although the text names Microsoft's public $schema URL.
  await page.evaluate(() => {
    const editor = (
      window as unknown as {
        manifestEditor: {
          getModel(): { getPositionAt(o: number): unknown };
          setPosition(p: unknown): void;
          focus(): void;
        };
      }
    ).manifestEditor;
    editor.setPosition(editor.getModel().getPositionAt(2));
    editor.focus();
  });
  await page.keyboard.press('Enter');
  await page.keyboard.type('"');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.package-view .suggest-widget')).toContainText('needsIdentity');
  await page.keyboard.press('Escape');
  await page.evaluate((text) => {
    const editor = (window as unknown as { manifestEditor: { getModel(): { setValue(v: string): void } } })
      .manifestEditor;
    editor.getModel().setValue(text);
  }, afterTyping);
  await expect.poll(() => manifestText(page)).toBe(afterTyping);

  // Form → JSON, then undo from the package toolbar.
  await view.getByRole('button', { name: 'New GUID' }).click();
  await expect.poll(async () => JSON.parse(await manifestText(page)).id).toMatch(/^[0-9a-f]{8}-/);
  await view.getByRole('button', { name: 'Undo package change' }).click();
  await expect.poll(async () => JSON.parse(await manifestText(page)).id).toBe('');

  // A syntax error disables the form and says why; the card was never touched.
  await page.evaluate(() => {
    const editor = (window as unknown as { manifestEditor: { getModel(): { setValue(v: string): void } } })
      .manifestEditor;
    editor.getModel().setValue('{ "id": ');
  });
  await expect(view.getByText('The manifest JSON has a syntax error')).toBeVisible();
  await expect(field(view, /^Short name/)).toBeDisabled();
  await view.getByRole('button', { name: 'Back to the card' }).click();
  await expect(
    page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name: 'More' }),
  ).toBeFocused();
  expect(await designer.editorText()).toBe(cardBefore);
});

test('icons can be generated from a colour and two letters', async ({ designer, page }, info) => {
  await designer.open();
  const view = await openPackage(page);
  await fill(view, /^Short name/, 'Contoso Alerts');
  await expect(view.getByRole('textbox', { name: 'Letters' })).toHaveValue('CA');
  await view.getByRole('button', { name: 'Generate both icons' }).click();
  await expect(view.getByTestId('icon-color')).toContainText('generated · 192 × 192 PNG with transparency');
  await expect(view.getByTestId('icon-color')).toContainText('Checked: right size.');
  await expect(view.getByTestId('icon-outline')).toContainText('Checked: right size, white on transparent.');
  await view.getByTestId('icon-color').scrollIntoViewIfNeeded();
  await shot(page, info.outputPath('package-generated-icons.png'));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the package view in the ${colorScheme} theme has no serious or critical axe violation`, async ({
    designer,
    page,
  }, info) => {
    await page.emulateMedia({ colorScheme });
    await designer.open();
    const view = await openPackage(page);
    await fill(view, /^App ID/, 'nope');
    await expect(view.getByRole('region', { name: 'Package problems' })).toContainText('must be a GUID');
    await shot(page, info.outputPath(`package-${colorScheme}.png`));
    expect(await seriousAxeViolations(page, { exclude: ['[data-tabster-dummy]'] })).toEqual([]);
  });
}
