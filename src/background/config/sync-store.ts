/**
 * Reads and writes the configuration text across `storage.sync` and `storage.local`, over areas passed in (the
 * real ones from config-store.ts, in-memory fakes in unit tests). Rules:
 * - Sync when it fits (see core/config-storage/placement.ts), else local with the reason.
 * - Between a sync configuration and a local one, the newer save wins: a save here that had to stay local is not
 *   undone by an older synced text, and a later save on another browser that fits sync takes over.
 * - A reader never gets half a configuration: a generation whose chunks are not all there (another browser's
 *   save still arriving, or this browser clearing old chunks first when two generations do not fit) is skipped
 *   for the copy of the last complete one kept in `storage.local`.
 * - The legacy `config.text` (storage.local, before sync) is moved on first read.
 */
import { stripSecrets } from '../../core/config/strip-secrets';
import {
  decodeGeneration, encodeConfig, HEAD_KEY, parseHead, placeConfig, SETTINGS_RESERVE_BYTES, SYNC_QUOTA, syncBytesOf,
  utf8Length, type SyncHead, type SyncItems,
} from '../../core/config-storage/index';
import type { StoredConfigInfo } from '../../messages';
import { CONFIG_KEYS } from '../../platform/config-keys';
import type { StoredValues } from '../../platform/storage';
import { stampedItem } from '../../platform/stamped-item';
import type { StorageAreaLike } from '../../platform/storage-area';

export interface ConfigAreas {
  sync: StorageAreaLike;
  local: StorageAreaLike;
}

export interface StoreClock {
  now(): number;
  /** A fresh generation id: short, and unlikely to repeat across browsers. */
  newGen(): string;
}

export interface StoredConfig {
  text: string;
  stored: StoredConfigInfo;
}

type LocalConfig = StoredValues['config.local'];
type SyncCopy = StoredValues['config.syncCopy'];

const SYNC_LIMIT = SYNC_QUOTA.bytes - SETTINGS_RESERVE_BYTES;
const NOTHING: StoredConfig = { text: '', stored: { area: 'none', textBytes: 0, syncBytes: 0, syncLimitBytes: SYNC_LIMIT } };

/**
 * The text of the sync generation read last, with its header. A read that finds the same header (a random id per
 * save, its time, the chunks' length and checksum: it cannot go stale) takes the text from here, not from
 * `config.syncCopy`, the whole text again in storage.local: at 5,000 profiles (~500 KB) that read cost every
 * sign-in 60-100 ms before STS on this two-core machine, and held up every storage read queued behind it.
 */
let remembered: SyncCopy | undefined;

/**
 * The local configuration (a text too large for sync: at 12,000 profiles ~1.2 MB), kept in memory by the stamp
 * written with it (`config.localStamp`, platform/stamped-item.ts). Only this module writes or removes the pair.
 */
const localText = stampedItem(CONFIG_KEYS.local, CONFIG_KEYS.localStamp, parseLocal);

/** `config.local` (and the legacy text, small or absent) as stored now: from memory when its stamp is the one kept. */
async function readLocal(areas: ConfigAreas): Promise<{ kept: LocalConfig | undefined; legacy: unknown }> {
  const { value, beside } = await localText.read(areas.local, [CONFIG_KEYS.legacy]);
  return { kept: value, legacy: beside[CONFIG_KEYS.legacy] };
}

function sameGeneration(a: SyncHead, b: SyncHead): boolean {
  return a.gen === b.gen && a.checksum === b.checksum && a.length === b.length && a.savedAt === b.savedAt;
}

export async function readConfig(areas: ConfigAreas, clock: StoreClock, migrated = false): Promise<StoredConfig> {
  // Local first, then sync: a save to sync switches the header before it removes the local configuration, so
  // this order never misses both.
  const { kept, legacy } = await readLocal(areas);
  const snapshot = await syncSnapshot(areas);
  const head = parseHead(snapshot[HEAD_KEY]);
  if (typeof legacy === 'string' && !migrated) {
    await migrateLegacy(areas, clock, legacy, snapshot, head, kept);
    return readConfig(areas, clock, true);
  }

  if (kept && (!head || kept.savedAt > head.savedAt)) return { text: kept.text, stored: localInfo(kept) };
  if (!head) return NOTHING;

  // The generation this worker read last: the text is in memory, not read again from storage.local (remembered).
  if (remembered && sameGeneration(remembered.head, head)) return { text: remembered.text, stored: syncInfo(head) };
  const copy = parseCopy((await areas.local.get(CONFIG_KEYS.syncCopy))[CONFIG_KEYS.syncCopy]);
  // The copy of this very generation (written by the save, or by an earlier read): no need to inflate again.
  if (copy && sameGeneration(copy.head, head)) {
    remembered = copy;
    return { text: copy.text, stored: syncInfo(head) };
  }
  const text = await decodeGeneration(snapshot, head);
  if (text !== undefined) {
    remembered = { head, text };
    // A cache: failing to write it costs one more inflate next time, not the read.
    await areas.local.set({ [CONFIG_KEYS.syncCopy]: { head, text } satisfies SyncCopy }).catch(() => undefined);
    return { text, stored: syncInfo(head) };
  }
  // Still arriving: keep to the last complete configuration until the rest comes (storage.onChanged says when).
  if (copy) return { text: copy.text, stored: { ...syncInfo(copy.head), arriving: true } };
  if (kept) return { text: kept.text, stored: { ...localInfo(kept), arriving: true } };
  return { ...NOTHING, stored: { ...NOTHING.stored, arriving: true } };
}

/** Stores a text (already checked: see config-store.ts) and says where it went. */
export async function writeConfig(areas: ConfigAreas, clock: StoreClock, typed: string): Promise<StoredConfigInfo> {
  // Every path that stores a text (a save, a scrub, the legacy migration) goes through here: no access key line
  // is ever written, whoever calls.
  const { text } = stripSecrets(typed);
  const next = await encodeConfig(text, clock.newGen(), clock.now());
  let current: Record<string, unknown>;
  try {
    current = await areas.sync.get(null);
  } catch {
    return keepLocal(areas, text, next, 'sync-failed');
  }
  const placement = placeConfig(next, current);
  if (placement.area === 'local') return keepLocal(areas, text, next, placement.reason);

  const chunkKeys = Object.keys(next.chunks);
  let headWritten = false;
  try {
    // Readers in this browser fall back to this copy while the old chunks are gone and the new ones not yet in.
    await areas.local.set({ [CONFIG_KEYS.syncCopy]: { head: next.head, text } satisfies SyncCopy });
    if (!placement.atomic && placement.stale.length > 0) await areas.sync.remove(placement.stale);
    await areas.sync.set(next.chunks);
    await areas.sync.set({ [HEAD_KEY]: next.head });
    headWritten = true;
    if (placement.atomic && placement.stale.length > 0) await areas.sync.remove(placement.stale);
  } catch {
    // Quota, write rate (MAX_WRITE_OPERATIONS_PER_MINUTE) or sync disabled: keep the text here rather than lose it.
    if (!headWritten) {
      await areas.sync.remove(chunkKeys).catch(() => undefined);
      return keepLocal(areas, text, next, 'sync-failed');
    }
    // Only the old chunks' removal failed: they are harmless, and the next save clears them.
  }
  // A local configuration left behind is older than this header, so reads skip it even if this removal fails.
  await localText.remove(areas.local).catch(() => undefined);
  return syncInfo(next.head);
}

/**
 * `config.text` from before sync storage. With nothing newer stored, it is saved as any text (to sync when it
 * fits). When another browser has already put a configuration in sync, this browser keeps its own text locally
 * (nothing is overwritten on either side) until the user saves.
 */
async function migrateLegacy(
  areas: ConfigAreas, clock: StoreClock, legacy: string, snapshot: Record<string, unknown>, head: SyncHead | undefined, kept: LocalConfig | undefined,
): Promise<void> {
  if (!head && !kept) {
    await writeConfig(areas, clock, legacy);
  } else if (!kept && head && (await decodeGeneration(snapshot, head)) !== legacy) {
    const next = await encodeConfig(legacy, clock.newGen(), clock.now());
    await keepLocal(areas, legacy, next, 'kept-local');
  }
  // Otherwise a configuration written by this version is newer than the legacy text.
  await areas.local.remove(CONFIG_KEYS.legacy);
}

async function keepLocal(areas: ConfigAreas, text: string, next: SyncItems, reason: LocalConfig['reason']): Promise<StoredConfigInfo> {
  const kept: LocalConfig = { text, savedAt: next.head.savedAt, reason, syncBytes: next.usage.bytes };
  await localText.write(areas.local, kept);
  return localInfo(kept);
}

async function syncSnapshot(areas: ConfigAreas): Promise<Record<string, unknown>> {
  try {
    // One `get(null)`: header and chunks from the same instant (at most 100 KB).
    return await areas.sync.get(null);
  } catch {
    return {}; // sync unavailable (e.g. a Firefox temporary add-on without an id): local still works
  }
}

function syncInfo(head: SyncHead): StoredConfigInfo {
  return { area: 'sync', textBytes: head.textBytes, syncBytes: syncBytesOf(head), syncLimitBytes: SYNC_LIMIT };
}

function localInfo(kept: LocalConfig): StoredConfigInfo {
  return { area: 'local', textBytes: textBytesOf(kept), syncBytes: kept.syncBytes, syncLimitBytes: SYNC_LIMIT, localReason: kept.reason };
}

/**
 * The local text's UTF-8 size, once per text read: encoding the ~1.2 MB of 12,000 profiles took ~50 ms of every
 * sign-in in the worker (measured on this two-core machine), more than reading it.
 */
const textBytes = new WeakMap<LocalConfig, number>();

function textBytesOf(kept: LocalConfig): number {
  let bytes = textBytes.get(kept);
  if (bytes === undefined) {
    bytes = utf8Length(kept.text);
    textBytes.set(kept, bytes);
  }
  return bytes;
}

function parseLocal(value: unknown): LocalConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kept = value as Partial<LocalConfig>;
  if (typeof kept.text !== 'string' || typeof kept.savedAt !== 'number' || typeof kept.syncBytes !== 'number') return undefined;
  const reason = kept.reason === 'too-large' || kept.reason === 'kept-local' ? kept.reason : 'sync-failed';
  return { text: kept.text, savedAt: kept.savedAt, reason, syncBytes: kept.syncBytes };
}

function parseCopy(value: unknown): SyncCopy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const copy = value as { head?: unknown; text?: unknown };
  const head = parseHead(copy.head);
  return head && typeof copy.text === 'string' ? { head, text: copy.text } : undefined;
}
