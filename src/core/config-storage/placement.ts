/**
 * Where a configuration goes: `storage.sync` when its items fit beside everything else there (with room kept for
 * settings), else `storage.local`. And how to write it to sync: atomically (new chunks beside the old ones, then
 * the header) when both generations fit at once, else by clearing the old chunks first.
 */
import { isChunkKey, isSyncConfigKey, type SyncItems } from './chunks';
import { SETTINGS_RESERVE_BYTES, SYNC_QUOTA, usageOf } from './quota';

export type Placement =
  | {
      area: 'sync';
      /**
       * True: write the new chunks, switch the header, then remove `stale`; a reader always finds a whole
       * generation. False: there is no room for two generations, so `stale` goes first and, for the moment
       * between, readers use the copy of the text in `storage.local` (see config-sync-store.ts).
       */
      atomic: boolean;
      /** Chunk keys of older generations, including ones an interrupted save left behind. */
      stale: string[];
    }
  | { area: 'local'; reason: 'too-large' };

/** `current` is every item in `storage.sync` now. */
export function placeConfig(next: SyncItems, current: Record<string, unknown>): Placement {
  const others: Record<string, unknown> = {};
  const old: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (isChunkKey(key)) old[key] = value;
    else if (!isSyncConfigKey(key)) others[key] = value;
  }
  const other = usageOf(others);
  const stale = usageOf(old);
  const fits = (extra: { bytes: number; items: number }, reserve: number) =>
    other.bytes + next.usage.bytes + extra.bytes + reserve <= SYNC_QUOTA.bytes &&
    other.items + next.usage.items + extra.items <= SYNC_QUOTA.maxItems;

  if (!fits({ bytes: 0, items: 0 }, SETTINGS_RESERVE_BYTES)) return { area: 'local', reason: 'too-large' };
  // The reserve is for settings written later; a save may borrow it for the moment both generations coexist.
  return { area: 'sync', atomic: fits(stale, 0), stale: Object.keys(old) };
}
