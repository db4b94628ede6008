/**
 * The storage keys of the configuration (declared with their areas in storage.ts), and which storage changes mean
 * the configuration in force may have changed. No `webextension-polyfill` import: the background's store and its
 * unit tests use it too.
 */
import { HEAD_KEY, isChunkKey } from '../core/config-storage';
import type { StoredKey } from './storage';
import type { StorageChangeLike } from './storage-area';

export const CONFIG_KEYS = {
  head: HEAD_KEY,
  local: 'config.local',
  localStamp: 'config.localStamp',
  syncCopy: 'config.syncCopy',
  legacy: 'config.text',
  /** The read-only layers (core/config/layers.ts): the subscription's copy, the copy of a policy's URL. */
  subscription: 'config.subscription',
  managedCopy: 'config.managedCopy',
  managedPolicy: 'config.managedPolicy',
} as const satisfies Record<string, StoredKey>;

/**
 * True for a new header or a new chunk in sync (another browser's save arrives as such items, in any order), and
 * for the local configuration. Removed chunks are left out: they follow a header switch that already counted.
 * The sync copy is left out too: it is a cache that follows a read. The layers beside the person's text count: the
 * organisation's policy (the `managed` area, changed by an administrator, and the worker's copy of it) and the
 * subscription's and policy URL's copies.
 */
export function isConfigChange(areaName: string, changes: Record<string, StorageChangeLike>): boolean {
  return Object.entries(changes).some(([key, change]) => {
    if (areaName === 'sync') return key === CONFIG_KEYS.head || (isChunkKey(key) && change.newValue !== undefined);
    if (areaName === 'local') {
      return [CONFIG_KEYS.local, CONFIG_KEYS.legacy, CONFIG_KEYS.subscription, CONFIG_KEYS.managedCopy, CONFIG_KEYS.managedPolicy].includes(key as never);
    }
    return areaName === 'managed';
  });
}
