/** Finds Debian's Chromium; Playwright's own browser downloads are impossible here and never used. */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  // The real binary: a clean command line, without the Debian wrapper's extra flags.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const INSTALL_HINT =
  'No Chromium found. Install it with: sudo apt-get update && sudo apt-get install -y chromium ' +
  '(or set CHROMIUM_PATH to a Chromium or Chrome binary).';

export function findChromium(): string {
  for (const candidate of CANDIDATES) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(INSTALL_HINT);
}
