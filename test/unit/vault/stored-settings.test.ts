/**
 * Stored settings are read, never trusted: storage.local and storage.sync can be written by more than the worker
 * (content scripts, where the browser cannot close them), so an auto-lock of a year, a negative MFA session or a
 * string falls back to the default. And the worker closes both areas to content scripts where the browser allows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VAULT_SETTINGS, normalizeVaultSettings } from '../../../src/core/vault/settings';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { createNewVault, vaultStatus } = await import('../../../src/background/vault/vault');
const { restrictStorageToExtension } = await import('../../../src/platform/storage-access');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const MINUTE = 60_000;

describe('vault settings read from storage', () => {
  it('keep values in range: an MFA session of 0 (a code for every sign-in), never an auto-lock of 0 (a vault that never locks)', () => {
    expect(normalizeVaultSettings({ autoLockMinutes: 15, mfaSessionMinutes: 60 })).toEqual({ autoLockMinutes: 15, mfaSessionMinutes: 60 });
    expect(normalizeVaultSettings({ autoLockMinutes: 1, mfaSessionMinutes: 0 })).toEqual({ autoLockMinutes: 1, mfaSessionMinutes: 0 });
    expect(normalizeVaultSettings({ autoLockMinutes: 0, mfaSessionMinutes: 0 })).toEqual({ autoLockMinutes: 60, mfaSessionMinutes: 0 });
    expect(normalizeVaultSettings({ autoLockMinutes: 1440, mfaSessionMinutes: 2160 })).toEqual({ autoLockMinutes: 1440, mfaSessionMinutes: 2160 });
  });

  it('fall back to the default for anything else', () => {
    for (const stored of [
      { autoLockMinutes: 365 * 24 * 60, mfaSessionMinutes: 10 }, { autoLockMinutes: -5, mfaSessionMinutes: 100_000 },
      { autoLockMinutes: 1.5, mfaSessionMinutes: '60' }, { autoLockMinutes: null }, 'x', null, undefined, [],
    ]) {
      expect(normalizeVaultSettings(stored), JSON.stringify(stored)).toEqual(DEFAULT_VAULT_SETTINGS);
    }
  });

  describe('by the worker', () => {
    beforeEach(() => {
      resetFakeBrowser();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T0);
    });
    afterEach(() => vi.useRealTimers());

    it.each([365 * 24 * 60, 0])('an auto-lock of %i minutes written into storage still locks after the default 60 minutes', async (written) => {
      await fakeBrowser.storage.local.set({ 'vault.settings': { autoLockMinutes: written, mfaSessionMinutes: -1 } });
      await createNewVault('correct horse battery', { iterations: 100_000 });
      expect((await fakeBrowser.storage.session.get('vault.lockAt'))['vault.lockAt']).toBe(T0 + 60 * MINUTE);
      expect(await vaultStatus()).toMatchObject({ autoLockMinutes: 60, mfaSessionMinutes: 480 });
      vi.setSystemTime(T0 + 61 * MINUTE);
      expect((await vaultStatus()).locked).toBe(true);
    });
  });
});

describe('storage closed to content scripts', () => {
  it('asks each area for trusted contexts only, where the browser has it', async () => {
    const calls: string[] = [];
    const area = (name: string) => ({ setAccessLevel: (o: { accessLevel: string }) => Promise.resolve(void calls.push(`${name} ${o.accessLevel}`)) });
    expect(await restrictStorageToExtension({ local: area('local'), sync: area('sync') })).toEqual({ local: true, sync: true });
    expect(calls.sort()).toEqual(['local TRUSTED_CONTEXTS', 'sync TRUSTED_CONTEXTS']);
  });

  it('changes nothing where the browser refuses (Chrome before 140) or lacks it (Firefox)', async () => {
    const refusing = { setAccessLevel: () => Promise.reject(new Error('This is only supported for session storage.')) };
    expect(await restrictStorageToExtension({ local: refusing, sync: {} })).toEqual({ local: false, sync: false });
  });
});
