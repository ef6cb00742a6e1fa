/**
 * The Teams app package: `manifest.json` and the two icons at the root of a .zip, the layout
 * Microsoft documents for an app package ("Teams app package": the app manifest and a colour and
 * an outline icon, zipped). Built with fflate's `zipSync`, in memory.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';

export interface PackageFiles {
  manifestText: string;
  /** File names as the manifest's `icons` give them. */
  colorName: string;
  outlineName: string;
  color: Uint8Array;
  outline: Uint8Array;
}

/**
 * Zips the package: `manifest.json` and the two icons under the names the manifest gives them, all
 * at the root (Teams rejects a package whose files sit in a folder).
 *
 * @throws when the icon names are equal or are not plain file names.
 */
export function buildPackage(files: PackageFiles): Uint8Array {
  const names = [files.colorName, files.outlineName];
  for (const name of names) {
    if (!name || /[\\/]/.test(name) || name.toLowerCase() === 'manifest.json')
      throw new Error(`Not a usable icon file name: "${name}"`);
  }
  if (files.colorName.toLowerCase() === files.outlineName.toLowerCase())
    throw new Error('The two icons need different file names');
  // A fixed date keeps the archive byte-identical for the same inputs.
  const mtime = new Date(2024, 0, 1);
  return zipSync(
    {
      'manifest.json': [strToU8(files.manifestText), { level: 6 }],
      [files.colorName]: [files.color, { level: 0 }],
      [files.outlineName]: [files.outline, { level: 0 }],
    },
    { mtime },
  );
}

/** The files of a zip, by name (for tests and for reading a package back). */
export function readPackage(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** A file name for the download: the package or short name made safe, or `teams-connector`. */
export function packageFileName(manifest: Record<string, unknown> | undefined): string {
  const name = manifest?.name as Record<string, unknown> | undefined;
  const source =
    (typeof manifest?.packageName === 'string' && manifest.packageName) ||
    (typeof name?.short === 'string' && name.short) ||
    'teams-connector';
  const safe = source
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return `${safe || 'teams-connector'}.zip`;
}
