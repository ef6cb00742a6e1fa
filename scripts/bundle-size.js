// @ts-check
// Prints the size of every file of a build, minified and gzipped, grouped the way the README reports them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

const html = readFileSync(join(root, 'index.html'), 'utf8');
// vite.config.ts puts the editor's preloads after this comment, behind the first screen's own files.
const [index = '', preloaded = ''] = html.split('<!-- the JSON editor, fetched beside the first screen -->');
const rows = files(root)
  .filter((path) => /\.(js|css|ttf|woff2?)$/.test(path))
  .map((path) => {
    const content = readFileSync(path);
    const name = relative(root, path);
    const base = name.split('/').pop() ?? name;
    const kind = index.includes(base)
      ? 'entry (loaded first)'
      : preloaded.includes(base)
        ? 'editor (preloaded)'
        : 'lazy';
    return { name, kind, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  })
  .sort((a, b) => b.raw - a.raw);

let totalRaw = 0;
let totalGzip = 0;
for (const row of rows) {
  totalRaw += row.raw;
  totalGzip += row.gzip;
  process.stdout.write(
    `${row.name.padEnd(60)} ${row.kind.padEnd(22)} ${kb(row.raw).padStart(11)} ${kb(row.gzip).padStart(11)} gzip\n`,
  );
}
process.stdout.write(`${'total'.padEnd(83)} ${kb(totalRaw).padStart(11)} ${kb(totalGzip).padStart(11)} gzip\n`);
for (const kind of ['entry (loaded first)', 'editor (preloaded)']) {
  const of = rows.filter((row) => row.kind === kind && row.name.endsWith('.js'));
  const raw = of.reduce((sum, row) => sum + row.raw, 0);
  const gzip = of.reduce((sum, row) => sum + row.gzip, 0);
  process.stdout.write(`${`JavaScript, ${kind}`.padEnd(83)} ${kb(raw).padStart(11)} ${kb(gzip).padStart(11)} gzip\n`);
}
