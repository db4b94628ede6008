/** Fails the run at once, with the fix, when there is no browser or no build. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../launch/chromium';
import { DIST } from '../launch/browser';

export default function globalSetup(): void {
  findChromium();
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error('No built extension in dist/. Run "npm run build" first (npm test does it for you).');
  }
}
