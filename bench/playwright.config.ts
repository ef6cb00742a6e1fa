import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

/** The benchmark reuses the end-to-end setup (same build, same Chromium) with its own test folder. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.spec\.ts/,
  retries: 0,
  timeout: 300_000,
  reporter: 'list',
  // No trace: recording one takes DOM snapshots inside the page around every keystroke.
  use: { ...base.use, trace: 'off' },
  // One browser at a time on the first app server: measurements must not compete for the cores.
  workers: 1,
  webServer: { ...[base.webServer].flat()[0]!, cwd: '..' },
});
