/**
 * Acting on the tabs of a console session: read where a tab is, send it to a page, bring it to the front, close it,
 * and tell its content script that its session changed. Every call tolerates a tab closed meanwhile.
 */
import browser from 'webextension-polyfill';
import type { ContentEvent } from '../messages';

export interface TabState {
  id: number;
  windowId?: number;
  active: boolean;
  /** Known for pages under `host_permissions` (the console) and the extension's own pages. */
  url?: string;
  title?: string;
  /** 'loading' or 'complete'. */
  status?: string;
  /** Firefox: the tab's cookie jar (a container's, or `firefox-default`); Chrome has one and says nothing. */
  cookieStoreId?: string;
}

export async function tabState(tabId: number): Promise<TabState | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return {
      id: tabId,
      active: tab.active,
      ...(tab.windowId !== undefined && { windowId: tab.windowId }),
      ...(tab.url !== undefined && { url: tab.url }),
      ...(tab.title !== undefined && { title: tab.title }),
      ...(tab.status !== undefined && { status: tab.status }),
      ...(tab.cookieStoreId !== undefined && { cookieStoreId: tab.cookieStoreId }),
    };
  } catch {
    return undefined;
  }
}

/** Navigates the tab in place, without bringing it to the front. */
export async function navigateTab(tabId: number, url: string): Promise<number | undefined> {
  const tab = await browser.tabs.update(tabId, { url });
  return tab.id;
}

export async function reloadTab(tabId: number): Promise<void> {
  await browser.tabs.reload(tabId).catch(() => undefined);
}

export async function focusTab(tabId: number): Promise<boolean> {
  const tab = await tabState(tabId);
  if (!tab) return false;
  await browser.tabs.update(tabId, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  return true;
}

export async function closeTabs(tabIds: number[]): Promise<void> {
  if (tabIds.length > 0) await browser.tabs.remove(tabIds).catch(() => undefined);
}

export async function openTab(url: string, active = true): Promise<number | undefined> {
  return (await browser.tabs.create({ url, active })).id;
}

/** Tells a console tab's content script to ask again; a tab without it (still loading, not a console page) is skipped. */
export function notifyTab(tabId: number, event: ContentEvent): void {
  browser.tabs.sendMessage(tabId, event).catch(() => undefined);
}
