// @ts-check
// Prints the size of every file of a build, minified and gzipped, grouped the way the README reports them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The files a chunk of Vite's manifest (`build.manifest`) brings with it: its own, its style sheets and
 * those of every chunk it imports statically.
 * @param {Record<string, { file: string, imports?: string[], css?: string[] }>} manifest
 * @param {string} key
 * @param {Set<string>} [into]
 */
function closure(manifest, key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const appKey = Object.keys(manifest).find((key) => key.endsWith('src/app/start.tsx'));
const editorKey = Object.keys(manifest).find((key) => key.endsWith('src/features/editor/JsonEditor.tsx'));
if (!entryKey || !appKey || !editorKey)
  throw new Error('bundle-size: no entry, app or JSON editor chunk in the manifest');
// The first script (`src/main.tsx`: the last picture), the app it imports at once, then the editor.
const entry = closure(manifest, entryKey);
const app = closure(manifest, appKey);
const editor = closure(manifest, editorKey);
const rows = files(root)
  .filter((path) => /\.(js|css|ttf|woff2?)$/.test(path))
  .map((path) => {
    const content = readFileSync(path);
    const name = relative(root, path);
    const kind = entry.has(name)
      ? 'entry (first script)'
      : app.has(name)
        ? 'app (first screen)'
        : editor.has(name)
          ? 'editor (first screen)'
          : 'lazy';
    // The Brotli copy the build wrote beside the file (vite.config.ts, precompress), which the server sends.
    const br = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : content.length;
    return { name, kind, raw: content.length, gzip: gzipSync(content, { level: 9 }).length, br };
  })
  .sort((a, b) => b.raw - a.raw);

/** @param {string} label @param {{ raw: number, gzip: number, br: number }} size */
const line = (label, { raw, gzip, br }) =>
  `${label.padEnd(83)} ${kb(raw).padStart(11)} ${kb(gzip).padStart(11)} gzip ${kb(br).padStart(11)} br\n`;
/** @param {typeof rows} of */
const sum = (of) => ({
  raw: of.reduce((total, row) => total + row.raw, 0),
  gzip: of.reduce((total, row) => total + row.gzip, 0),
  br: of.reduce((total, row) => total + row.br, 0),
});

for (const row of rows) process.stdout.write(line(`${row.name.padEnd(60)} ${row.kind.padEnd(22)}`, row));
process.stdout.write(line('total', sum(rows)));
for (const kind of ['entry (first script)', 'app (first screen)', 'editor (first screen)']) {
  process.stdout.write(
    line(`JavaScript, ${kind}`, sum(rows.filter((row) => row.kind === kind && row.name.endsWith('.js')))),
  );
}
