/** One fake browser (sync and local areas, a clock) for the configuration store tests. */
import type { ConfigAreas, StoreClock } from '../../../src/background/config/sync-store';
import { CHROME_SYNC_QUOTA, FakeStorageArea, type AreaQuota } from '../fakes/storage-area';

export interface FakeBrowser extends ConfigAreas {
  sync: FakeStorageArea;
  local: FakeStorageArea;
  clock: StoreClock;
}

let time = 1_700_000_000_000;
let gens = 0;

/**
 * Every browser shares one advancing clock, so "newer" follows the order of the saves. `syncQuota` null: no quota,
 * as for items arriving from sync.
 */
export function fakeBrowser(name = 'a', syncQuota: AreaQuota | null = CHROME_SYNC_QUOTA): FakeBrowser {
  return {
    sync: new FakeStorageArea('sync', syncQuota ?? undefined),
    local: new FakeStorageArea('local'),
    clock: { now: () => (time += 1000), newGen: () => `${name}${(gens += 1)}` },
  };
}

/** Runs `reader` before every operation of the writer on either area (not during the reader's own). */
export function interleave(browser: FakeBrowser, reader: () => Promise<void>): () => void {
  let reading = false;
  const hook = async () => {
    if (reading) return;
    reading = true;
    try {
      await reader();
    } finally {
      reading = false;
    }
  };
  browser.sync.beforeOperation = hook;
  browser.local.beforeOperation = hook;
  return () => {
    browser.sync.beforeOperation = undefined;
    browser.local.beforeOperation = undefined;
  };
}

export type SyncChange = { key: string; value?: unknown };

/** Records item-level changes of a sync area, as Chrome sync would carry them to another browser. */
export function recordChanges(area: FakeStorageArea): { changes: SyncChange[]; stop: () => void } {
  const changes: SyncChange[] = [];
  const listener = (diff: Record<string, { newValue?: unknown }>) => {
    for (const [key, change] of Object.entries(diff)) changes.push(change.newValue === undefined ? { key } : { key, value: change.newValue });
  };
  area.onChanged.addListener(listener);
  return { changes, stop: () => area.onChanged.removeListener(listener) };
}

export async function deliver(area: FakeStorageArea, change: SyncChange): Promise<void> {
  if (change.value === undefined) await area.remove(change.key);
  else await area.set({ [change.key]: change.value });
}
