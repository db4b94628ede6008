/**
 * The browser's web-auth flow (`identity.launchWebAuthFlow`): a window where the person signs in, closed as soon as
 * it is sent to the extension's own redirect URL (Chrome: `https://<id>.chromiumapp.org/…`, Firefox:
 * `https://<id>.extensions.allizom.org/…`), whose URL the promise answers with. The `identity` permission is
 * optional and asked for when a person turns on sign-in through the browser; it shows no warning.
 */
import browser, { type Manifest } from 'webextension-polyfill';

// Chrome lists `identity` among its optional permissions (granted without a prompt); Firefox does not allow it
// as optional, so there the option is not offered (manifest-firefox.ts drops it) and the device code is used.
const IDENTITY = ['identity'] as unknown as Manifest.OptionalPermission[];

export async function webAuthAllowed(): Promise<boolean> {
  return browser.permissions.contains({ permissions: IDENTITY }).catch(() => false);
}

/** Asks for the `identity` permission; must run from a click on an extension page. */
export async function requestWebAuth(): Promise<boolean> {
  return browser.permissions.request({ permissions: IDENTITY }).catch(() => false);
}

/** False where the browser cannot offer it at all (Firefox, where `identity` cannot be optional). */
export function webAuthOffered(): boolean {
  return (browser.runtime.getManifest().optional_permissions ?? []).includes(IDENTITY[0] as Manifest.OptionalPermission);
}

export function webAuthRedirectUrl(path: string): string {
  return browser.identity.getRedirectURL(path);
}

export async function launchWebAuth(url: string): Promise<string> {
  return browser.identity.launchWebAuthFlow({ url, interactive: true });
}
