/**
 * The worker's Identity Center clients (aws/sso-oidc.ts, aws/sso-portal.ts) read AWS's answers in AWS's units:
 * StartDeviceAuthorization's `interval` (5 seconds when AWS gives none, RFC 8628 §3.2), RegisterClient's
 * `clientSecretExpiresAt` (epoch seconds, kept in ms so the registration is reused until then), GetRoleCredentials'
 * `expiration` (already epoch milliseconds: not multiplied again), and SDK retries that fit a call's deadline.
 * The SDK's client classes are replaced by recorders; its commands are the real ones.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sdk = vi.hoisted(() => ({ answers: new Map<string, unknown>(), sent: [] as { command: string; input: unknown }[], configs: [] as Record<string, unknown>[] }));

function recordingClient() {
  return class {
    constructor(readonly config: Record<string, unknown>) {
      sdk.configs.push(config);
    }

    send(command: { constructor: { name: string }; input: unknown }): Promise<unknown> {
      sdk.sent.push({ command: command.constructor.name, input: command.input });
      return Promise.resolve(sdk.answers.get(command.constructor.name));
    }

    destroy(): void {}
  };
}

vi.mock('@aws-sdk/client-sso-oidc', async (actual) => ({ ...(await actual<object>()), SSOOIDCClient: recordingClient() }));
vi.mock('@aws-sdk/client-sso', async (actual) => ({ ...(await actual<object>()), SSOClient: recordingClient() }));

const { registerClient, startDeviceAuthorization } = await import('../../../src/background/aws/sso-oidc');
const { discoveryClient, getRoleCredentials } = await import('../../../src/background/aws/sso-portal');

const SIGNAL = new AbortController().signal;
const REGISTRATION = { clientId: 'client-1', clientSecret: 'client-secret-1', expiresAt: 0 };
const DEVICE = { deviceCode: 'device-code-1', userCode: 'ABCD-EFGH', verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/', expiresIn: 600 };

beforeEach(() => {
  sdk.answers.clear();
  sdk.sent.length = 0;
  sdk.configs.length = 0;
});

describe('the OIDC client', () => {
  it('polls every 5 seconds when StartDeviceAuthorization gives no interval, else at the interval given', async () => {
    sdk.answers.set('StartDeviceAuthorizationCommand', DEVICE);
    expect((await startDeviceAuthorization('eu-west-1', REGISTRATION, 'https://acme.awsapps.com/start', SIGNAL)).interval).toBe(5);
    sdk.answers.set('StartDeviceAuthorizationCommand', { ...DEVICE, interval: 0 });
    expect((await startDeviceAuthorization('eu-west-1', REGISTRATION, 'https://acme.awsapps.com/start', SIGNAL)).interval).toBe(5);
    sdk.answers.set('StartDeviceAuthorizationCommand', { ...DEVICE, interval: 2 });
    expect((await startDeviceAuthorization('eu-west-1', REGISTRATION, 'https://acme.awsapps.com/start', SIGNAL)).interval).toBe(2);
    expect(sdk.sent.at(-1)).toEqual({
      command: 'StartDeviceAuthorizationCommand',
      input: { clientId: 'client-1', clientSecret: 'client-secret-1', startUrl: 'https://acme.awsapps.com/start' },
    });
  });

  it('keeps a registration until clientSecretExpiresAt, which AWS gives in epoch seconds', async () => {
    const expiresSeconds = 1_900_000_000;
    sdk.answers.set('RegisterClientCommand', { clientId: 'client-1', clientSecret: 'client-secret-1', clientSecretExpiresAt: expiresSeconds });
    const made = await registerClient('eu-west-1', { clientName: 'Role Switcher for AWS', scopes: ['sso:account:access'] }, SIGNAL);
    expect(made).toEqual({ clientId: 'client-1', clientSecret: 'client-secret-1', expiresAt: expiresSeconds * 1000 });
    expect(sdk.sent[0]).toEqual({
      command: 'RegisterClientCommand', input: { clientType: 'public', clientName: 'Role Switcher for AWS', scopes: ['sso:account:access'] },
    });
  });
});

describe('the portal client', () => {
  it("takes GetRoleCredentials' expiration as epoch milliseconds", async () => {
    const expiration = Date.UTC(2026, 11, 2, 3, 0, 0);
    sdk.answers.set('GetRoleCredentialsCommand', {
      roleCredentials: { accessKeyId: 'ASIAROLE', secretAccessKey: 'role-secret', sessionToken: 'role-token', expiration },
    });
    const role = await getRoleCredentials('eu-west-1', 'access-1', '222222222222', 'AdministratorAccess', SIGNAL);
    expect(role).toEqual({ credentials: { accessKeyId: 'ASIAROLE', secretAccessKey: 'role-secret', sessionToken: 'role-token' }, expiresAt: expiration });
    expect(sdk.sent[0]?.input).toEqual({ accessToken: 'access-1', accountId: '222222222222', roleName: 'AdministratorAccess' });
  });

  it('keeps the SDK\u2019s retries within a call\u2019s 20-second deadline, for discovery too, and never caches', async () => {
    sdk.answers.set('GetRoleCredentialsCommand', { roleCredentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: 1 } });
    await getRoleCredentials('eu-west-1', 'access-1', '222222222222', 'AdministratorAccess', SIGNAL);
    discoveryClient('eu-west-1');
    // 3 attempts: the SDK's waits between them (up to ~3 s on a 429) fit the deadline; 6 ran past it under a rate
    // limit (the sandbox e2e), and discover.ts waits out longer limits between calls instead.
    expect(sdk.configs.map((config) => config.maxAttempts)).toEqual([3, 3]);
    for (const config of sdk.configs) expect(config.requestHandler).toEqual({ credentials: 'omit', cache: 'no-store' });
  });
});
