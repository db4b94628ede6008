/**
 * Reading a configuration file from a host the extension has no permission for: `optional_host_permissions`
 * (https) in the manifest, granted for one origin at a time on the person's click (a subscription, or the address
 * an organisation's policy names), never at install.
 */
import browser from 'webextension-polyfill';
import { originPattern } from '../core/config/config-url';

export async function hostAccessGranted(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
}

/** Asks the browser to let the extension read `origin`; must run from a click on an extension page, before any await. */
export async function requestHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}
