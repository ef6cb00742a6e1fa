/// <reference types="vitest/config" />
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
 * The JSON editor is loaded with `import()` when the first screen renders, which happens only once the
 * entry has been downloaded and run: its chunk (Monaco, most of the bytes) would start downloading late.
 * This lists the editor's chunks in index.html as `modulepreload` (and its style sheet as `preload`), after
 * the entry's own, so the browser fetches and compiles them while it is still busy with the first screen.
 */
const EDITOR_MARK = '<!-- the JSON editor, fetched beside the first screen -->';

function preloadEditor(entry: RegExp): Plugin {
  return {
    name: 'preload-editor',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const editor = chunks.find((chunk) => chunk.facadeModuleId && entry.test(chunk.facadeModuleId));
        if (!editor) throw new Error(`preload-editor: no chunk for ${entry}`);
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || files.has(fileName)) return;
          files.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((file) => css.add(file));
          chunk.imports.forEach(visit);
        };
        visit(editor.fileName);
        const tags = [
          ...[...files]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
          ...[...css]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
        ];
        // scripts/bundle-size.js reads this comment to tell the editor's files from the entry's.
        return html.replace('  </head>', `    ${[EDITOR_MARK, ...tags].join('\n    ')}\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    webhookProxy(),
    monacoWithoutUnusedContributions(),
    preloadEditor(/\/src\/features\/editor\/JsonEditor\.tsx$/),
  ],
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
