/// <reference types="vitest/config" />
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { webhookProxy } from './server/vitePlugin.ts';

/**
 * Monaco's language services create their worker through `internal/common/workers.js`, which also
 * imports every editor contribution Monaco has, for side effects (the diff editor, the command palette,
 * inline completions, sticky scroll...): about 440 KB that the JSON panes never use, which would come back
 * with the JSON language. This keeps the module's own code (the worker factory) and drops those imports;
 * `features/editor/setupMonaco.ts` registers the contributions the JSON panes use.
 */
function monacoWithoutUnusedContributions(): Plugin {
  const workers = /monaco-editor\/esm\/vs\/internal\/common\/workers\.js$/;
  return {
    name: 'monaco-without-unused-contributions',
    apply: 'build',
    transform(code, id) {
      if (!workers.test(id)) return null;
      return code.replace(
        /^import '\.\.\/\.\.\/(editor\/contrib|editor\/standalone\/browser|editor\/browser\/widget\/diffEditor)\/[^']+';$/gm,
        '',
      );
    },
  };
}

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, so that the
 * server (`server/standalone.js`, sirv) sends the smallest encoding the browser accepts without
 * compressing on each request: compressing the Monaco chunk on the fly takes the server longer than
 * the browser takes to run it. Brotli at its highest quality makes the Monaco chunk about a quarter
 * smaller than gzip; it costs a few seconds of build, spread over the cores.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg|txt)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const content = await readFile(path);
          if (content.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), webhookProxy(), monacoWithoutUnusedContributions(), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Test and build output must not make the dev server reload the page.
    watch: { ignored: ['**/dist*/**', '**/test-results*/**', '**/playwright-report/**'] },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    // The Monaco chunk is about 4 MB minified; it is loaded lazily, after the preview.
    chunkSizeWarningLimit: 4096,
    // `.vite/manifest.json`: the chunk graph, which scripts/bundle-size.js reads (not served: a dot folder).
    manifest: true,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
