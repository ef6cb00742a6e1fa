import { act, fireEvent, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NEW_MANIFEST_TEXT } from '../../manifest/newManifest.ts';
import { encodePng } from '../../lib/png.ts';
import { rgba } from '../../manifest/testkit.ts';
import { createTestStores } from '../../store/createStores.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import type { PackageStore } from '../../store/packageStore.ts';
import { PackageStoreProvider } from '../../store/hooks.ts';
import { renderWithStores } from '../../test/renderWithStores.tsx';
import { PackageView, type ManifestEditorProps } from './PackageView.tsx';

const VALID = {
  manifestVersion: '1.16',
  id: '0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e',
  version: '1.0.0',
  developer: {
    name: 'Contoso',
    websiteUrl: 'https://contoso.example.com',
    privacyUrl: 'https://contoso.example.com/privacy',
    termsOfUseUrl: 'https://contoso.example.com/terms',
  },
  name: { short: 'Alerts', full: 'Contoso Alerts' },
  description: { short: 'Alerts', full: 'Build alerts in your channel.' },
  icons: { color: 'color.png', outline: 'outline.png' },
  accentColor: '#4464EE',
  connectors: [{ connectorId: '7b2c8d4e-1f3a-4b5c-9d6e-0a1b2c3d4e5f', scopes: ['team'] }],
};

/** A plain textarea stands in for Monaco: the view only needs text in and text out. */
function FakeEditor(props: ManifestEditorProps) {
  return (
    <textarea aria-label="Manifest JSON editor" value={props.text} onChange={(e) => props.onChange(e.target.value)} />
  );
}

let designerStore: DesignerStore;
let packageStore: PackageStore;
let stores: ReturnType<typeof createTestStores>;

function renderView(onClose = () => {}) {
  return renderWithStores(
    <FluentProvider theme={webLightTheme}>
      <PackageStoreProvider value={packageStore}>
        <PackageView onClose={onClose} renderEditor={(props) => <FakeEditor {...props} />} />
      </PackageStoreProvider>
    </FluentProvider>,
    { stores },
  );
}

// Rendering Fluent in happy-dom is slow on a loaded two-core machine; the first render pays for it.
describe('the package view', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    stores = createTestStores();
    designerStore = stores.designer;
    packageStore = await stores.openPackage();
  });

  it('starts from the new manifest', () => {
    expect(packageStore.getState().text).toBe(NEW_MANIFEST_TEXT);
  });

  it('says plainly that connectors are retired and who this is for', () => {
    renderView();
    expect(screen.getByText('Office 365 connectors are retired')).toBeTruthy();
    expect(document.body.textContent).toContain('Microsoft stopped registering new connectors in October 2024');
    expect(document.body.textContent).toContain('owners of an existing connector ID');
  });

  it('writes form edits into the manifest text and shows each field’s problem beside it', () => {
    renderView();
    const shortName = screen.getByRole('textbox', { name: /^Short name/ });
    fireEvent.change(shortName, { target: { value: 'x'.repeat(31) } });
    expect(JSON.parse(packageStore.getState().text).name.short).toBe('x'.repeat(31));
    expect(document.body.textContent).toContain('The short name is 31 characters long; Teams allows at most 30.');
    expect(screen.getByText('31 / 30 characters')).toBeTruthy();
  });

  it('reads edits of the JSON back into the form', () => {
    renderView();
    const editor = screen.getByRole('textbox', { name: 'Manifest JSON editor' });
    fireEvent.change(editor, { target: { value: JSON.stringify({ ...VALID, name: { short: 'Typed', full: 'x' } }) } });
    expect((screen.getByRole('textbox', { name: /^Short name/ }) as HTMLInputElement).value).toBe('Typed');
  });

  it('keeps the download closed until the manifest and both icons are right, then zips them', () => {
    renderView();
    const download = screen.getByRole('button', { name: 'Download package' }) as HTMLButtonElement;
    expect(download.disabled).toBe(true);
    act(() => packageStore.getState().setText(JSON.stringify(VALID, null, 2), 'command'));
    expect(download.disabled).toBe(true);
    expect(document.body.textContent).toContain('Colour icon is missing');
    act(() => {
      packageStore.getState().setIcon('color', 'c.png', encodePng(rgba(192, () => [1, 2, 3, 255])));
      packageStore
        .getState()
        .setIcon('outline', 'o.png', encodePng(rgba(32, (x) => (x < 16 ? [255, 255, 255, 255] : [0, 0, 0, 0]))));
    });
    expect(download.disabled).toBe(false);
    const created = vi.fn((_blob: Blob) => 'blob:package');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(download);
    expect(click).toHaveBeenCalledOnce();
    expect(created.mock.calls[0]![0].type).toBe('application/zip');
    expect(document.body.textContent).toContain('Alerts.zip downloaded: manifest.json, color.png and outline.png');
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('undoes package changes, not the card, on Ctrl+Z outside text fields', () => {
    renderView();
    const cardBefore = designerStore.getState().text;
    fireEvent.click(screen.getByRole('button', { name: 'New GUID' }));
    expect(JSON.parse(packageStore.getState().text).id).toMatch(/^[0-9a-f-]{36}$/);
    const toolbar = screen.getByRole('toolbar', { name: 'Package commands' });
    fireEvent.keyDown(within(toolbar).getByRole('button', { name: 'Back to the card' }), { key: 'z', ctrlKey: true });
    expect(JSON.parse(packageStore.getState().text).id).toBe('');
    expect(designerStore.getState().text).toBe(cardBefore);
  });
});
