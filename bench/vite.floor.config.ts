import { mergeConfig } from 'vite';
import base from '../vite.config.ts';

/**
 * Adds the benchmark's floor page (`bench/monaco-floor.html`) to the benchmark's build, beside the app's
 * files: the same plugins, so the same Monaco chunk and precompressed copies. Not part of any build users get.
 */
export default mergeConfig(base, {
  build: {
    outDir: 'dist-e2e-bench',
    emptyOutDir: false,
    // The app's manifest stays the one `scripts/bundle-size.js` reads.
    manifest: false,
    rollupOptions: { input: { floor: 'bench/monaco-floor.html' } },
  },
});
