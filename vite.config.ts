/// <reference types="vitest/config" />
import { readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
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
 * Monaco's modules that the JSON panes never run, each replaced by a stand-in (`src/features/editor/
 * monacoStandIns/`, whose files say why each is safe): the diff editors, the GPU renderer, the minimap
 * (turned off), the command palette's quick input and the workbench's lists and trees, and the parts of
 * contributions the panes do not register that hover and clipboard import. About 150 KB of the 730 KB of
 * compressed JavaScript (and half of the CSS) that a cold load needs before the editor is ready; measured
 * against the same build without them: see ARCHITECTURE.md (issue 14).
 *
 * Keys are Monaco's files (under `monaco-editor/esm/vs/`), resolved from Monaco's own imports. A stand-in
 * lacking a name its importer asks for fails the build; a key that no longer matches any import (a Monaco
 * release moved the file) fails it too, so the build never silently grows back.
 */
const MONACO_STAND_INS: Record<string, string> = {
  'editor/browser/widget/diffEditor/diffEditorWidget.js': 'diffEditor.ts',
  'editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js': 'diffEditor.ts',
  'editor/browser/gpu/viewGpuContext.js': 'gpu.ts',
  'editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js': 'gpu.ts',
  'editor/browser/viewParts/rulersGpu/rulersGpu.js': 'gpu.ts',
  'editor/browser/viewParts/gpuMark/gpuMark.js': 'gpu.ts',
  'editor/browser/viewParts/minimap/minimap.js': 'minimap.ts',
  'platform/quickinput/browser/quickInputService.js': 'services.ts',
  'platform/list/browser/listService.js': 'services.ts',
  'base/browser/ui/selectBox/selectBox.js': 'selectBox.ts',
  'editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js': 'contributions.ts',
  'editor/contrib/codeAction/browser/codeActionController.js': 'contributions.ts',
  'editor/contrib/dropOrPasteInto/browser/copyPasteController.js': 'contributions.ts',
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPicker.js': 'contributions.ts',
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPickerParticipant.js': 'contributions.ts',
  'editor/contrib/inlayHints/browser/inlayHintsHover.js': 'contributions.ts',
  'editor/contrib/inlineCompletions/browser/hintsWidget/inlineCompletionsHintsWidget.js': 'contributions.ts',
};

function monacoStandIns(): Plugin {
  const monacoRoot = '/monaco-editor/esm/vs/';
  const standIns = join(import.meta.dirname, 'src/features/editor/monacoStandIns');
  const replaced = new Set<string>();
  let monacoBundled = false;
  return {
    name: 'monaco-stand-ins',
    apply: 'build',
    // Before Vite's own resolver, which would resolve Monaco's relative imports to the real files.
    enforce: 'pre',
    buildStart() {
      replaced.clear();
      monacoBundled = false;
    },
    resolveId(source, importer) {
      if (!importer?.includes(monacoRoot) || !source.startsWith('.')) return null;
      monacoBundled = true;
      // Module ids use forward slashes on every system.
      const file = posix.join(posix.dirname(importer), source).split(monacoRoot)[1];
      const standIn = file === undefined ? undefined : MONACO_STAND_INS[file];
      if (!standIn) return null;
      replaced.add(file!);
      return join(standIns, standIn);
    },
    buildEnd(error) {
      // Builds without the editor (its workers, the CLI) have nothing to replace.
      if (error || !monacoBundled) return;
      const unused = Object.keys(MONACO_STAND_INS).filter((file) => !replaced.has(file));
      if (unused.length > 0) this.error(`Monaco no longer imports ${unused.join(', ')}: update MONACO_STAND_INS`);
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
  plugins: [react(), webhookProxy(), monacoWithoutUnusedContributions(), monacoStandIns(), precompress()],
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
