/**
 * The team layers' copies in storage.local (the subscription's, the policy URL's: subscription.ts, managed.ts) are
 * read on every sign-in and every configuration read, and a large team's file is hundreds of KB: reading it whole
 * cost a click at 5,000 profiles ~55 ms, and held up every storage read queued behind it (issue 16). Each copy is
 * kept in the worker's memory by a stamp written with it (platform/stamped-item.ts): a read is then one small item.
 * Only this module writes or removes these keys.
 */
import { stampedItem, type StampedItem } from '../../platform/stamped-item';
import { storageArea, type StoredValues } from '../../platform/storage';

type CopyKey = 'config.subscription' | 'config.managedCopy';

/** Returned as this module stored it (subscription.ts checks the fields it uses). */
function copyOf<K extends CopyKey>(key: K, stampKey: keyof StoredValues): StampedItem<StoredValues[K]> {
  return stampedItem(key, stampKey, (stored) => stored as StoredValues[K]);
}

const COPIES: { [K in CopyKey]: StampedItem<StoredValues[K]> } = {
  'config.subscription': copyOf('config.subscription', 'config.subscriptionStamp'),
  'config.managedCopy': copyOf('config.managedCopy', 'config.managedCopyStamp'),
};

export async function readCopy<K extends CopyKey>(key: K): Promise<StoredValues[K] | undefined> {
  return (await COPIES[key].read(storageArea('local'))).value;
}

export async function writeCopy<K extends CopyKey>(key: K, value: StoredValues[K]): Promise<void> {
  await COPIES[key].write(storageArea('local'), value);
}

export async function removeCopy(key: CopyKey): Promise<void> {
  await COPIES[key].remove(storageArea('local'));
}
