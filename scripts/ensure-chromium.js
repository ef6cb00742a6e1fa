// @ts-check
// Runs before the end-to-end tests: makes sure a Chromium exists, and says how to get one when not.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_OVERRIDE, findChromium } from './chromium.js';

function playwrightsOwn() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const override = process.env[CHROMIUM_OVERRIDE];
if (override && !existsSync(override)) {
  console.error(`${CHROMIUM_OVERRIDE} is set to ${override}, but no file is there.`);
  process.exit(1);
}

if (findChromium() || playwrightsOwn()) process.exit(0);

console.error(`No Chromium found for the end-to-end tests. Any one of these works:
  - Debian/Ubuntu:  sudo apt-get install chromium      (then /usr/bin/chromium is used)
  - any system:     npx playwright install chromium    (Playwright's own build)
  - or point ${CHROMIUM_OVERRIDE} at a Chromium or Chrome executable.
Trying Playwright's own download now…`);
const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (result.status === 0 && playwrightsOwn()) process.exit(0);
console.error('Could not install a Chromium; see the options above.');
process.exit(1);
