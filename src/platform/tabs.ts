/** Tabs: where the console opens, and which page the person is looking at. */
import browser from 'webextension-polyfill';
import type { OpenIn } from '../messages';

export interface ActiveTab {
  id: number;
  index: number;
  windowId?: number;
  /** Known only for pages the extension has host permission for (the console): other URLs stay hidden. */
  url?: string;
}

/** The tab in front of the person: the one the popup was opened over. */
export async function activeTab(): Promise<ActiveTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return undefined;
  return {
    id: tab.id,
    index: tab.index,
    ...(tab.windowId !== undefined && { windowId: tab.windowId }),
    ...(tab.url !== undefined && { url: tab.url }),
  };
}

export async function openUrl(url: string, openIn: OpenIn): Promise<number | undefined> {
  if (openIn === 'new-window') {
    const win = await browser.windows.create({ url, focused: true });
    return win.tabs?.[0]?.id;
  }
  const active = openIn === 'new-tab' ? undefined : await activeTab();
  if (openIn === 'current-tab' && active) {
    const tab = await browser.tabs.update(active.id, { url, active: true });
    return tab.id;
  }
  if (openIn === 'beside-tab' && active) {
    const tab = await browser.tabs.create({
      url,
      active: true,
      index: active.index + 1,
      openerTabId: active.id,
      ...(active.windowId !== undefined && { windowId: active.windowId }),
    });
    return tab.id;
  }
  const tab = await browser.tabs.create({ url, active: true });
  return tab.id;
}
