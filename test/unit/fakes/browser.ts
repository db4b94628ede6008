/**
 * A small in-memory stand-in for the parts of `browser.*` the background uses: the storage areas (the shared fake
 * in ./storage-area.ts, JSON semantics and sync quotas like Chrome's), alarms, runtime URLs and tabs. Tests
 * install it with
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
 * and call `resetFakeBrowser()` before each test.
 */
import { fakeStorage, type FakeStorageArea } from './storage-area';

/** Everything an area stores, as the text a disk would hold. */
export function dump(area: FakeStorageArea): string {
  return JSON.stringify(area.snapshot());
}

export function has(area: FakeStorageArea, key: string): boolean {
  return Object.hasOwn(area.snapshot(), key);
}

/** The keys of each `set` so far, in order: tests count writes ("one storage.set"). */
export function setCalls(area: FakeStorageArea): string[][] {
  return area.operations.flatMap((operation) => (operation.type === 'set' ? [operation.keys] : []));
}

/** The next `set` fails with `error` and changes nothing (a write that fails halfway). */
export function failNextSet(area: FakeStorageArea, error: Error): void {
  area.failWith = (operation) => {
    if (operation.type !== 'set') return undefined;
    area.failWith = undefined;
    return error;
  };
}

export interface FakeAlarm {
  name: string;
  scheduledTime: number;
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

function createFakeBrowser() {
  const alarms = new Map<string, FakeAlarm>();
  const tabs: { id: number; url: string; active: boolean; closed?: boolean }[] = [];
  const removedListeners = new Set<(tabId: number) => void>();
  const tab = (id: number) => {
    const found = tabs.find((t) => t.id === id && !t.closed);
    return found ? Promise.resolve({ ...found, windowId: 1 }) : Promise.reject(new Error(`No tab with id: ${id}.`));
  };
  return {
    storage: fakeStorage(),
    alarms: {
      all: alarms,
      create(name: string, info: { when: number }): Promise<void> {
        alarms.set(name, { name, scheduledTime: info.when });
        return Promise.resolve();
      },
      clear(name: string): Promise<boolean> {
        return Promise.resolve(alarms.delete(name));
      },
      get(name: string): Promise<FakeAlarm | undefined> {
        return Promise.resolve(alarms.get(name));
      },
    },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
      sendMessage: () => Promise.resolve(undefined),
    },
    tabs: {
      opened: tabs,
      create(info: { url: string; active?: boolean }): Promise<{ id: number }> {
        const created = { id: tabs.length + 1, url: info.url, active: info.active ?? true };
        tabs.push(created);
        return Promise.resolve({ id: created.id });
      },
      get: tab,
      async update(id: number, change: { active?: boolean }): Promise<{ id: number }> {
        const found = await tab(id);
        const stored = tabs.find((t) => t.id === found.id);
        if (stored && change.active !== undefined) stored.active = change.active;
        return { id };
      },
      remove(ids: number | number[]): Promise<void> {
        for (const id of [ids].flat()) {
          const stored = tabs.find((t) => t.id === id);
          if (stored && !stored.closed) {
            stored.closed = true;
            for (const listener of removedListeners) listener(id);
          }
        }
        return Promise.resolve();
      },
      onRemoved: {
        addListener: (listener: (tabId: number) => void) => void removedListeners.add(listener),
        removeListener: (listener: (tabId: number) => void) => void removedListeners.delete(listener),
        /** How many listen now: a wait that ended took its listener with it. */
        get count() {
          return removedListeners.size;
        },
      },
      query: (_query?: object): Promise<object[]> => Promise.resolve([]),
      sendMessage: (_tabId: number, _message: unknown): Promise<unknown> => Promise.resolve(undefined),
    },
    windows: { create: () => Promise.resolve({ tabs: [] }), update: () => Promise.resolve({}) },
    /** Host permissions granted (origin patterns such as `https://host/*`); tests add what the person allowed. */
    permissions: {
      origins: new Set<string>(),
      contains(request: { origins?: string[] }): Promise<boolean> {
        return Promise.resolve((request.origins ?? []).every((origin) => this.origins.has(origin)));
      },
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

export const fakeBrowser: FakeBrowser = createFakeBrowser();

/** A fresh browser: empty storage, no alarms, no tabs. */
export function resetFakeBrowser(): void {
  Object.assign(fakeBrowser, createFakeBrowser());
}
