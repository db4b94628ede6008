/** Identity Center sign-ins kept in the vault: sealed under the vault key, readable only unlocked, gone with a new passphrase. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dump, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { forgetKeptSsoSignIn, hasKeptSsoSignIn, keepSsoSignIn, readKeptSsoSignIn } = await import('../../../src/background/vault/sso-box');
const { changeVaultPassphrase, createNewVault, lock, unlock } = await import('../../../src/background/vault/vault');

const PASSPHRASE = 'correct horse battery';
const URL_A = 'https://acme.awsapps.com/start';
const KEPT = { region: 'eu-west-1', refreshToken: 'refresh-secret-1', clientId: 'client-1', clientSecret: 'client-secret-1', clientExpiresAt: 4_000_000_000_000 };

beforeEach(async () => {
  resetFakeBrowser();
  await createNewVault(PASSPHRASE, { iterations: 100_000 });
});

describe('sign-ins kept in the vault', () => {
  it('are ciphertext on disk, named by start URL only, and read back while unlocked', async () => {
    expect(await keepSsoSignIn(URL_A, KEPT)).toBe(true);
    expect(dump(fakeBrowser.storage.local)).not.toMatch(/refresh-secret-1|client-secret-1/);
    expect(await hasKeptSsoSignIn(URL_A)).toBe(true);
    expect(await hasKeptSsoSignIn('https://other.awsapps.com/start')).toBe(false);
    expect(await readKeptSsoSignIn(URL_A, 'person')).toEqual(KEPT);
  });

  it('ask for the passphrase while locked, and are written only when unlocked', async () => {
    await keepSsoSignIn(URL_A, KEPT);
    await lock();
    await expect(readKeptSsoSignIn(URL_A, 'automatic')).rejects.toMatchObject({ code: 'vault-locked' });
    expect(await keepSsoSignIn('https://other.awsapps.com/start', KEPT)).toBe(false);
    await unlock(PASSPHRASE, { iterations: 100_000 });
    expect(await readKeptSsoSignIn(URL_A, 'person')).toEqual(KEPT);
  });

  it('are gone with a new passphrase (a new key) or when forgotten', async () => {
    await keepSsoSignIn(URL_A, KEPT);
    await changeVaultPassphrase(PASSPHRASE, 'another long passphrase', { iterations: 100_000 });
    expect(await hasKeptSsoSignIn(URL_A)).toBe(false);
    expect(await readKeptSsoSignIn(URL_A, 'person')).toBeUndefined();
    await keepSsoSignIn(URL_A, KEPT);
    await forgetKeptSsoSignIn(URL_A);
    expect(await hasKeptSsoSignIn(URL_A)).toBe(false);
  });
});
