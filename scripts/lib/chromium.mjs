// The one place that knows how we launch Chromium: Debian's package, never a
// browser downloaded by Playwright. Used by playwright.config.ts and the scripts.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROMIUM_PATH overrides the default, e.g. on a machine with another distribution. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

export function hasChromium(env = process.env) {
  return existsSync(chromiumPath(env));
}

export const CHROMIUM_INSTALL_HINT =
  'Chromium is needed for the end-to-end tests: sudo apt-get install -y chromium ' +
  '(or set CHROMIUM_PATH). Do not run `playwright install`.';
