/** Idle auto-lock: a stored deadline pushed on every use, an alarm at it, and a check on every wake. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, has, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { createNewVault, readEntries, updateEntries, vaultStatus } = await import('../../../src/background/vault/vault');
const { onAutoLockAlarm } = await import('../../../src/background/vault/auto-lock');
const { AUTO_LOCK_ALARM } = await import('../../../src/background/vault/state');
const { vaultHandlers } = await import('../../../src/background/vault/handlers');
const { rootCredentials } = await import('../../../src/background/sources/root-credentials');
const { parseConfig } = await import('../../../src/core/config/index');

const FAST = { iterations: 100_000 };
const MINUTE = 60_000;
const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

async function lockAt(): Promise<number | undefined> {
  return (await fakeBrowser.storage.session.get('vault.lockAt'))['vault.lockAt'] as number | undefined;
}

beforeEach(async () => {
  resetFakeBrowser();
  // Only Date: WebCrypto and promises keep running on real time.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await createNewVault('correct horse battery', FAST);
  await fakeBrowser.storage.session.set({ 'mfa.sessions': { alice: { keyId: 'AKIA', mfaSerial: 'x', credentials: {}, expiresAt: T0 + 600 * MINUTE } } });
});
afterEach(() => vi.useRealTimers());

describe('idle auto-lock', () => {
  it('defaults to 60 minutes, with an alarm at the stored deadline', async () => {
    expect(await lockAt()).toBe(T0 + 60 * MINUTE);
    expect(fakeBrowser.alarms.all.get(AUTO_LOCK_ALARM)?.scheduledTime).toBe(T0 + 60 * MINUTE);
  });

  it('pushes the deadline on every use of the vault', async () => {
    vi.setSystemTime(T0 + 50 * MINUTE);
    await readEntries('person');
    expect(await lockAt()).toBe(T0 + 110 * MINUTE);
    expect(fakeBrowser.alarms.all.get(AUTO_LOCK_ALARM)?.scheduledTime).toBe(T0 + 110 * MINUTE);
  });

  it('is not pushed by an automatic renewal\u2019s read of the keys; past the idle time that read finds the vault locked', async () => {
    await updateEntries(() => ({ alice: { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' } }));
    const config = parseConfig('[alice]\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n');
    const request = { config, source: 'alice', hops: config.roles, wantedSeconds: 3600 };
    vi.setSystemTime(T0 + 55 * MINUTE);
    await rootCredentials({ ...request, interactive: false });
    expect(await lockAt()).toBe(T0 + 60 * MINUTE);
    vi.setSystemTime(T0 + 61 * MINUTE);
    await expect(rootCredentials({ ...request, interactive: false })).rejects.toMatchObject({ code: 'vault-locked' });
    expect((await vaultStatus()).locked).toBe(true);
  });

  it('is pushed by a sign-in the person started', async () => {
    await updateEntries(() => ({ alice: { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' } }));
    const config = parseConfig('[alice]\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n');
    vi.setSystemTime(T0 + 55 * MINUTE);
    await rootCredentials({ config, source: 'alice', hops: config.roles, wantedSeconds: 3600, interactive: true });
    expect(await lockAt()).toBe(T0 + 115 * MINUTE);
  });

  it('locks when the alarm fires at the deadline, dropping the key and the MFA sessions', async () => {
    vi.setSystemTime(T0 + 60 * MINUTE);
    await onAutoLockAlarm({ name: AUTO_LOCK_ALARM, scheduledTime: T0 + 60 * MINUTE });
    expect((await vaultStatus()).locked).toBe(true);
    expect(has(fakeBrowser.storage.session, 'vault.key')).toBe(false);
    expect(has(fakeBrowser.storage.session, 'mfa.sessions')).toBe(false);
    expect(fakeBrowser.alarms.all.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('re-arms an alarm that fires before a pushed deadline, and ignores other alarms', async () => {
    vi.setSystemTime(T0 + 30 * MINUTE);
    await readEntries('person');
    vi.setSystemTime(T0 + 60 * MINUTE);
    await onAutoLockAlarm({ name: AUTO_LOCK_ALARM, scheduledTime: T0 + 60 * MINUTE });
    await onAutoLockAlarm({ name: 'session.expiry', scheduledTime: T0 });
    expect((await vaultStatus()).locked).toBe(false);
    expect(fakeBrowser.alarms.all.get(AUTO_LOCK_ALARM)?.scheduledTime).toBe(T0 + 90 * MINUTE);
  });

  it('locks on wake when the alarm was missed (the machine slept)', async () => {
    fakeBrowser.alarms.all.clear();
    vi.setSystemTime(T0 + 3 * 60 * MINUTE);
    expect((await vaultStatus()).locked).toBe(true);
  });

  it('follows the setting, counted from now; never 0 (a vault that never locks) nor past a day', async () => {
    vi.setSystemTime(T0 + 10 * MINUTE);
    await vaultHandlers['vault.setAutoLock']({ minutes: 5 });
    expect(await lockAt()).toBe(T0 + 15 * MINUTE);
    for (const minutes of [-1, 0, 1441, 365 * 24 * 60]) {
      await expect(vaultHandlers['vault.setAutoLock']({ minutes })).rejects.toThrow(/auto-lock time/);
    }
    expect(await lockAt()).toBe(T0 + 15 * MINUTE);
    expect(fakeBrowser.alarms.all.has(AUTO_LOCK_ALARM)).toBe(true);
  });
});
