/**
 * Tells an extension page (the popup's Sessions view) that the session registry changed, so it asks the background
 * again. The page never reads the registry itself; `storage.session` is only where the change is seen from.
 */
import browser from 'webextension-polyfill';
import type { StoredKey } from './storage';

const REGISTRY: StoredKey = 'sessions.registry';

/** Returns the function that stops listening. */
export function onSessionsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (areaName === 'session' && Object.hasOwn(changes, REGISTRY)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
