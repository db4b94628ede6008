/**
 * Closes storage.local and storage.sync to content scripts where the browser allows it: they hold the sealed
 * vault, the vault's settings and the roles, and only the worker and the extension's own pages need them (the
 * content script asks the worker for display data). Chrome takes `setAccessLevel` on every area from Chrome 140
 * (on `session` only before, which is closed to content scripts by default); Firefox has it on no area
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/StorageArea/setAccessLevel,
 * mdn/browser-compat-data#29536). Where it is missing or refused nothing changes, and the worker still checks
 * every stored setting it reads (src/core/vault/settings.ts, src/core/sessions/model.ts, sign-in/settings.ts).
 * The level is kept by the browser; calling it on every wake costs one small call per area.
 */
import browser from 'webextension-polyfill';

type Restrictable = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

/** Which areas are now closed to content scripts. */
export async function restrictStorageToExtension(
  areas: Record<'local' | 'sync', Restrictable> = { local: browser.storage.local as Restrictable, sync: browser.storage.sync as Restrictable },
): Promise<{ local: boolean; sync: boolean }> {
  const close = async (area: Restrictable): Promise<boolean> => {
    if (typeof area.setAccessLevel !== 'function') return false;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return true;
    } catch {
      return false; // Chrome before 140: "only supported for session storage"
    }
  };
  const [local, sync] = await Promise.all([close(areas.local), close(areas.sync)]);
  return { local, sync };
}
