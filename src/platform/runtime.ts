/** The extension's own addresses. */
import browser from 'webextension-polyfill';

/** `chrome-extension://<id>/<path>` (or `moz-extension://…`). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
