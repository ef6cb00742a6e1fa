import { defineConfig } from 'vite';

/**
 * Builds the `messagecard` command line for Node 20 (which cannot run TypeScript) into
 * dist-cli/messagecard.js, one self-contained ES module that bin/messagecard.js loads.
 *
 * Dependencies are bundled too (`ssr.noExternal`), so the built file does not depend on how
 * node_modules is laid out and starts without resolving packages; only Node built-ins stay
 * external.
 */
export default defineConfig({
  publicDir: false,
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: 'cli/messagecard.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'messagecard.js' },
    },
  },
});
