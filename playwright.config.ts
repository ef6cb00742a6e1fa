import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.js';
import { BASE_PORT, fakeTeamsPort } from './e2e/ports.ts';

// Two workers, each with its own app server (and so its own local inbox): the journeys never share
// server state, and the suite takes about half the time. E2E_WORKERS=1 runs them one by one.
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

/**
 * The Chromium features the browser runs without. Each browser context is a window of its own, and Chromium
 * builds the address bar's suggestion popup for every new window as a web page
 * (chrome://omnibox-popup.top-chrome): traced, about 1.1 s of a core from a second renderer over the first
 * 2 s of the page under test. On two cores that slowed every cold load of the benchmark; no page of the
 * app needs the popup, so its two features are off. Chromium keeps only the last --disable-features switch,
 * which replaces the one Playwright passes: the list repeats Playwright's own (1.64, chromiumSwitches.ts;
 * not those for Windows and Edge).
 */
const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  // Playwright's.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** The one e2e build, served by every worker's server. */
const outDir = BASE_PORT === 4173 ? 'dist-e2e' : `dist-e2e-${BASE_PORT}`;

/**
 * The preview server of worker `index`, on BASE_PORT + index. Playwright starts the web servers one
 * after the other, each once the one before answers: the first builds (`--mode e2e` is a production
 * build that exposes the editor to the tests, MODE is not 'production'), the others serve that build.
 */
function appServer(index: number) {
  const port = BASE_PORT + index;
  const url = `http://127.0.0.1:${port}`;
  const build = `npx vite build --mode e2e --outDir ${outDir} --logLevel warn && `;
  return {
    command: `${index === 0 ? build : ''}npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // The send journeys run a fake Teams on the port derived from the app's; only that origin may be
    // reached over http on loopback, and a short upstream time limit keeps the time-out test quick.
    env: { WEBHOOK_ALLOW: `http://127.0.0.1:${fakeTeamsPort(port)}`, WEBHOOK_TIMEOUT_MS: '2000' },
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: BASE_PORT === 4173 ? 'test-results' : `test-results-${BASE_PORT}`,
  workers,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // Each worker's own server: e2e/fixtures.ts sets baseURL from the worker's index.
    baseURL: `http://127.0.0.1:${BASE_PORT}`,
    headless: true,
    // Recording a trace (DOM snapshots and screencast frames at every action) took about 40 % of the
    // suite's time on two cores, so CI records one only when a test is retried: a test that fails twice
    // leaves the trace of its second attempt. Locally, where nothing is retried, a failure keeps its trace.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
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
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ],
    },
  },
  webServer: Array.from({ length: workers }, (_, index) => appServer(index)),
});
