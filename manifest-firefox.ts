/**
 * The Firefox manifest, derived from manifest.json so the two never drift: `vite build --mode firefox` feeds it to
 * crxjs, whose `browser: 'firefox'` option reads `background.scripts` but does not convert a Chrome manifest.
 * Firefox MV3 runs the background as an event page (`background.scripts`); it has no extension service worker.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/background
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** crxjs's manifest type, the one `crx({ manifest })` takes (it exports only the union with functions and promises). */
type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;

/** A stable id: storage, and the vault in it, belong to the add-on id, so it must never change once published. */
export const GECKO_ID = 'role-switcher@role-switcher.dev';

/**
 * 140 is the oldest supported ESR (128 reached its end of life), and the first Firefox that reads
 * `data_collection_permissions`, which addons.mozilla.org asks of every new add-on (`web-ext lint` warns below it).
 * Since 127 its MV3 grants `host_permissions` at install; `storage.session` (115), module background scripts (112).
 */
export const GECKO_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 (the add-on is not built for Android: no containers). */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/** Containers: `contextualIdentities` makes them; opening a tab with a `cookieStoreId` needs `cookies`. */
const FIREFOX_PERMISSIONS = ['contextualIdentities', 'cookies'];

/**
 * Chrome-only optional permissions: Firefox does not take `identity` as optional (MDN, optional_permissions), so
 * sign-in through the browser (PKCE in the web-auth window) is not offered there; the device code is.
 */
const CHROME_ONLY_OPTIONAL = ['identity'];

/** Keys Firefox does not know: it warns about them on every load. */
const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'key', 'update_url'];

export function firefoxManifest(chrome: Manifest): Manifest {
  const worker = chrome.background && 'service_worker' in chrome.background ? chrome.background.service_worker : undefined;
  if (worker === undefined) throw new Error('manifest.json has no background.service_worker to turn into a Firefox event page.');
  const kept = Object.fromEntries(Object.entries(chrome).filter(([key]) => !CHROME_ONLY_KEYS.includes(key) && key !== 'optional_permissions'));
  return {
    ...(kept as Manifest),
    // crxjs points this at its loader and adds `type: 'module'` (the bundle is ES modules; Firefox 112+).
    background: { scripts: [worker] },
    // crxjs types permissions from @types/chrome, which is not installed here (any).
    permissions: [...new Set([...((chrome.permissions as string[] | undefined) ?? []), ...FIREFOX_PERMISSIONS])],
    ...optionalFor(chrome),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // AMO asks every add-on to declare what it collects: nothing (configuration and keys stay in the browser).
        data_collection_permissions: { required: ['none'] },
      },
      // crxjs's type predates gecko_android, which Firefox and AMO read.
      ...({ gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION } } as object),
    },
  };
}

function optionalFor(chrome: Manifest): { optional_permissions?: string[] } {
  const optional = ((chrome.optional_permissions as string[] | undefined) ?? []).filter((p) => !CHROME_ONLY_OPTIONAL.includes(p));
  return optional.length > 0 ? { optional_permissions: optional } : {};
}
