/**
 * The organisation's policy for the extension: `storage.managed`, read-only, set by an administrator (Chrome and
 * Edge: the `3rdparty` extension policy, declared by public/managed-schema.json; Firefox: policies.json's
 * `3rdparty.Extensions`). What it means is core/managed-policy.ts.
 */
import browser from 'webextension-polyfill';

/** Every managed value; none (`{}`) where there is no policy, or the browser has no managed storage for the extension. */
export async function readManagedStorage(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    // Firefox without a policy for the add-on: "Managed storage manifest not found".
    return {};
  }
}
