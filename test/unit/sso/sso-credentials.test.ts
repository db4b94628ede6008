/**
 * The Identity Center source in the worker, with the AWS calls stubbed (the sandbox e2e tests run the real ones):
 * the device sign-in's polling and its ends, the token kept in storage.session only, refresh inside the last 15
 * minutes, a refused token, automatic renewals that never prompt, one sign-in shared by concurrent clicks.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type SsoSource } from '../../../src/core/config';
import { dump, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const aws = vi.hoisted(() => ({ registerClient: vi.fn(), startDeviceAuthorization: vi.fn(), createToken: vi.fn(), getRoleCredentials: vi.fn() }));
vi.mock('../../../src/background/aws/sso-oidc', () => ({
  registerClient: aws.registerClient, startDeviceAuthorization: aws.startDeviceAuthorization, createToken: aws.createToken,
}));
vi.mock('../../../src/background/aws/sso-portal', () => ({ getRoleCredentials: aws.getRoleCredentials }));

const { ssoRoleCredentials } = await import('../../../src/background/sources/sso/sso-credentials');
const { ssoHandlers } = await import('../../../src/background/sources/sso/handlers');

const START = 'https://acme.awsapps.com/start';
const config = parseConfig(`
[sso-session acme]
sso_start_url = ${START}
sso_region = eu-west-1
[profile dev]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = AdministratorAccess
`);
const source = config.sources[0] as SsoSource;
const ROLE = { credentials: { accessKeyId: 'ASIAROLE', secretAccessKey: 'role-secret', sessionToken: 'role-token' }, expiresAt: Date.now() + 3_600_000 };
const REGISTRATION = { clientId: 'client-1', clientSecret: 'client-secret-1', expiresAt: Date.now() + 90 * 86_400_000 };

function named(name: string): Error {
  return Object.assign(new Error(name), { name });
}

function device(overrides: Record<string, unknown> = {}) {
  return {
    deviceCode: 'device-code-1', userCode: 'ABCD-EFGH', verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
    verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH', expiresIn: 600, interval: 0.01, ...overrides,
  };
}

function token(accessToken: string, minutes = 480) {
  return { accessToken, expiresAt: Date.now() + minutes * 60_000, refreshToken: `refresh-of-${accessToken}` };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error as { code: string; message: string };
  }
}

beforeEach(() => {
  resetFakeBrowser();
  vi.clearAllMocks();
  aws.registerClient.mockResolvedValue(REGISTRATION);
  aws.startDeviceAuthorization.mockResolvedValue(device());
  aws.getRoleCredentials.mockResolvedValue(ROLE);
});

describe('the device sign-in', () => {
  it('opens the AWS page, polls until approved (slowing down when told), closes the page and keeps the token in memory only', async () => {
    aws.createToken
      .mockRejectedValueOnce(named('AuthorizationPendingException'))
      .mockRejectedValueOnce(named('SlowDownException'))
      .mockResolvedValueOnce(token('access-1'));
    const codes: string[] = [];
    vi.useFakeTimers();
    try {
      const signingIn = ssoRoleCredentials(config, source, { interactive: true, onCode: (code) => codes.push(code) });
      await vi.advanceTimersByTimeAsync(25); // two polls at the 10 ms interval: pending, then "slow down"
      expect(aws.createToken).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(4_900); // RFC 8628: 5 seconds more between polls from now on
      expect(aws.createToken).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(200);
      expect(aws.createToken).toHaveBeenCalledTimes(3);
      expect(await signingIn).toEqual(ROLE);
    } finally {
      vi.useRealTimers();
    }
    expect(codes).toEqual(['ABCD-EFGH']);
    expect(fakeBrowser.tabs.opened).toEqual([expect.objectContaining({ url: device().verificationUriComplete, closed: true })]);
    expect(aws.getRoleCredentials).toHaveBeenCalledWith('eu-west-1', 'access-1', '222222222222', 'AdministratorAccess', expect.anything());
    expect(dump(fakeBrowser.storage.session)).toContain('access-1');
    expect(dump(fakeBrowser.storage.local) + dump(fakeBrowser.storage.sync)).not.toMatch(/access-1|refresh-of|client-secret/);
    expect(dump(fakeBrowser.storage.session)).not.toContain('device-code-1');
  });

  it('reuses its client registration and the token: a second role signs in without a new approval', async () => {
    aws.createToken.mockResolvedValueOnce(token('access-1'));
    await ssoRoleCredentials(config, source, { interactive: true });
    await ssoRoleCredentials(config, source, { interactive: true });
    expect(aws.registerClient).toHaveBeenCalledTimes(1);
    expect(aws.startDeviceAuthorization).toHaveBeenCalledTimes(1);
    expect(aws.createToken).toHaveBeenCalledTimes(1);
  });

  it('keeps a client registration for every start URL of its region until an hour before clientSecretExpiresAt, then registers again', async () => {
    const other = parseConfig(`
[sso-session beta]
sso_start_url = https://beta.awsapps.com/start
sso_region = eu-west-1
[profile beta-dev]
sso_session = beta
sso_account_id = 444444444444
sso_role_name = AdministratorAccess
`);
    const betaSource = other.sources[0] as SsoSource;
    aws.createToken.mockResolvedValue(token('access-1'));
    await ssoRoleCredentials(config, source, { interactive: true });
    await ssoRoleCredentials(other, betaSource, { interactive: true });
    expect(aws.registerClient).toHaveBeenCalledTimes(1);
    expect(aws.startDeviceAuthorization).toHaveBeenCalledTimes(2);

    // A registration 30 minutes from its expiry serves no new sign-in: the next one registers again.
    resetFakeBrowser();
    aws.registerClient.mockClear().mockResolvedValue({ ...REGISTRATION, expiresAt: Date.now() + 30 * 60_000 });
    await ssoRoleCredentials(config, source, { interactive: true });
    await ssoRoleCredentials(other, betaSource, { interactive: true });
    expect(aws.registerClient).toHaveBeenCalledTimes(2);
  });

  it('says the code expired, or was denied, in one sentence', async () => {
    aws.createToken.mockRejectedValueOnce(named('ExpiredTokenException'));
    expect(await failure(ssoRoleCredentials(config, source, { interactive: true }))).toMatchObject({ code: 'sso-expired' });
    aws.createToken.mockRejectedValueOnce(named('AccessDeniedException'));
    expect(await failure(ssoRoleCredentials(config, source, { interactive: true }))).toMatchObject({
      code: 'sso-denied', message: 'The sign-in was denied on the AWS page. Sign in again and choose Allow.',
    });
  });

  it('stops when the person cancels, or closes the AWS page', async () => {
    aws.createToken.mockImplementation(async () => {
      await ssoHandlers['sso.cancel']({});
      throw named('AuthorizationPendingException');
    });
    expect(await failure(ssoRoleCredentials(config, source, { interactive: true }))).toMatchObject({ code: 'sso-cancelled' });

    aws.createToken.mockImplementation(async () => {
      await fakeBrowser.tabs.remove(fakeBrowser.tabs.opened.at(-1)?.id ?? 0);
      throw named('AuthorizationPendingException');
    });
    const closed = await failure(ssoRoleCredentials(config, source, { interactive: true }));
    expect(closed).toMatchObject({ code: 'sso-cancelled' });
    expect(closed !== 'resolved' && closed.message).toContain('closed before the code was approved');
  });

  it('opens no page that is not on an AWS host', async () => {
    aws.startDeviceAuthorization.mockResolvedValueOnce(device({ verificationUriComplete: 'https://evil.example/?user_code=ABCD-EFGH' }));
    expect(await failure(ssoRoleCredentials(config, source, { interactive: true }))).toMatchObject({ code: 'sso-error' });
    expect(fakeBrowser.tabs.opened).toEqual([]);
  });

  it('is shared by two clicks at once: one page, one approval', async () => {
    aws.createToken.mockRejectedValueOnce(named('AuthorizationPendingException')).mockResolvedValueOnce(token('access-1'));
    await Promise.all([ssoRoleCredentials(config, source, { interactive: true }), ssoRoleCredentials(config, source, { interactive: true })]);
    expect(aws.startDeviceAuthorization).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.tabs.opened).toHaveLength(1);
  });
});

describe('tokens over time', () => {
  it('an automatic renewal without a token asks nothing and opens nothing', async () => {
    expect(await failure(ssoRoleCredentials(config, source, { interactive: false }))).toMatchObject({ code: 'sso-login-required' });
    expect(aws.startDeviceAuthorization).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.opened).toEqual([]);
  });

  it('refreshes a token with less than 15 minutes left, without a prompt', async () => {
    aws.createToken.mockResolvedValueOnce(token('access-1', 10)).mockResolvedValueOnce(token('access-2'));
    await ssoRoleCredentials(config, source, { interactive: true });
    await ssoRoleCredentials(config, source, { interactive: false });
    expect(aws.createToken).toHaveBeenLastCalledWith('eu-west-1', expect.anything(), { grantType: 'refresh_token', refreshToken: 'refresh-of-access-1' }, expect.anything());
    expect(aws.getRoleCredentials).toHaveBeenLastCalledWith('eu-west-1', 'access-2', '222222222222', 'AdministratorAccess', expect.anything());
    expect(aws.startDeviceAuthorization).toHaveBeenCalledTimes(1);
  });

  it('a revoked refresh token leads to a new approval, not an error', async () => {
    aws.createToken
      .mockResolvedValueOnce(token('access-1', 10))
      .mockRejectedValueOnce(named('InvalidGrantException'))
      .mockResolvedValueOnce(token('access-3'));
    await ssoRoleCredentials(config, source, { interactive: true });
    await ssoRoleCredentials(config, source, { interactive: true });
    expect(aws.startDeviceAuthorization).toHaveBeenCalledTimes(2);
    expect(aws.getRoleCredentials).toHaveBeenLastCalledWith('eu-west-1', 'access-3', '222222222222', 'AdministratorAccess', expect.anything());
  });

  it('a token the portal refuses is refreshed first, then the role credentials asked again', async () => {
    aws.createToken.mockResolvedValueOnce(token('access-1')).mockResolvedValueOnce(token('access-2'));
    await ssoRoleCredentials(config, source, { interactive: true });
    aws.getRoleCredentials.mockRejectedValueOnce(named('UnauthorizedException'));
    expect(await ssoRoleCredentials(config, source, { interactive: false })).toEqual(ROLE);
    expect(aws.createToken).toHaveBeenLastCalledWith('eu-west-1', expect.anything(), { grantType: 'refresh_token', refreshToken: 'refresh-of-access-1' }, expect.anything());
  });

  it('no access to the permission set says which account and role', async () => {
    aws.createToken.mockResolvedValueOnce(token('access-1'));
    aws.getRoleCredentials.mockRejectedValueOnce(named('ForbiddenException'));
    const refused = await failure(ssoRoleCredentials(config, source, { interactive: true }));
    expect(refused).toMatchObject({ code: 'sso-error' });
    expect(refused !== 'resolved' && refused.message).toContain('no access to AdministratorAccess in account 222222222222');
  });
});
