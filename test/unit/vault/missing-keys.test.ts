/**
 * `keys.missing` (issue 14): the key sources roles start from that have no keys in the vault, by name only, for the
 * popup to mark those roles before a click. Identity Center roots need no keys; a locked vault says nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { missingKeyHandlers } = await import('../../../src/background/sources/keys/missing-keys');
const { createNewVault, lock, unlock, updateEntries } = await import('../../../src/background/vault/vault');

const CONFIG = `
[alice]
[bob]

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice

[prod]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = bob

[sso-session acme]
sso_start_url = https://acme.awsapps.com/start
sso_region = eu-west-1

[profile acme-ro]
sso_session = acme
sso_account_id = 444444444444
sso_role_name = ReadOnly

[profile from-sso]
role_arn = arn:aws:iam::555555555555:role/Deployer
source_profile = acme-ro
`;
const SECRET = 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001';
const PASSPHRASE = 'correct horse battery';
const missing = async () => (await missingKeyHandlers['keys.missing']({})).sources;

beforeEach(async () => {
  resetFakeBrowser();
  await fakeBrowser.storage.local.set({ 'config.text': CONFIG });
});

describe('keys.missing', () => {
  it('without a vault, names every key source roles start from, never an Identity Center profile', async () => {
    expect(await missing()).toEqual(['alice', 'bob']);
  });

  it('with the vault unlocked, leaves out the sources it holds keys for, and carries no key', async () => {
    await createNewVault(PASSPHRASE, { iterations: 100_000 });
    await updateEntries((entries) => ({ ...entries, alice: { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: SECRET } }));
    const answer = await missingKeyHandlers['keys.missing']({});
    expect(answer).toEqual({ sources: ['bob'] });
    expect(JSON.stringify(answer)).not.toMatch(/AKIA|SeCrEt/);
  });

  it('says nothing (null) while the vault is locked: it may hold them', async () => {
    await createNewVault(PASSPHRASE, { iterations: 100_000 });
    await lock();
    expect(await missing()).toBeNull();
    await unlock(PASSPHRASE);
    expect(await missing()).toEqual(['alice', 'bob']);
  });
});
