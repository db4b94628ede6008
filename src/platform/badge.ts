/**
 * The toolbar badge of one tab. Chrome resets a tab's own badge when the tab closes and on every new page load,
 * so the caller sets it again after each load (https://developer.chrome.com/docs/extensions/reference/api/action#method-setBadgeText).
 */
import browser from 'webextension-polyfill';

export interface TabBadge {
  text: string;
  /** `#rrggbb`. */
  color: string;
  /** The tooltip: the badge in words. */
  title: string;
}

/** Sets the tab's badge; a tab closed meanwhile is not an error. */
export async function setTabBadge(tabId: number, badge: TabBadge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => undefined);
}

/** Back to the extension's default badge (none) and title for that tab. */
export async function clearTabBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    // An empty title falls back to the manifest's `default_title`.
    browser.action.setTitle({ tabId, title: '' }),
  ]).catch(() => undefined);
}
