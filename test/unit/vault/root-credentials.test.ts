/**
 * The root of a sign-in: long-term keys, or an MFA session; when a code is needed, and where it goes.
 * STS is stubbed here (the sandbox e2e tests run the real calls).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { dump, fakeBrowser, has, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const sts = vi.hoisted(() => ({ getSessionToken: vi.fn(), getCallerIdentity: vi.fn() }));
vi.mock('../../../src/background/aws/sts-identity', async (importActual) => ({
  ...(await importActual<typeof import('../../../src/background/aws/sts-identity')>()),
  getSessionToken: sts.getSessionToken,
  getCallerIdentity: sts.getCallerIdentity,
}));

const { rootCredentials } = await import('../../../src/background/sources/root-credentials');
const { createNewVault, lock, updateEntries } = await import('../../../src/background/vault/vault');
const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');

const SERIAL = 'arn:aws:iam::111111111111:mfa/alice';
const KEYS = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' };
const SESSION = { accessKeyId: 'ASIASESSION000000001', secretAccessKey: 's'.repeat(40), sessionToken: 'token-1' };
const config = parseConfig(`
[alice]
[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
[admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${SERIAL}
`);
const hop = (name: string) => config.roles.filter((role) => role.name === name);

async function failure(promise: Promise<unknown>): Promise<{ code: string; mfaSerial?: string; message: string } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof SignInError) return error.toAppError();
    throw error;
  }
}

beforeEach(async () => {
  resetFakeBrowser();
  sts.getSessionToken.mockReset().mockResolvedValue({ credentials: SESSION, expiresAt: Date.now() + 8 * 3_600_000 });
  sts.getCallerIdentity.mockReset().mockResolvedValue({ arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111' });
  await createNewVault('correct horse battery', { iterations: 100_000 });
  await updateEntries(() => ({ alice: KEYS }));
});

describe('root credentials', () => {
  it('are the long-term keys when nothing asks for MFA', async () => {
    const result = await rootCredentials({ config, source: 'alice', hops: hop('dev'), wantedSeconds: 3600 });
    expect(result.root).toMatchObject({ credentials: KEYS, temporary: false, source: 'alice' });
    expect(result.mfaFor(hop('dev')[0]!, 0)).toBeUndefined();
  });

  it('name the caller after the IAM user GetCallerIdentity gave when the keys were saved', async () => {
    const request = { config, source: 'alice', hops: hop('dev'), wantedSeconds: 3600 };
    expect(await (await rootCredentials(request)).root.callerName?.('eu-west-1')).toBeUndefined();
    await updateEntries(() => ({ alice: { ...KEYS, arn: 'arn:aws:iam::111111111111:user/people/alice' } }));
    expect(await (await rootCredentials(request)).root.callerName?.('eu-west-1')).toBe('alice');
  });

  it('ask for the vault, then for keys, in words', async () => {
    await lock();
    expect(await failure(rootCredentials({ config, source: 'alice', hops: hop('dev'), wantedSeconds: 3600 }))).toMatchObject({ code: 'vault-locked' });
    expect(await failure(rootCredentials({ config, source: 'nobody', hops: hop('dev'), wantedSeconds: 3600 }))).toMatchObject({ code: 'vault-locked' });
  });

  it('ask for a code naming the device, then open and reuse an MFA session', async () => {
    const request = { config, source: 'alice', hops: hop('admin'), wantedSeconds: 3600 };
    expect(await failure(rootCredentials(request))).toMatchObject({ code: 'mfa-required', mfaSerial: SERIAL });
    expect(await failure(rootCredentials({ ...request, mfaCode: '12345' }))).toMatchObject({ code: 'mfa-invalid', mfaSerial: SERIAL });

    const first = await rootCredentials({ ...request, mfaCode: '123 456' });
    expect(first.root).toMatchObject({ credentials: SESSION, temporary: true, source: 'alice' });
    expect(sts.getSessionToken).toHaveBeenCalledWith(expect.any(String), KEYS, { serialNumber: SERIAL, tokenCode: '123456', durationSeconds: 480 * 60 }, expect.anything());
    expect(first.mfaFor(hop('admin')[0]!, 0)).toBeUndefined();

    const again = await rootCredentials(request);
    expect(again.root.credentials).toEqual(SESSION);
    expect(sts.getSessionToken).toHaveBeenCalledTimes(1);
    expect(dump(fakeBrowser.storage.local)).not.toContain(SESSION.secretAccessKey);
  });

  it('assume from the long-term keys with the code when the role wants more than the 1-hour cap', async () => {
    await rootCredentials({ config, source: 'alice', hops: hop('admin'), wantedSeconds: 3600, mfaCode: '123456' });
    const long = { config, source: 'alice', hops: hop('admin'), wantedSeconds: 12 * 3600 };
    expect(await failure(rootCredentials(long))).toMatchObject({ code: 'mfa-required', mfaSerial: SERIAL });
    const result = await rootCredentials({ ...long, mfaCode: '654321' });
    expect(result.root).toMatchObject({ credentials: KEYS, temporary: false, source: 'alice' });
    expect(result.mfaFor(hop('admin')[0]!, 0)).toEqual({ serialNumber: SERIAL, tokenCode: '654321' });
    expect(sts.getSessionToken).toHaveBeenCalledTimes(1);
  });

  it('use the device saved with the keys when the configuration names none', async () => {
    await updateEntries(() => ({ alice: { ...KEYS, mfaSerial: SERIAL } }));
    expect(await failure(rootCredentials({ config, source: 'alice', hops: hop('dev'), wantedSeconds: 3600 }))).toMatchObject({ code: 'mfa-required', mfaSerial: SERIAL });
  });

  it('turn a refused code into mfa-invalid with a clear sentence', async () => {
    sts.getSessionToken.mockRejectedValue(Object.assign(new Error('MultiFactorAuthentication failed with invalid MFA one time pass code. '), { name: 'AccessDenied' }));
    const result = await failure(rootCredentials({ config, source: 'alice', hops: hop('admin'), wantedSeconds: 3600, mfaCode: '000000' }));
    expect(result).toMatchObject({ code: 'mfa-invalid', mfaSerial: SERIAL, message: expect.stringContaining('did not accept that MFA code') as unknown });
  });

  it('drop an MFA session AWS no longer accepts, and keep one it does or that the network failed to check', async () => {
    const request = { config, source: 'alice', hops: hop('admin'), wantedSeconds: 3600 };
    await rootCredentials({ ...request, mfaCode: '123456' });
    const kept = await rootCredentials(request);
    await kept.failed(new SignInError('sts-error', 'not allowed'));
    expect((await rootCredentials(request)).root.temporary).toBe(true);

    sts.getCallerIdentity.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await (await rootCredentials(request)).failed(new SignInError('network', 'offline'));
    expect((await rootCredentials(request)).root.temporary).toBe(true);

    sts.getCallerIdentity.mockRejectedValue(Object.assign(new Error('expired'), { name: 'ExpiredToken' }));
    await (await rootCredentials(request)).failed(new SignInError('sts-error', 'expired'));
    expect(await failure(rootCredentials(request))).toMatchObject({ code: 'mfa-required' });
  });

  it('forget MFA sessions when the vault locks', async () => {
    const request = { config, source: 'alice', hops: hop('admin'), wantedSeconds: 3600 };
    await rootCredentials({ ...request, mfaCode: '123456' });
    await lock();
    expect(has(fakeBrowser.storage.session, 'mfa.sessions')).toBe(false);
  });
});
