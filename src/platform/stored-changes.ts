/**
 * Tells an extension page when one of some stored keys changed (in the area `STORAGE_KEYS` declares for it), so it
 * asks the background again. The page reads nothing from the change itself: it only learns that it should ask.
 */
import browser from 'webextension-polyfill';
import { STORAGE_KEYS, type StoredKey } from './storage';

/** Returns the function that stops listening. */
export function onStoredChanged(keys: readonly StoredKey[], listener: () => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (keys.some((key) => STORAGE_KEYS[key] === areaName && Object.hasOwn(changes, key))) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
