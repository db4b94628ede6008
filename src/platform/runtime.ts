/** The extension's own addresses. */
import browser from 'webextension-polyfill';

/** `chrome-extension://<id>/<path>` (or `moz-extension://…`). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** The welcome page (src/welcome/): opened on install, and from the empty popup. */
export const WELCOME_PAGE = 'src/welcome/index.html';

/** Opens the welcome page in a new tab. */
export async function openWelcomePage(): Promise<void> {
  await browser.tabs.create({ url: extensionUrl(WELCOME_PAGE) });
}
