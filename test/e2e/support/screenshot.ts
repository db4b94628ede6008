/**
 * Screenshots of a state, in both themes, into test-results/screenshots/ (where people look at them, and the README
 * copies some from): a page whole, or one part of it.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');

export async function screenshotThemes(page: Page, name: string, part?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = resolve(SCREENSHOTS, `${name}-${colorScheme}.png`);
    if (part) await part.screenshot({ path, animations: 'disabled' });
    else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  }
}
