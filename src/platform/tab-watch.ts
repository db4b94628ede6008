/**
 * Follows one tab for a few seconds: what it shows as it navigates (`tabs.onUpdated`, URLs only under
 * host_permissions and the extension's own pages) until a verdict, its closing, or a deadline. The listeners live
 * for that wait only, inside the operation that waits (a sign-in answering the popup); the session registry's
 * own listeners are registered at top level (src/background/sessions/listeners.ts).
 */
import browser from 'webextension-polyfill';

export interface TabSight {
  url: string | undefined;
  /** The page finished loading (`status: 'complete'`). */
  loaded: boolean;
}

/** `until`: ends the wait early with its value. */
export function followTab<T>(tabId: number, judge: (sight: TabSight) => T | undefined, ms: number, until?: Promise<T>): Promise<T | 'closed' | 'timeout'> {
  return new Promise((resolve) => {
    let done = false;
    const look = (tab: { url?: string; status?: string }) => {
      const verdict = judge({ url: tab.url, loaded: tab.status === 'complete' });
      if (verdict !== undefined) finish(verdict);
    };
    const updated = (id: number, change: { url?: string; status?: string }, tab: { url?: string; status?: string }) => {
      // Title and favicon changes say nothing new about where the tab is.
      if (id === tabId && (change.url !== undefined || change.status !== undefined)) look(tab);
    };
    const removed = (id: number) => {
      if (id === tabId) finish('closed');
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let listening = false;
    const finish = (value: T | 'closed' | 'timeout') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (listening) {
        browser.tabs.onUpdated.removeListener(updated);
        browser.tabs.onRemoved.removeListener(removed);
      }
      resolve(value);
    };
    until?.then(finish, () => undefined);
    // A tab that is already gone ends the wait before any listener is added.
    browser.tabs.get(tabId).then(
      () => {
        if (done) return;
        timer = setTimeout(() => finish('timeout'), ms);
        browser.tabs.onUpdated.addListener(updated);
        browser.tabs.onRemoved.addListener(removed);
        listening = true;
        // Read again once listening: nothing between the two reads is missed.
        return browser.tabs.get(tabId).then(look);
      },
      () => finish('closed'),
    ).catch(() => finish('closed'));
  });
}

/**
 * The tabs closed from now on, as the browser tells (`tabs.onRemoved`): asking whether one is gone then needs no
 * question to the browser. `stop` takes the listener away.
 */
export function watchClosing(): { closed: (tabId: number) => boolean; stop: () => void } {
  const gone = new Set<number>();
  const removed = (tabId: number) => void gone.add(tabId);
  browser.tabs.onRemoved.addListener(removed);
  return { closed: (tabId) => gone.has(tabId), stop: () => browser.tabs.onRemoved.removeListener(removed) };
}
