/**
 * The team layers' copies in storage.local (the subscription's, the policy URL's: subscription.ts, managed.ts) are
 * read on every sign-in and every configuration read, and a large team's file is hundreds of KB: reading it whole
 * cost a click at 5,000 profiles ~55 ms, and held up every storage read queued behind it (issue 16). Each copy is
 * written here with a random stamp in the same storage call (the browser writes both or neither, in one change), and
 * the worker keeps the copy it read or wrote last by that stamp: a read is then one small item, and the whole copy
 * is read again only when its stamp changed. Content-addressed like the sync generation's memo (sync-store.ts): no
 * invalidation to forget. A copy with no stamp (stored by an earlier version) is given one at its first read.
 * Only this module writes or removes these keys: a copy written without its stamp would be hidden behind the old one.
 */
import { readStored, readStoredTogether, removeStored, writeStored, writeStoredTogether, type StoredValues } from '../../platform/storage';

type CopyKey = 'config.subscription' | 'config.managedCopy';

const STAMP = {
  'config.subscription': 'config.subscriptionStamp',
  'config.managedCopy': 'config.managedCopyStamp',
} as const satisfies Record<CopyKey, keyof StoredValues>;

/** The copy read or written last, per key, by its stamp. Read-only: no caller changes a copy it is given. */
const kept = new Map<CopyKey, { stamp: string; value: unknown }>();

export async function readCopy<K extends CopyKey>(key: K): Promise<StoredValues[K] | undefined> {
  const memo = kept.get(key);
  if (memo && (await readStored(STAMP[key])) === memo.stamp) return memo.value as StoredValues[K];
  // The copy and its stamp in one read: the pair kept is one the browser wrote together.
  const stored = await readStoredTogether([key, STAMP[key]]);
  const value = stored[key];
  const readStamp = stored[STAMP[key]];
  if (value !== undefined && readStamp !== undefined) kept.set(key, { stamp: readStamp, value });
  else kept.delete(key);
  // A copy stored by an earlier version has no stamp: one is written alone, naming whatever copy is stored from
  // then on (a later write replaces it, so it never names an older copy); the next read pairs them in one call.
  if (value !== undefined && readStamp === undefined) await writeStored(STAMP[key], crypto.randomUUID()).catch(() => undefined);
  return value;
}

export async function writeCopy<K extends CopyKey>(key: K, value: StoredValues[K]): Promise<void> {
  const stamp = crypto.randomUUID();
  kept.delete(key);
  await writeStoredTogether({ [key]: value, [STAMP[key]]: stamp });
  kept.set(key, { stamp, value });
}

export async function removeCopy(key: CopyKey): Promise<void> {
  kept.delete(key);
  await removeStored(key, STAMP[key]);
}
