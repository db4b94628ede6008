/**
 * A large storage item kept in the worker's memory by a random stamp written with it in the same storage call (the
 * browser writes both or neither, in one change). A read asks for the stamp alone (with any small keys the caller
 * reads beside it) and, while it is the stamp kept, takes the item from memory; otherwise it reads the item and its
 * stamp together. Content-addressed, like the sync generation's memo (config/sync-store.ts): no invalidation to
 * forget. Used for what every sign-in reads and can be hundreds of KB: the team layers' copies (config/layer-copy.ts)
 * and a configuration too large for sync (config/sync-store.ts); reading them whole cost a click tens of ms (issue 16).
 * An item with no stamp (stored by an earlier version) is given one at its first read, written alone: it names
 * whatever is stored from then on (every later write replaces it) and the next read pairs them in one call. Only
 * the owner of an item writes or removes it, always through here: an item written without its stamp would hide
 * behind the old one. No `webextension-polyfill` import: the stores' unit tests pass in-memory areas.
 */
import type { StorageAreaLike } from './storage-area';

export interface StampedRead<T> {
  value: T | undefined;
  /** The keys asked for beside the item, as stored now. */
  beside: Record<string, unknown>;
}

export interface StampedItem<T> {
  read(area: StorageAreaLike, beside?: readonly string[]): Promise<StampedRead<T>>;
  write(area: StorageAreaLike, value: T): Promise<void>;
  remove(area: StorageAreaLike): Promise<void>;
}

/**
 * `parse`: what is stored, checked (storage.local is writable by more than this worker); undefined when unusable.
 * What it returns is kept and handed to every reader: read-only, no caller changes it.
 */
export function stampedItem<T>(key: string, stampKey: string, parse: (stored: unknown) => T | undefined): StampedItem<T> {
  let kept: { stamp: string; value: T | undefined } | undefined;
  return {
    async read(area, beside = []) {
      const memo = kept;
      if (memo) {
        const small = await area.get([stampKey, ...beside]);
        if (small[stampKey] === memo.stamp) return { value: memo.value, beside: pick(small, beside) };
      }
      // The item and its stamp in one read: the pair kept is one the browser wrote together.
      const stored = await area.get([key, stampKey, ...beside]);
      const value = stored[key] === undefined ? undefined : parse(stored[key]);
      const stamp = stored[stampKey];
      kept = typeof stamp === 'string' ? { stamp, value } : undefined;
      if (stored[key] !== undefined && typeof stamp !== 'string') await area.set({ [stampKey]: crypto.randomUUID() }).catch(() => undefined);
      return { value, beside: pick(stored, beside) };
    },
    async write(area, value) {
      const stamp = crypto.randomUUID();
      kept = undefined;
      await area.set({ [key]: value, [stampKey]: stamp });
      kept = { stamp, value };
    },
    async remove(area) {
      kept = undefined;
      await area.remove([key, stampKey]);
    },
  };
}

function pick(stored: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, stored[key]]));
}
