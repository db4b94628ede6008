/** The Firefox manifest is manifest.json with only the differences Firefox needs. */
import { describe, expect, it } from 'vitest';
import { firefoxManifest, GECKO_ANDROID_MIN_VERSION, GECKO_ID, GECKO_MIN_VERSION } from '../../../manifest-firefox';
import chrome from '../../../manifest.json' with { type: 'json' };
import packageJson from '../../../package.json' with { type: 'json' };

// vite.config.ts adds the version from package.json to both manifests.
const versioned = { ...chrome, version: packageJson.version };
const firefox = firefoxManifest(versioned) as unknown as Record<string, unknown> & { permissions: string[]; host_permissions: string[] };

describe('the Firefox manifest', () => {
  it('runs the background as an event page, from the same entry as the Chrome service worker', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background.service_worker] });
  });

  it('names the add-on and the oldest Firefox ESR it supports', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    });
    // The first versions that read data_collection_permissions (web-ext lint warns below them).
    expect([GECKO_MIN_VERSION, GECKO_ANDROID_MIN_VERSION]).toEqual(['140.0', '142.0']);
  });

  it('adds the container permissions and keeps every Chrome permission and host', () => {
    expect(firefox.permissions).toEqual([...chrome.permissions, 'contextualIdentities', 'cookies']);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
  });

  it('drops Chrome-only keys and changes nothing else', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    const { background: _b, permissions: _p, browser_specific_settings: _s, ...rest } = firefox;
    const { background: _cb, permissions: _cp, minimum_chrome_version: _m, optional_permissions: _o, ...chromeRest } = versioned;
    expect(rest).toEqual(chromeRest);
  });

  it('offers no optional identity permission: Firefox does not take it as optional (sign-in through the browser is Chrome-only)', () => {
    expect(chrome.optional_permissions).toEqual(['identity']);
    expect(firefox).not.toHaveProperty('optional_permissions');
  });

  it('leaves manifest.json itself alone (the Chrome build reads it)', () => {
    expect(chrome.background).toHaveProperty('service_worker');
    expect(chrome.permissions).not.toContain('cookies');
  });
});
