import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.js';

// E2E_PORT lets several checkouts or engineers run the suite side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist-e2e' : `dist-e2e-${port}`;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: port === 4173 ? 'test-results' : `test-results-${port}`,
  // Two cores: one worker keeps the app server and the browser from starving each other.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // `--mode e2e` is a production build that exposes the editor to the tests (MODE is not 'production').
    command: `npx vite build --mode e2e --outDir ${outDir} --logLevel warn && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // The send journeys run a fake Teams on a port derived from E2E_PORT; only this origin may be reached
    // over http on loopback, and a short upstream time limit keeps the time-out test quick.
    env: { WEBHOOK_ALLOW: `http://127.0.0.1:${port + 10_000}`, WEBHOOK_TIMEOUT_MS: '2000' },
  },
});
