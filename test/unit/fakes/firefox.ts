/**
 * The Firefox-only parts of `browser.*` the container code uses, in memory: `contextualIdentities` and the tab
 * fields Chrome lacks (`cookieStoreId`). Install over the shared fake with `installFirefox(fakeBrowser)` after
 * `resetFakeBrowser()`; without it the shared fake is a Chrome (no contextualIdentities).
 */
import type { ExistingContainer } from '../../../src/core/containers';

export interface FakeTab {
  id: number;
  index: number;
  windowId: number;
  url: string;
  active: boolean;
  incognito: boolean;
  cookieStoreId: string;
}

export function fakeContextualIdentities(initial: Omit<ExistingContainer, 'cookieStoreId'>[] = []) {
  const containers: ExistingContainer[] = [];
  let next = 1;
  const calls: string[] = [];
  // Every call answers on a later turn, as the real API does, so racing callers interleave.
  const later = async <T>(value: () => T): Promise<T> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return value();
  };
  const find = (id: string) => {
    const found = containers.find((container) => container.cookieStoreId === id);
    if (!found) throw new Error(`Invalid contextual identity: ${id}`);
    return found;
  };
  for (const details of initial) containers.push({ cookieStoreId: `firefox-container-${next++}`, ...details });
  return {
    containers,
    calls,
    disabled: false,
    query(details: { name?: string }) {
      calls.push('query');
      return later(() => {
        if (this.disabled) throw new Error('Contextual identities are currently disabled');
        return containers.filter((container) => details.name === undefined || container.name === details.name).map((container) => ({ ...container }));
      });
    },
    create(details: { name: string; color: string; icon: string }) {
      calls.push(`create ${details.name}`);
      return later(() => {
        const made = { cookieStoreId: `firefox-container-${next++}`, ...details };
        containers.push(made);
        return { ...made };
      });
    },
    update(id: string, changes: Partial<ExistingContainer>) {
      calls.push(`update ${id}`);
      return later(() => Object.assign(find(id), changes));
    },
    remove(id: string) {
      calls.push(`remove ${id}`);
      return later(() => {
        containers.splice(containers.indexOf(find(id)), 1);
      });
    },
  };
}

/** Tabs with Firefox's fields; the first tab of window 1 is active. */
export function fakeFirefoxTabs(initial: Partial<FakeTab>[] = [{}]) {
  let next = 100;
  const tabs: FakeTab[] = initial.map((tab, index) => ({ id: next++, index, windowId: 1, url: 'about:blank', active: index === 0, incognito: false, cookieStoreId: 'firefox-default', ...tab }));
  const created: Record<string, unknown>[] = [];
  const reindex = () => tabs.forEach((tab, index) => (tab.index = index));
  return {
    tabs,
    created,
    removed: [] as number[],
    updated: [] as { id: number; url: string }[],
    query(filter: { active?: boolean }) {
      return Promise.resolve(tabs.filter((tab) => filter.active === undefined || tab.active === filter.active).map((tab) => ({ ...tab })));
    },
    create(info: { url: string; index?: number; cookieStoreId?: string }) {
      created.push(info);
      const tab: FakeTab = { id: next++, index: 0, windowId: 1, url: info.url, active: true, incognito: false, cookieStoreId: info.cookieStoreId ?? 'firefox-default' };
      tabs.splice(info.index ?? tabs.length, 0, tab);
      reindex();
      return Promise.resolve({ ...tab });
    },
    update(id: number, info: { url: string }) {
      this.updated.push({ id, url: info.url });
      return Promise.resolve({ ...tabs.find((tab) => tab.id === id), url: info.url });
    },
    remove(id: number) {
      this.removed.push(id);
      tabs.splice(tabs.findIndex((tab) => tab.id === id), 1);
      reindex();
      return Promise.resolve();
    },
  };
}

/** Back to a Chrome: `resetFakeBrowser()` assigns the Chrome fake's keys and leaves the ones added here. */
export function uninstallFirefox(browser: object): void {
  delete (browser as { contextualIdentities?: unknown }).contextualIdentities;
}

/** Turns the shared fake browser into a Firefox with containers. */
export function installFirefox(browser: object, identities = fakeContextualIdentities(), tabs = fakeFirefoxTabs()) {
  Object.assign(browser, { contextualIdentities: identities, tabs });
  return { identities, tabs };
}
