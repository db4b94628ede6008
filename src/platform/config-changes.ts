/**
 * Tells an extension page when the configuration in force may have changed: saved here, saved on another browser
 * and arriving through `storage.onChanged` (sync), or written by the background's migration. The page then asks
 * the background again; it never reads the configuration items itself.
 */
import browser from 'webextension-polyfill';
import { isConfigChange } from './config-keys';

/**
 * One save is several storage events (chunks, header, local cleanup): they are folded into one call `waitMs`
 * after the last of them. Returns the function that stops listening.
 */
export function onConfigChanged(listener: () => void, waitMs = 50): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (!isConfigChange(areaName, changes)) return;
    clearTimeout(timer);
    timer = setTimeout(listener, waitMs);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
