import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';
import { BASE_PORT } from '../e2e/ports.ts';

/**
 * The benchmark reuses the end-to-end browser setup (same Chromium, same window) with its own test folder,
 * and measures what users get: a production build (`npm run bench` makes it in `dist-e2e-bench/`) served by
 * the production server of `npm start`, which sends the build's precompressed files.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.spec\.ts/,
  retries: 0,
  timeout: 300_000,
  reporter: 'list',
  // No trace: recording one takes DOM snapshots inside the page around every keystroke.
  use: { ...base.use, baseURL: `http://127.0.0.1:${BASE_PORT}`, trace: 'off' },
  // One browser at a time: measurements must not compete for the cores.
  workers: 1,
  webServer: {
    command: 'node scripts/bench-server.js dist-e2e-bench',
    cwd: '..',
    url: `http://127.0.0.1:${BASE_PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    env: { PORT: String(BASE_PORT), HOST: '127.0.0.1' },
  },
});
