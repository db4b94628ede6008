/**
 * Where each stored key lives (src/platform/storage.ts STORAGE_KEYS): the keys that hold secrets are in the session
 * area (memory only, closed to content scripts), and only settings and the configuration's head follow the person
 * to other browsers. A key moved to another area fails here before any end-to-end secret scan runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoredKey } from '../../../src/platform/storage';

// The table only: no browser is asked anything.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { STORAGE_KEYS } = await import('../../../src/platform/storage');

/** The keys the storage types mark "Secret: session area only" (and the login form, which holds a sign-in token). */
const SECRET: StoredKey[] = ['vault.key', 'mfa.sessions', 'login.pending', 'sso.tokens', 'sso.clients'];
const SYNCED: StoredKey[] = ['config.head', 'settings.signIn', 'sessions.settings', 'sso.settings'];

describe('storage areas', () => {
  it('keeps every key that holds a secret in the session area', () => {
    expect(Object.fromEntries(SECRET.map((key) => [key, STORAGE_KEYS[key]]))).toEqual(Object.fromEntries(SECRET.map((key) => [key, 'session'])));
  });

  it('syncs only the configuration head and the settings', () => {
    const synced = (Object.keys(STORAGE_KEYS) as StoredKey[]).filter((key) => STORAGE_KEYS[key] === 'sync');
    expect(synced.sort()).toEqual([...SYNCED].sort());
  });
});
