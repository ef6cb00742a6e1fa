/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { webhookProxy } from './server/vitePlugin.ts';

export default defineConfig({
  plugins: [react(), webhookProxy()],
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
