/**
 * Runs a function in a tab's page, in its MAIN world: the page's own JavaScript context, where page variables
 * (the console's `ConsoleNavService`, `AWSC`) live. A content script's isolated world cannot see them, and a
 * `<script src>` injected from the extension would need a web-accessible resource, which lets any page detect the
 * extension. The function is serialized: it must not use anything from its closure, only its `args` (JSON).
 * Chrome 102+ and Firefox 128+ (bug 1736575) take `world: 'MAIN'`; both wait for a returned promise.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 * Needs the `scripting` permission and host access to the tab's page (the console hosts are granted).
 */
import browser from 'webextension-polyfill';

export async function runInPage<A extends unknown[], R>(tabId: number, func: (...args: A) => R | Promise<R>, ...args: A): Promise<R | undefined> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    world: 'MAIN',
    func,
    args,
  });
  return result?.result as R | undefined;
}

/**
 * The next page the tab finishes loading after this call (its URL), or undefined after `timeoutMs`: for a form
 * submitted in the page, whose answer may come back to the same URL. Listening starts now, before the submit.
 */
export function nextLoad(tabId: number, timeoutMs: number): { done: Promise<string | undefined>; cancel: () => void } {
  let settle: (url: string | undefined) => void = () => undefined;
  const done = new Promise<string | undefined>((resolve) => {
    settle = resolve;
  });
  let started = false;
  const listener = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab) => {
    if (id !== tabId) return;
    if (change.status === 'loading') started = true;
    if (started && change.status === 'complete') finish(tab.url);
  };
  const closed = (id: number) => {
    if (id === tabId) finish(undefined);
  };
  const timer = setTimeout(() => finish(undefined), timeoutMs);
  function finish(url: string | undefined) {
    clearTimeout(timer);
    browser.tabs.onUpdated.removeListener(listener);
    browser.tabs.onRemoved.removeListener(closed);
    settle(url);
  }
  browser.tabs.onUpdated.addListener(listener);
  browser.tabs.onRemoved.addListener(closed);
  return { done, cancel: () => finish(undefined) };
}
