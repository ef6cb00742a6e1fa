// @ts-check
import { existsSync } from 'node:fs';

/** Where a Chromium may be: our override variable, Debian's package, or (undefined) Playwright's own download. */
export const CHROMIUM_OVERRIDE = 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium executable Playwright should drive, or undefined to let Playwright use its own browser.
 * @returns {string | undefined}
 */
export function findChromium() {
  const override = process.env[CHROMIUM_OVERRIDE];
  if (override) return override;
  return SYSTEM_CANDIDATES.find((path) => existsSync(path));
}
