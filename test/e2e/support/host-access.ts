/**
 * The person's "Allow" for a host the extension asks for on a click (an optional host permission). Headless
 * Chromium cannot show the permission prompt (permissions.request then never answers), so the test gives the
 * answer ahead the way a person can in the browser itself: chrome://extensions, the extension's details, Site access,
 * "Add a site" (the page's own developerPrivate.addHostPermission). The extension's click still asks
 * (permissions.request), and the browser answers at once because that site is already allowed.
 */
import type { BrowserContext } from '@playwright/test';

declare const chrome: { developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> } };

export async function allowSite(context: BrowserContext, extensionId: string, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(async ([id, pattern]) => chrome.developerPrivate.addHostPermission(id, pattern), [extensionId, `${origin}/*`] as const);
  } finally {
    await page.close();
  }
}
