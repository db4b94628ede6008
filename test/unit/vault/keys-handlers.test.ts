/** Keys are checked with GetCallerIdentity before they are saved, and the secret never comes back out. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const sts = vi.hoisted(() => ({ getCallerIdentity: vi.fn() }));
vi.mock('../../../src/background/aws/sts-identity', async (importActual) => ({
  ...(await importActual<typeof import('../../../src/background/aws/sts-identity')>()),
  getCallerIdentity: sts.getCallerIdentity,
}));

const { keyHandlers } = await import('../../../src/background/sources/keys/handlers');
const { createNewVault, lock, readEntries } = await import('../../../src/background/vault/vault');

const SECRET = 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001';
const KEYS = { source: 'alice', accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: SECRET };
const ARN = 'arn:aws:iam::111111111111:user/alice';

beforeEach(async () => {
  resetFakeBrowser();
  sts.getCallerIdentity.mockReset().mockResolvedValue({ arn: ARN, accountId: '111111111111' });
  await fakeBrowser.storage.local.set({ 'config.text': '[alice]\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n' });
});

describe('access keys', () => {
  it('need a vault before they can be saved', async () => {
    await expect(keyHandlers['keys.set'](KEYS)).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('passphrase first') as unknown });
  });

  it('are checked first: keys AWS refuses are never stored', async () => {
    await createNewVault('correct horse battery', { iterations: 100_000 });
    sts.getCallerIdentity.mockRejectedValueOnce(Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId' }));
    await expect(keyHandlers['keys.set'](KEYS)).rejects.toThrow(/does not recognise this access key id/);
    expect(await readEntries('person')).toEqual({});
  });

  it('are saved with the identity; answers never carry the secret', async () => {
    await createNewVault('correct horse battery', { iterations: 100_000 });
    expect(await keyHandlers['keys.verify'](KEYS)).toEqual({ arn: ARN, accountId: '111111111111' });
    const saved = await keyHandlers['keys.set']({ ...KEYS, mfaSerial: ' arn:aws:iam::111111111111:mfa/alice ' });
    expect(saved).toEqual({ source: 'alice', accessKeyId: KEYS.accessKeyId, arn: ARN, mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' });
    const listed = await keyHandlers['sources.list']({});
    expect(listed.sources).toEqual([saved]);
    expect(JSON.stringify([saved, listed])).not.toContain(SECRET);
    await lock();
    expect((await keyHandlers['sources.list']({})).sources).toEqual([{ source: 'alice' }]);
  });

  it('refuse what does not look like keys or a device', async () => {
    await createNewVault('correct horse battery', { iterations: 100_000 });
    await expect(keyHandlers['keys.verify']({ ...KEYS, accessKeyId: 'ASIAALICEEXAMPLE0001' })).rejects.toThrow(/starts with AKIA/);
    await expect(keyHandlers['keys.verify']({ ...KEYS, secretAccessKey: 'short' })).rejects.toThrow(/40-character secret/);
    await expect(keyHandlers['keys.set']({ ...KEYS, mfaSerial: 'x y' })).rejects.toThrow(/MFA device/);
    expect(sts.getCallerIdentity).not.toHaveBeenCalled();
  });

  it('are removed on request', async () => {
    await createNewVault('correct horse battery', { iterations: 100_000 });
    await keyHandlers['keys.set'](KEYS);
    expect(await keyHandlers['keys.remove']({ source: 'alice' })).toEqual({ source: 'alice' });
    expect(await readEntries('person')).toEqual({});
  });
});
