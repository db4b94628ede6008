/** Tabs: where the console opens, and which page the person is looking at. */
import browser from 'webextension-polyfill';
import type { OpenIn } from '../messages';

export interface ActiveTab {
  id: number;
  index: number;
  windowId?: number;
  /** Known only for pages the extension has host permission for (the console): other URLs stay hidden. */
  url?: string;
  /** Firefox: the tab's cookie jar (its container, `firefox-default`, or `firefox-private`). */
  cookieStoreId?: string;
  incognito?: boolean;
}

/** The tab in front of the person: the one the popup was opened over. */
export async function activeTab(): Promise<ActiveTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ? described(tab) : undefined;
}

/** A tab by its id, described as `activeTab` describes the one in front; undefined once it is closed. */
export async function tabById(tabId: number): Promise<ActiveTab | undefined> {
  return described(await browser.tabs.get(tabId).catch(() => undefined));
}

function described(tab: browser.Tabs.Tab | undefined): ActiveTab | undefined {
  if (tab?.id === undefined) return undefined;
  return {
    id: tab.id,
    index: tab.index,
    ...(tab.windowId !== undefined && { windowId: tab.windowId }),
    ...(tab.url !== undefined && { url: tab.url }),
    ...(tab.cookieStoreId !== undefined && { cookieStoreId: tab.cookieStoreId }),
    incognito: tab.incognito,
  };
}

/** `cookieStoreId`: Firefox only, the role's container (src/platform/containers.ts); Chrome never passes one. */
export async function openUrl(url: string, openIn: OpenIn, cookieStoreId?: string, active = true): Promise<number | undefined> {
  if (openIn === 'new-window') {
    const win = await browser.windows.create({ url, focused: active, ...(cookieStoreId !== undefined && { cookieStoreId }) });
    return win.tabs?.[0]?.id;
  }
  const current = openIn === 'new-tab' && cookieStoreId === undefined ? undefined : await activeTab();
  // Firefox refuses a container tab in a private window: there the window's private jar is the role's.
  const store: { cookieStoreId?: string } = current?.incognito || cookieStoreId === undefined ? {} : { cookieStoreId };
  if (openIn === 'current-tab' && current && store.cookieStoreId !== undefined && current.cookieStoreId !== store.cookieStoreId) {
    // A tab cannot change container: "switch this tab" reopens it in the role's container, in its place.
    const tab = await browser.tabs.create({
      url,
      active: true,
      index: current.index,
      ...(current.windowId !== undefined && { windowId: current.windowId }),
      ...store,
    });
    await browser.tabs.remove(current.id);
    return tab.id;
  }
  if (openIn === 'current-tab' && current) {
    const tab = await browser.tabs.update(current.id, { url, active: true });
    return tab.id;
  }
  if (openIn === 'beside-tab' && current) {
    const tab = await browser.tabs.create({
      url,
      active,
      index: current.index + 1,
      openerTabId: current.id,
      ...(current.windowId !== undefined && { windowId: current.windowId }),
      ...store,
    });
    return tab.id;
  }
  const tab = await browser.tabs.create({ url, active, ...store });
  return tab.id;
}
