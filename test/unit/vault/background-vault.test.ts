/**
 * The vault in the background, on the in-memory fake of the storage areas: what lands where, a wrong
 * passphrase changes nothing, a passphrase change is one write, and nothing lives in module variables.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dump, failNextSet, fakeBrowser, has, resetFakeBrowser, setCalls } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { changeVaultPassphrase, createNewVault, eraseVault, lock, readEntries, unlock, updateEntries, vaultStatus } = await import('../../../src/background/vault/vault');
const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');
const { AUTO_LOCK_ALARM } = await import('../../../src/background/vault/state');

const FAST = { iterations: 100_000 };
const SECRET = 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001';
const ALICE = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: SECRET };

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof SignInError) return error.code;
    throw error;
  }
}

async function sessionKey(): Promise<string | undefined> {
  const { 'vault.key': stored } = (await fakeBrowser.storage.session.get('vault.key')) as { 'vault.key'?: { key: string } };
  return stored?.key;
}

beforeEach(() => resetFakeBrowser());

describe('the vault in the background', () => {
  it('starts absent, is created unlocked, locks and unlocks', async () => {
    expect(await vaultStatus()).toEqual({ initialized: false, locked: true, autoLockMinutes: 60, mfaSessionMinutes: 480 });
    expect(await code(createNewVault('short', FAST))).toBe('bad-request');
    // 12 characters at least (src/core/vault/passphrase.ts; the options page says so while it is typed).
    expect(await code(createNewVault('eleven char', FAST))).toBe('bad-request');
    expect(await vaultStatus()).toMatchObject({ initialized: false });
    expect(await createNewVault('correct horse battery', FAST)).toMatchObject({ initialized: true, locked: false });
    expect(await code(createNewVault('another passphrase', FAST))).toBe('bad-request');

    await updateEntries((entries) => ({ ...entries, alice: ALICE }));
    expect(await lock()).toMatchObject({ initialized: true, locked: true });
    expect(await code(readEntries('person'))).toBe('vault-locked');
    expect(await unlock('correct horse battery', FAST)).toMatchObject({ locked: false });
    expect(await readEntries('person')).toEqual({ alice: ALICE });
  });

  it('keeps ciphertext only in local, the key only in session, and nothing in sync', async () => {
    await createNewVault('correct horse battery', FAST);
    await updateEntries(() => ({ alice: ALICE }));
    const key = await sessionKey();
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const local = dump(fakeBrowser.storage.local);
    for (const secret of [SECRET, 'correct horse battery', key ?? '?', ALICE.accessKeyId]) expect(local).not.toContain(secret);
    expect(fakeBrowser.storage.sync.snapshot()).toEqual({});
    expect(dump(fakeBrowser.storage.session)).not.toContain(SECRET);
  });

  it('refuses a wrong passphrase without changing a stored byte', async () => {
    await createNewVault('correct horse battery', FAST);
    await updateEntries(() => ({ alice: ALICE }));
    await lock();
    const before = dump(fakeBrowser.storage.local);
    const writes = setCalls(fakeBrowser.storage.local).length;
    expect(await code(unlock('wrong horse battery', FAST))).toBe('wrong-passphrase');
    expect(await code(changeVaultPassphrase('wrong horse battery', 'new passphrase!', FAST))).toBe('wrong-passphrase');
    expect(await code(changeVaultPassphrase('correct horse battery', 'elevenchars', FAST))).toBe('bad-request');
    expect(dump(fakeBrowser.storage.local)).toBe(before);
    expect(setCalls(fakeBrowser.storage.local).length).toBe(writes);
    expect(await sessionKey()).toBeUndefined();
  });

  it('changes the passphrase with one storage write, and a failed write loses nothing', async () => {
    await createNewVault('old passphrase', FAST);
    await updateEntries(() => ({ alice: ALICE, bob: { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'b'.repeat(40) } }));

    const before = dump(fakeBrowser.storage.local);
    failNextSet(fakeBrowser.storage.local, new Error('disk full'));
    await expect(changeVaultPassphrase('old passphrase', 'new passphrase', FAST)).rejects.toThrow('disk full');
    expect(dump(fakeBrowser.storage.local)).toBe(before);
    await lock();
    await unlock('old passphrase', FAST);

    const writes = setCalls(fakeBrowser.storage.local).length;
    expect(await changeVaultPassphrase('old passphrase', 'new passphrase', FAST)).toMatchObject({ locked: false });
    expect(setCalls(fakeBrowser.storage.local).slice(writes)).toEqual([['vault.sealed']]);
    await lock();
    expect(await code(unlock('old passphrase', FAST))).toBe('wrong-passphrase');
    await unlock('new passphrase', FAST);
    expect(Object.keys((await readEntries('person')) ?? {})).toEqual(['alice', 'bob']);
  });

  it('raises stored parameters below today\u2019s policy at the next unlock', async () => {
    await createNewVault('correct horse battery', FAST);
    await lock();
    await unlock('correct horse battery', { iterations: 200_000 });
    const { 'vault.sealed': sealed } = (await fakeBrowser.storage.local.get('vault.sealed')) as { 'vault.sealed': { kdf: { iterations: number } } };
    expect(sealed.kdf.iterations).toBe(200_000);
    await lock();
    expect(await unlock('correct horse battery', FAST)).toMatchObject({ locked: false });
  });

  it('treats a key that no longer opens the vault as locked', async () => {
    await createNewVault('correct horse battery', FAST);
    const stale = (await fakeBrowser.storage.session.get('vault.key'))['vault.key'];
    await changeVaultPassphrase('correct horse battery', 'another passphrase', FAST);
    await fakeBrowser.storage.session.set({ 'vault.key': stale });
    expect((await vaultStatus()).locked).toBe(true);
    expect(await code(readEntries('person'))).toBe('vault-locked');
  });

  it('locks when the kept key (of this vault) does not open it, leaving no idle deadline behind', async () => {
    await createNewVault('correct horse battery', FAST);
    const { 'vault.key': kept } = (await fakeBrowser.storage.session.get('vault.key')) as { 'vault.key': { key: string; salt: string } };
    await fakeBrowser.storage.session.set({ 'vault.key': { ...kept, key: btoa(String.fromCharCode(...new Uint8Array(32))) } });
    expect(await code(readEntries('person'))).toBe('vault-locked');
    // The person's read pushes the deadline while the vault opens; the lock comes after it, so nothing is left.
    await new Promise((resolve) => setTimeout(resolve, 50)); // nor later (a push left running would land now)
    expect(await fakeBrowser.storage.session.get(['vault.key', 'vault.lockAt'])).toEqual({});
    expect(fakeBrowser.alarms.all.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('keeps the unlocked state across a worker restart (no module state)', async () => {
    await createNewVault('correct horse battery', FAST);
    await updateEntries(() => ({ alice: ALICE }));
    vi.resetModules();
    const fresh = await import('../../../src/background/vault/vault');
    expect(await fresh.readEntries('person')).toEqual({ alice: ALICE });
  });

  it('erases everything on reset', async () => {
    await createNewVault('correct horse battery', FAST);
    expect(await eraseVault()).toMatchObject({ initialized: false, locked: true });
    expect(has(fakeBrowser.storage.local, 'vault.sealed')).toBe(false);
    expect(await sessionKey()).toBeUndefined();
  });
});

describe('concurrent changes', () => {
  beforeEach(() => resetFakeBrowser());

  it('are applied one after the other, none lost', async () => {
    await createNewVault('correct horse battery', FAST);
    const sources = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(sources.map((source) => updateEntries((entries) => ({ ...entries, [source]: ALICE }))));
    expect(Object.keys((await readEntries('person')) ?? {}).sort()).toEqual(sources);
  });
});
