/**
 * The manifest a new package starts from. Apart from `package.ts` (the zip, with fflate): the package
 * store opens on this text when the designer starts, and the zip code is only needed to build a package.
 */
import { DEFAULT_MANIFEST_VERSION, schemaUrlFor } from './schema.ts';

/** The icon file names a new package uses; the manifest's `icons` name them. */
const DEFAULT_ICON_NAMES = { color: 'color.png', outline: 'outline.png' } as const;

/** The manifest a new package starts from: every field the form shows, in the documented order. */
export const NEW_MANIFEST_TEXT = `${JSON.stringify(
  {
    $schema: schemaUrlFor(DEFAULT_MANIFEST_VERSION),
    manifestVersion: DEFAULT_MANIFEST_VERSION,
    id: '',
    version: '1.0.0',
    packageName: '',
    developer: { name: '', websiteUrl: '', privacyUrl: '', termsOfUseUrl: '' },
    name: { short: '', full: '' },
    description: { short: '', full: '' },
    icons: { color: DEFAULT_ICON_NAMES.color, outline: DEFAULT_ICON_NAMES.outline },
    accentColor: '#FFFFFF',
    connectors: [{ connectorId: '', scopes: ['team'] }],
  },
  null,
  2,
)}\n`;
