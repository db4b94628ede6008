/**
 * The sign-in engine (sign-in.ts and assume-chain.ts) with AWS stubbed: what each hop's AssumeRole is asked (session
 * name, duration), the notes, and where the console goes. The sandbox e2e tests run the same flow against the wire.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type ConfigModel } from '../../../src/core/config';
import type { RootCredentials } from '../../../src/background/sign-in/assume-chain';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({
  assumeRole: vi.fn(), getSigninToken: vi.fn(), rootCredentials: vi.fn(), loadConfig: vi.fn(), openLogin: vi.fn(), getCallerIdentity: vi.fn(),
  prepareLogin: vi.fn(),
}));
vi.mock('../../../src/background/aws/sts', () => ({ assumeRole: stub.assumeRole }));
vi.mock('../../../src/background/aws/sts-identity', async (actual) => ({
  ...(await actual<object>()), getCallerIdentity: stub.getCallerIdentity,
}));
vi.mock('../../../src/background/sign-in/federation', () => ({ getSigninToken: stub.getSigninToken }));
vi.mock('../../../src/background/sources/root-credentials', () => ({ rootCredentials: stub.rootCredentials }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));
vi.mock('../../../src/background/sign-in/login-launch', () => ({ openLogin: stub.openLogin, prepareLogin: stub.prepareLogin }));

const { signIn } = await import('../../../src/background/sign-in/sign-in');

const KEYS = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' };
const role = (name: string, source: string, ...extra: string[]) =>
  [`[profile ${name}]`, `role_arn = arn:aws:iam::222222222222:role/${name}`, `source_profile = ${source}`, ...extra].join('\n');
const CONFIG = parseConfig([
  '[alice]',
  role('dev', 'alice'),
  role('named', 'alice', 'role_session_name = ops-bot'),
  role('deploy', 'dev'),
  role('far', 'dev', 'region = europe'),
].join('\n'));

function rootWith(fields: Partial<RootCredentials> = {}) {
  return { root: { credentials: KEYS, temporary: false, source: 'alice', ...fields }, mfaFor: () => undefined, failed: (e: unknown) => Promise.resolve(e) };
}

function sessionNames(): string[] {
  return stub.assumeRole.mock.calls.map((call) => (call[2] as { roleSessionName: string }).roleSessionName);
}

beforeEach(() => {
  resetFakeBrowser();
  stub.loadConfig.mockReset().mockResolvedValue(CONFIG satisfies ConfigModel);
  stub.rootCredentials.mockReset().mockResolvedValue(rootWith());
  stub.assumeRole.mockReset().mockImplementation((_region: string, _credentials: unknown, input: { roleArn: string; durationSeconds: number }) => Promise.resolve({
    credentials: { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't' },
    assumedRoleArn: input.roleArn.replace(':iam:', ':sts:').replace(':role/', ':assumed-role/') + '/x',
    expiresAt: Date.now() + input.durationSeconds * 1000,
  }));
  stub.getSigninToken.mockReset().mockResolvedValue({ token: 'token', durationAccepted: true });
  stub.openLogin.mockReset().mockResolvedValue(7);
  stub.prepareLogin.mockReset().mockResolvedValue(undefined);
});

describe('the session name', () => {
  it('is the caller\u2019s own name when the profile sets none, on every hop', async () => {
    const callerName = vi.fn(() => Promise.resolve('alice'));
    stub.rootCredentials.mockResolvedValue(rootWith({ callerName }));
    await signIn({ profile: 'deploy' });
    expect(sessionNames()).toEqual(['alice', 'alice']);
    expect(callerName).toHaveBeenCalledTimes(1);
  });

  it('is the profile\u2019s role_session_name when it sets one, and the caller is not even asked', async () => {
    const callerName = vi.fn(() => Promise.resolve('alice'));
    stub.rootCredentials.mockResolvedValue(rootWith({ callerName }));
    await signIn({ profile: 'named' });
    expect(sessionNames()).toEqual(['ops-bot']);
    expect(callerName).not.toHaveBeenCalled();
  });

  it('is role-switcher when the caller is unknown (keys saved before they were checked, the root user)', async () => {
    stub.rootCredentials.mockResolvedValue(rootWith({ callerName: () => Promise.resolve(undefined) }));
    await signIn({ profile: 'dev' });
    stub.rootCredentials.mockResolvedValue(rootWith());
    await signIn({ profile: 'dev' });
    expect(sessionNames()).toEqual(['role-switcher', 'role-switcher']);
  });
});

describe('durations', () => {
  it('caps a chained hop at 1 hour even with an 8-hour default, and says so', async () => {
    await fakeBrowser.storage.sync.set({ 'settings.signIn': { defaultDurationSeconds: 8 * 3600, openIn: 'new-tab', keepPage: false } });
    const result = await signIn({ profile: 'deploy' });
    const asked = stub.assumeRole.mock.calls.map((call) => (call[2] as { durationSeconds: number }).durationSeconds);
    // The first hop is assumed with long-term keys (8 hours allowed); the second with its temporary credentials.
    expect(asked).toEqual([8 * 3600, 3600]);
    expect(result.durationSeconds).toBe(3600);
    expect(result.notes).toEqual(['AWS caps roles assumed through role chaining at 1 h, so this session lasts 1 h.']);
    // Only a role assumed straight from long-term keys may ask the federation for a console session length.
    expect(stub.getSigninToken.mock.calls[0]?.[3]).toBeUndefined();
  });

  it('asks the federation for the role\u2019s length when the role comes straight from long-term keys', async () => {
    await fakeBrowser.storage.sync.set({ 'settings.signIn': { defaultDurationSeconds: 8 * 3600, openIn: 'new-tab', keepPage: false } });
    const result = await signIn({ profile: 'dev' });
    expect(stub.getSigninToken.mock.calls[0]?.[3]).toBe(8 * 3600);
    expect(result.notes).toEqual([]);
  });
});

describe('an Identity Center root (temporary role credentials)', () => {
  const SSO_CONFIG = parseConfig([
    '[sso-session acme]', 'sso_start_url = https://acme.awsapps.com/start', 'sso_region = eu-west-1',
    '[profile acme-dev]', 'sso_session = acme', 'sso_account_id = 222222222222', 'sso_role_name = AdministratorAccess',
    role('on-top', 'acme-dev'),
  ].join('\n'));
  const ROLE_CREDENTIALS = { accessKeyId: 'ASIAROLE', secretAccessKey: 'role-secret', sessionToken: 'role-token' };

  beforeEach(async () => {
    stub.loadConfig.mockResolvedValue(SSO_CONFIG);
    stub.rootCredentials.mockResolvedValue(rootWith({ credentials: ROLE_CREDENTIALS, temporary: true, source: 'acme-dev', expiresAt: Date.now() + 3_600_000 }));
    await fakeBrowser.storage.sync.set({ 'settings.signIn': { defaultDurationSeconds: 8 * 3600, openIn: 'new-tab', keepPage: false } });
  });

  it('signs in as the permission set itself with no AssumeRole and no SessionDuration: the console lasts as the credentials do', async () => {
    const arn = 'arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane';
    stub.getCallerIdentity.mockResolvedValue({ arn, account: '222222222222', userId: 'AROA:jane' });
    const result = await signIn({ profile: 'acme-dev' });
    expect(stub.assumeRole).not.toHaveBeenCalled();
    expect(stub.getSigninToken).toHaveBeenCalledTimes(1);
    expect(stub.getSigninToken.mock.calls[0]?.[2]).toEqual(ROLE_CREDENTIALS);
    expect(stub.getSigninToken.mock.calls[0]?.[3]).toBeUndefined();
    expect(result.assumedRoleArn).toBe(arn);
  });

  it('caps a role chained on it at 1 hour, even with an 8-hour default, says so, and sends no SessionDuration', async () => {
    const result = await signIn({ profile: 'on-top' });
    expect(stub.assumeRole.mock.calls.map((call) => (call[2] as { durationSeconds: number }).durationSeconds)).toEqual([3600]);
    expect(stub.assumeRole.mock.calls[0]?.[1]).toEqual(ROLE_CREDENTIALS);
    expect(result.notes).toEqual(['AWS caps roles assumed through role chaining at 1 h, so this session lasts 1 h.']);
    expect(stub.getSigninToken.mock.calls[0]?.[3]).toBeUndefined();
  });
});

describe('keep my page', () => {
  it('keeps the console page in front in its own region when the profile\u2019s region is unknown', async () => {
    const page = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';
    fakeBrowser.tabs.query = () => Promise.resolve([{ id: 3, index: 0, url: page, active: true }] as never);
    const result = await signIn({ profile: 'far' });
    expect(result.destination).toBe(page);
  });
});

describe('a region and service chosen at the click (issue 14)', () => {
  it('opens the console there, over the profile and the page kept, and assumes the role as usual', async () => {
    const page = 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1';
    fakeBrowser.tabs.query = () => Promise.resolve([{ id: 3, index: 0, url: page, active: true }] as never);
    const result = await signIn({ profile: 'dev', region: 'eu-west-1', service: 'ec2' });
    expect(result.destination).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1');
    expect(result.region).toBe('eu-west-1');
    expect(stub.openLogin).toHaveBeenCalledOnce();
  });

  it('refuses a region of another partition before any AWS call', async () => {
    const refused: unknown = await signIn({ profile: 'dev', region: 'cn-north-1' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'bad-request' });
    expect((refused as Error).message).toMatch(/not a region/);
    expect(stub.rootCredentials).not.toHaveBeenCalled();
    expect(stub.assumeRole).not.toHaveBeenCalled();
  });
});

describe('a role written with an account alias (AESR)', () => {
  const ALIASED = parseConfig([
    '[alice]',
    '[profile single]', 'aws_account_id = account-3-alias', 'role_name = SomeOtherRole',
    '[profile base]', 'aws_account_id = acme-base', 'role_name = Entry', 'source_profile = alice',
    role('beyond', 'base'),
  ].join('\n'));

  async function refusal(profile: string) {
    stub.loadConfig.mockResolvedValue(ALIASED satisfies ConfigModel);
    const error: unknown = await signIn({ profile }).then(() => undefined, (e: unknown) => e);
    // Refused before anything: no vault, no MFA, no Identity Center, no STS.
    expect(stub.rootCredentials).not.toHaveBeenCalled();
    expect(stub.assumeRole).not.toHaveBeenCalled();
    expect(stub.getSigninToken).not.toHaveBeenCalled();
    return error as { code: string; message: string; fix?: string; subject?: string };
  }

  it('is refused before any AWS call with keys, the fix on that profile: AssumeRole needs the id, a console tab can switch', async () => {
    const error = await refusal('single');
    expect(error).toMatchObject({ code: 'invalid-config', fix: 'profile', subject: 'single' });
    expect(error.message).toBe(
      'single names its account by the alias account-3-alias, and signing in with keys or Identity Center (AssumeRole) needs the 12-digit account id: ' +
      'write it in aws_account_id of single, or switch to single from an AWS console tab.');
  });

  it('as a hop of a chain too: the fix is on the hop that names the alias', async () => {
    const error = await refusal('beyond');
    expect(error).toMatchObject({ code: 'invalid-config', fix: 'profile', subject: 'base' });
    expect(error.message).toContain('base, a role in the chain of beyond, names its account by the alias acme-base');
    const { withFix } = await import('../../../src/background/sign-in/error-fix');
    expect(withFix(error, ALIASED, 'beyond')).toMatchObject({ fix: 'profile', subject: 'base' });
  });
});

describe('the console\u2019s tab opened ahead', () => {
  function prepared() {
    const login = { tabId: 9, front: vi.fn(), deliver: vi.fn(() => Promise.resolve(9)), abandon: vi.fn(() => Promise.resolve()) };
    stub.prepareLogin.mockResolvedValue(login);
    return login;
  }

  it('comes to the front once the role is assumed, while the sign-in token is asked, not after', async () => {
    const login = prepared();
    stub.getSigninToken.mockImplementation(async () => {
      expect(login.front).not.toHaveBeenCalled();
      // AWS answers while the tab is already in front.
      await vi.waitFor(() => expect(login.front).toHaveBeenCalledTimes(1));
      return { token: 'token', durationAccepted: true };
    });
    const result = await signIn({ profile: 'deploy' });
    expect(result.tabId).toBe(9);
    expect(login.deliver).toHaveBeenCalledTimes(1);
    expect(login.abandon).not.toHaveBeenCalled();
  });

  it('has its form before the popup is told the console is opening (they share the extension\u2019s renderer)', async () => {
    const login = prepared();
    const order: string[] = [];
    login.deliver.mockImplementation(() => {
      order.push('form handed over');
      // The page's answer leaves a few promise turns later (takeLogin, the router, the reply).
      void Promise.resolve().then(() => undefined).then(() => undefined).then(() => order.push('page answered'));
      return Promise.resolve(9);
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((...args: unknown[]) => {
      const { payload } = args[0] as { payload?: { step?: string; requestId?: string } };
      if (payload?.step !== undefined && payload.requestId === 'ordered') order.push(payload.step);
      return Promise.resolve(undefined);
    });
    await signIn({ profile: 'dev', requestId: 'ordered' });
    await vi.waitFor(() => expect(order).toContain('opening-console'));
    expect(order).toEqual(['assuming-role', 'getting-token', 'form handed over', 'page answered', 'opening-console']);
  });

  it('is given up with the error that ended the sign-in: a refused role never brings it to the front', async () => {
    const login = prepared();
    stub.assumeRole.mockRejectedValue(new Error('AccessDenied'));
    const failure = await signIn({ profile: 'dev' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'sts-error' });
    expect(login.front).not.toHaveBeenCalled();
    expect(login.abandon).toHaveBeenCalledWith(failure);
  });

  it('is told why when the sign-in token is refused after it came to the front', async () => {
    const login = prepared();
    const refused = new Error('The AWS sign-in endpoint refused the session (HTTP 503).');
    stub.getSigninToken.mockImplementation(async () => {
      await vi.waitFor(() => expect(login.front).toHaveBeenCalled());
      throw refused;
    });
    await expect(signIn({ profile: 'dev' })).rejects.toBe(refused);
    expect(login.abandon).toHaveBeenCalledWith(refused);
    expect(login.deliver).not.toHaveBeenCalled();
  });
});
