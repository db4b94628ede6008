import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateDnsNames } from './cert.js';
import { classifyHost } from './hosts.js';
import { sandboxFetch, ssoClientFor, ssoOidcClientFor, stsClientFor } from './node-client.js';
import { ROLES } from './seed.js';
import { approveDevice, denyDevice } from './sso-approval.js';
import { oidcHost, portalHost } from './sso-hosts.js';
import { ACME, ACME_GOV, BIG, bigAccountName, SSO_CHAIN_ROLES, SSO_EXTERNAL_IDS } from './sso-seed.js';
import { DEVICE_GRANT, expireAccessTokens, revokeRefreshTokens } from './sso-state.js';
import { CookieJar, expectStsError, testIdText, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const oidc = (region: string = ACME.region): SSOOIDCClient => ssoOidcClientFor(sandbox.current, { region });
const portal = (region: string = ACME.region, maxAttempts?: number): SSOClient =>
  ssoClientFor(sandbox.current, { region, ...(maxAttempts !== undefined ? { maxAttempts } : {}) });

interface Client {
  clientId: string;
  clientSecret: string;
}

async function register(region: string = ACME.region, extra: Partial<RegisterClientCommand['input']> = { scopes: ['sso:account:access'] }): Promise<Client> {
  const out = await oidc(region).send(new RegisterClientCommand({ clientName: 'role-switcher', clientType: 'public', ...extra }));
  return { clientId: out.clientId ?? '', clientSecret: out.clientSecret ?? '' };
}

async function start(client: Client, startUrl: string = ACME.startUrl, region: string = ACME.region) {
  return oidc(region).send(new StartDeviceAuthorizationCommand({ ...client, startUrl }));
}

function poll(client: Client, deviceCode: string, region: string = ACME.region) {
  return oidc(region).send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode }));
}

/** Lets the device interval pass on the sandbox clock, so the next poll is on time. */
function waitInterval(seconds = 1): void {
  sandbox.current.state.clockOffsetMs += seconds * 1000 + 50;
}

/** Register, start, approve from Node as `username`, poll once: the access token. */
async function deviceLogin(startUrl: string = ACME.startUrl, region: string = ACME.region, username: string = ACME.username) {
  const client = await register(region);
  const started = await start(client, startUrl, region);
  approveDevice(sandbox.current.state, started.userCode ?? '', username);
  const token = await poll(client, started.deviceCode ?? '', region);
  return { client, token, accessToken: token.accessToken ?? '' };
}

async function roleCredentials(accessToken: string, accountId: string, roleName: string, region: string = ACME.region) {
  const out = await portal(region).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
  const rc = out.roleCredentials;
  if (!rc?.accessKeyId || !rc.secretAccessKey || !rc.sessionToken || rc.expiration === undefined) throw new Error('no role credentials');
  return { accessKeyId: rc.accessKeyId, secretAccessKey: rc.secretAccessKey, sessionToken: rc.sessionToken, expiration: rc.expiration };
}

describe('Identity Center hosts', () => {
  it('routes oidc / portal.sso / device.sso per partition, China under .amazonaws.com.cn only', () => {
    expect(classifyHost('oidc.eu-west-1.amazonaws.com')).toMatchObject({ kind: 'oidc', partition: 'aws', region: 'eu-west-1' });
    expect(classifyHost('portal.sso.us-gov-west-1.amazonaws.com')).toMatchObject({ kind: 'sso-portal', partition: 'aws-us-gov' });
    expect(classifyHost('device.sso.cn-north-1.amazonaws.com.cn')).toMatchObject({ kind: 'sso-device', partition: 'aws-cn' });
    expect(classifyHost('oidc.cn-north-1.amazonaws.com').kind).toBe('unknown');
    expect(classifyHost('oidc.eu-west-1.amazonaws.com.cn').kind).toBe('unknown');
    expect(certificateDnsNames()).toEqual(expect.arrayContaining(['*.sso.eu-west-1.amazonaws.com', '*.sso.cn-north-1.amazonaws.com.cn', '*.eu-west-1.amazonaws.com']));
  });

  it('sso-hosts.ts builds the hosts the SDK endpoint rules choose, and the sandbox answers there', async () => {
    for (const region of ['eu-west-1', 'us-gov-west-1', 'cn-north-1']) {
      const sdkOidc = new SSOOIDCClient({ region }).config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false });
      const sdkPortal = new SSOClient({ region }).config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false });
      expect(sdkOidc.url.hostname).toBe(oidcHost(region));
      expect(sdkPortal.url.hostname).toBe(portalHost(region));
    }
    const out = await ssoOidcClientFor(sandbox.current, { region: 'cn-north-1' }).send(
      new RegisterClientCommand({ clientName: 'role-switcher', clientType: 'public' }),
    );
    expect(out.clientId).toBeDefined();
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ host: 'oidc.cn-north-1.amazonaws.com.cn', service: 'oidc' });
  });
});

describe('OIDC RegisterClient', () => {
  it('answers id, secret, and epoch-second times 90 days apart; records the client', async () => {
    const before = Math.floor(Date.now() / 1000);
    const out = await oidc().send(new RegisterClientCommand({ clientName: 'role-switcher', clientType: 'public', scopes: ['sso:account:access'] }));
    expect(out.clientId).toMatch(/^[\w-]{20,}$/);
    expect(out.clientSecret?.length).toBeGreaterThan(100);
    expect(out.clientIdIssuedAt).toBeGreaterThanOrEqual(before);
    expect(out.clientIdIssuedAt).toBeLessThan(before + 5);
    expect((out.clientSecretExpiresAt ?? 0) - (out.clientIdIssuedAt ?? 0)).toBe(90 * 24 * 3600);
    const record = sandbox.current.state.sso.clients.get(out.clientId ?? '');
    expect(record).toMatchObject({ clientName: 'role-switcher', region: 'eu-west-1', scopes: ['sso:account:access'] });
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ host: 'oidc.eu-west-1.amazonaws.com', path: '/client/register', service: 'oidc', action: 'RegisterClient', status: 200 });
  });

  it('a confidential client -> InvalidClientMetadataException', async () => {
    await expectStsError(register(ACME.region, { clientType: 'confidential' }), 'InvalidClientMetadataException', 400);
  });

  it('authorization_code without redirect URIs -> InvalidRedirectUriException; non-loopback refused under loopbackRedirectsOnly', async () => {
    await expectStsError(register(ACME.region, { grantTypes: ['authorization_code'] }), 'InvalidRedirectUriException', 400);
    const ext = { grantTypes: ['authorization_code'], redirectUris: ['https://abcdefghijklmnop.chromiumapp.org/'] };
    await expect(register(ACME.region, ext)).resolves.toBeDefined();
    sandbox.current.state.sso.loopbackRedirectsOnly = true;
    await expectStsError(register(ACME.region, ext), 'InvalidRedirectUriException');
  });
});

describe('OIDC device flow', () => {
  it('StartDeviceAuthorization answers a user code and the verification page', async () => {
    const out = await start(await register());
    expect(out.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(out.verificationUri).toBe('https://device.sso.eu-west-1.amazonaws.com/');
    expect(out.verificationUriComplete).toBe(`https://device.sso.eu-west-1.amazonaws.com/?user_code=${out.userCode ?? ''}`);
    expect(out.expiresIn).toBe(600);
    expect(out.interval).toBe(1);
    expect(out.deviceCode?.length).toBeGreaterThan(40);
  });

  it('unknown start URL -> InvalidRequestException; a start URL of another region too; wrong secret -> 401 InvalidClientException', async () => {
    const client = await register();
    const e = await expectStsError(start(client, 'https://nobody.awsapps.com/start'), 'InvalidRequestException', 400);
    expect((e as Error & { error?: string }).error).toBe('invalid_request');
    await expectStsError(start(client, BIG.startUrl), 'InvalidRequestException');
    await expectStsError(start({ ...client, clientSecret: 'x' }), 'InvalidClientException', 401);
  });

  it('pending until a person allows on the HTML page, then a token (and the sign-in is remembered)', async () => {
    const client = await register();
    const started = await start(client);
    const userCode = started.userCode ?? '';
    const pending = await expectStsError(poll(client, started.deviceCode ?? ''), 'AuthorizationPendingException', 400);
    // The SDK reads OAuth's fields; `message` stays the SDK's 'UnknownError', as with real AWS.
    expect(pending).toMatchObject({ error: 'authorization_pending', error_description: 'Authorization is still pending' });

    const browser = new CookieJar();
    const pageRes = await browser.fetch(sandbox.current, started.verificationUriComplete ?? '');
    expect(pageRes.status).toBe(200);
    expect(testIdText(pageRes.body, 'user-code')).toBe(userCode);
    for (const label of ['>Username</label>', '>Password</label>', '>Allow</button>', '>Deny</button>']) expect(pageRes.body).toContain(label);
    expect(pageRes.body).not.toContain('<script');

    const wrong = await browser.fetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/', {
      form: { user_code: userCode, username: 'jane', password: 'wrong', decision: 'allow' },
    });
    expect(testIdText(wrong.body, 'sign-in-error')).toBe('Incorrect username or password.');
    const allowed = await browser.fetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/', {
      form: { user_code: userCode, username: 'jane', password: ACME.password, decision: 'allow' },
    });
    expect(testIdText(allowed.body, 'sso-result')).toBe('Request approved');

    waitInterval();
    const token = await poll(client, started.deviceCode ?? '');
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600 });
    expect(token.accessToken).toMatch(/^aoa/);
    expect(token.refreshToken).toMatch(/^aor/);
    expect(sandbox.current.state.sso.accessTokens.get(token.accessToken ?? '')).toMatchObject({ username: 'jane', directoryId: ACME.id });
    // Redeemed: the device code is spent.
    await expectStsError(poll(client, started.deviceCode ?? ''), 'InvalidGrantException');

    // A second approval in the same browser: no password asked, still Allow / Deny.
    const second = await start(client);
    const again = await browser.fetch(sandbox.current, second.verificationUriComplete ?? '');
    expect(testIdText(again.body, 'signed-in-user')).toBe('Jane Doe');
    expect(again.body).not.toContain('type="password"');
    expect(again.body).toContain('>Allow</button>');
    const ok = await browser.fetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/', { form: { user_code: second.userCode ?? '', decision: 'allow' } });
    expect(testIdText(ok.body, 'sso-result')).toBe('Request approved');
    await expect(poll(client, second.deviceCode ?? '')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('polling faster than the interval -> SlowDownException; forceSlowDown answers it N times', async () => {
    const client = await register();
    const started = await start(client);
    await expectStsError(poll(client, started.deviceCode ?? ''), 'AuthorizationPendingException');
    await expectStsError(poll(client, started.deviceCode ?? ''), 'SlowDownException', 400);
    waitInterval();
    await expectStsError(poll(client, started.deviceCode ?? ''), 'AuthorizationPendingException');

    sandbox.current.state.sso.forceSlowDown = 2;
    approveDevice(sandbox.current.state, started.userCode ?? '', 'jane');
    for (let i = 0; i < 2; i++) {
      waitInterval();
      await expectStsError(poll(client, started.deviceCode ?? ''), 'SlowDownException');
    }
    waitInterval();
    await expect(poll(client, started.deviceCode ?? '')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('Deny on the page -> "Request denied" and AccessDeniedException; denyDevice from Node likewise', async () => {
    const client = await register();
    const started = await start(client);
    const res = await sandboxFetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: started.userCode ?? '', decision: 'deny' }).toString(),
    });
    expect(testIdText(res.body, 'sso-result')).toBe('Request denied');
    await expectStsError(poll(client, started.deviceCode ?? ''), 'AccessDeniedException', 400);

    const other = await start(client);
    denyDevice(sandbox.current.state, other.userCode ?? '');
    await expectStsError(poll(client, other.deviceCode ?? ''), 'AccessDeniedException');
  });

  it('after expiresIn -> ExpiredTokenException, and the page refuses the code', async () => {
    sandbox.current.state.sso.deviceLifetimeSeconds = 60;
    const client = await register();
    const started = await start(client);
    expect(started.expiresIn).toBe(60);
    sandbox.current.state.clockOffsetMs += 61_000;
    await expectStsError(poll(client, started.deviceCode ?? ''), 'ExpiredTokenException', 400);
    const res = await sandboxFetch(sandbox.current, started.verificationUriComplete ?? '');
    expect(res.status).toBe(400);
    expect(testIdText(res.body, 'code-error')).toBe('This code has expired.');
  });

  it('a client registered without scopes or grant types gets no refresh token, and may not refresh', async () => {
    const client = await register(ACME.region, {});
    const started = await start(client);
    approveDevice(sandbox.current.state, started.userCode ?? '', 'jane');
    const token = await poll(client, started.deviceCode ?? '');
    expect(token.accessToken).toBeDefined();
    expect(token.refreshToken).toBeUndefined();
    await expectStsError(
      oidc().send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: 'aorNothing' })),
      'UnauthorizedClientException',
    );
  });
});

describe('OIDC refresh', () => {
  it('answers a new access token and a rotated refresh token; the old one, or a revoked one, -> InvalidGrantException', async () => {
    sandbox.current.state.sso.accessTokenLifetimeSeconds = 3600;
    const { client, token } = await deviceLogin();
    const refresh = (rt: string) => oidc().send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: rt }));
    const next = await refresh(token.refreshToken ?? '');
    expect(next.expiresIn).toBe(3600);
    expect(next.accessToken).not.toBe(token.accessToken);
    expect(next.refreshToken).toMatch(/^aor/);
    expect(next.refreshToken).not.toBe(token.refreshToken);
    await expectStsError(refresh(token.refreshToken ?? ''), 'InvalidGrantException', 400);
    // The new access token works at the portal.
    await expect(portal().send(new ListAccountsCommand({ accessToken: next.accessToken ?? '' }))).resolves.toBeDefined();

    revokeRefreshTokens(sandbox.current.state.sso);
    await expectStsError(refresh(next.refreshToken ?? ''), 'InvalidGrantException');
  });
});

describe('OIDC authorization code with PKCE', () => {
  const registered = 'http://127.0.0.1/oauth/callback';
  const used = 'http://127.0.0.1:54321/oauth/callback';

  async function authorize(verifier: string, redirectUri = used) {
    const client = await register(ACME.region, {
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [registered],
      issuerUrl: ACME.startUrl,
    });
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: redirectUri,
      state: 'st-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scopes: 'sso:account:access',
    });
    const res = await sandboxFetch(sandbox.current, `https://oidc.eu-west-1.amazonaws.com/authorize?${q.toString()}`);
    return { client, res };
  }

  it('authorize -> approval page -> redirect with code and state -> tokens; a wrong verifier is refused', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const { client, res } = await authorize(verifier);
    expect(res.status).toBe(302);
    const approval = res.headers.location ?? '';
    expect(approval).toMatch(/^https:\/\/device\.sso\.eu-west-1\.amazonaws\.com\/authorize\?request=/);

    const browser = new CookieJar();
    const pageRes = await browser.fetch(sandbox.current, approval);
    expect(pageRes.status).toBe(200);
    expect(pageRes.body).toContain('>Allow</button>');
    expect(testIdText(pageRes.body, 'sso-directory')).toBe('acme');
    const request = new URL(approval).searchParams.get('request') ?? '';
    const back = await browser.fetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/authorize', {
      form: { request, username: 'jane', password: ACME.password, decision: 'allow' },
    });
    expect(back.status).toBe(302);
    const redirect = new URL(back.headers.location ?? '');
    expect(`${redirect.origin}${redirect.pathname}`).toBe(used);
    expect(redirect.searchParams.get('state')).toBe('st-123');
    const code = redirect.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const exchange = (codeVerifier: string, redirectUri = used) =>
      oidc().send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri, codeVerifier }));
    await expectStsError(exchange(randomBytes(32).toString('base64url')), 'InvalidGrantException', 400);
    await expectStsError(exchange(verifier, registered), 'InvalidGrantException');
    const token = await exchange(verifier);
    expect(token).toMatchObject({ tokenType: 'Bearer' });
    expect(token.refreshToken).toMatch(/^aor/);
    await expectStsError(exchange(verifier), 'InvalidGrantException');
  });

  it('Deny redirects with error=access_denied; an unregistered redirect URI gets a 400 page, never a redirect', async () => {
    const { res } = await authorize(randomBytes(32).toString('base64url'));
    const request = new URL(res.headers.location ?? '').searchParams.get('request') ?? '';
    const back = await sandboxFetch(sandbox.current, 'https://device.sso.eu-west-1.amazonaws.com/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, decision: 'deny' }).toString(),
    });
    expect(back.status).toBe(302);
    const redirect = new URL(back.headers.location ?? '');
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('st-123');

    const { res: bad } = await authorize(randomBytes(32).toString('base64url'), 'https://evil.example/cb');
    expect(bad.status).toBe(400);
    expect(bad.headers.location).toBeUndefined();
  });
});

describe('portal: accounts and roles', () => {
  it('ListAccounts pages through 200 accounts (max_result honoured and capped at 100; default 20)', async () => {
    const { accessToken } = await deviceLogin(BIG.startUrl, BIG.region, BIG.username);
    const sso = portal(BIG.region);
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 500, ...(nextToken ? { nextToken } : {}) }));
      expect(out.accountList?.length).toBeLessThanOrEqual(100);
      names.push(...(out.accountList ?? []).map((a) => a.accountName ?? ''));
      nextToken = out.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(2);
    expect(names).toHaveLength(200);
    expect(names[0]).toBe('team-001-prod');
    expect(names[199]).toBe(bigAccountName(200));

    const first = await sso.send(new ListAccountsCommand({ accessToken }));
    expect(first.accountList).toHaveLength(20);
    expect(first.nextToken).toBeDefined();
    const small = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 7 }));
    expect(small.accountList).toHaveLength(7);
    await expectStsError(sso.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' })), 'InvalidRequestException', 400);
  });

  it('ListAccountRoles answers the permission sets in order; an unassigned account -> ResourceNotFoundException', async () => {
    const { accessToken } = await deviceLogin();
    const accounts = await portal().send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList).toEqual([
      { accountId: '222222222222', accountName: 'acme-dev', emailAddress: 'aws+dev@acme.example' },
      { accountId: '333333333333', accountName: 'acme-prod', emailAddress: 'aws+prod@acme.example' },
      { accountId: '777777777777', accountName: 'acme-sandbox', emailAddress: 'aws+sandbox@acme.example' },
    ]);
    const roles = await portal().send(new ListAccountRolesCommand({ accessToken, accountId: ACME.accounts.prod }));
    expect(roles.roleList).toEqual([
      { roleName: 'ReadOnlyAccess', accountId: '333333333333' },
      { roleName: 'AdministratorAccess', accountId: '333333333333' },
    ]);
    const paged = await portal().send(new ListAccountRolesCommand({ accessToken, accountId: ACME.accounts.dev, maxResults: 1 }));
    expect(paged.roleList).toEqual([{ roleName: 'AdministratorAccess', accountId: '222222222222' }]);
    const rest = await portal().send(new ListAccountRolesCommand({ accessToken, accountId: ACME.accounts.dev, maxResults: 1, nextToken: paged.nextToken ?? '' }));
    expect(rest.roleList).toEqual([{ roleName: 'ReadOnlyAccess', accountId: '222222222222' }]);
    expect(rest.nextToken).toBeUndefined();
    await expectStsError(portal().send(new ListAccountRolesCommand({ accessToken, accountId: '111111111111' })), 'ResourceNotFoundException', 404);
  });
});

describe('portal: role credentials', () => {
  it('answers ASIA keys expiring in epoch ms (1 h); STS knows them as the AWSReservedSSO assumed role', async () => {
    const { accessToken } = await deviceLogin();
    const before = Date.now();
    const creds = await roleCredentials(accessToken, ACME.accounts.prod, 'ReadOnlyAccess');
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds.expiration).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(creds.expiration).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);

    const sts = stsClientFor(sandbox.current, { region: 'eu-west-1', credentials: creds });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toMatch(/^arn:aws:sts::333333333333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/jane$/);
    const record = sandbox.current.state.credentials.get(creds.accessKeyId);
    expect(record?.roleArn).toMatch(/^arn:aws:iam::333333333333:role\/aws-reserved\/sso\.amazonaws\.com\/eu-west-1\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}$/);
    expect(sandbox.current.state.requests.at(-2)).toMatchObject({ service: 'sso-portal', action: 'GetRoleCredentials', accessKeyId: creds.accessKeyId });
  });

  it('the lifetime knob sets the expiry; an unassigned role -> 403 ForbiddenException "No access"', async () => {
    sandbox.current.state.sso.roleCredentialLifetimeSeconds = 900;
    const { accessToken } = await deviceLogin();
    const creds = await roleCredentials(accessToken, ACME.accounts.sandbox, 'PowerUserAccess');
    expect(creds.expiration - Date.now()).toBeLessThanOrEqual(900_000);
    expect(creds.expiration - Date.now()).toBeGreaterThan(890_000);
    const e = await expectStsError(roleCredentials(accessToken, ACME.accounts.sandbox, 'AdministratorAccess'), 'ForbiddenException', 403);
    expect(e.message).toBe('No access');
  });

  it('AssumeRole with them is role chaining: capped at 1 h; trust on the SSO role and ExternalId hold', async () => {
    const { accessToken } = await deviceLogin();
    const creds = await roleCredentials(accessToken, ACME.accounts.prod, 'ReadOnlyAccess');
    const sts = stsClientFor(sandbox.current, { region: 'eu-west-1', credentials: creds });
    await expectStsError(sts.send(new AssumeRoleCommand({ RoleArn: SSO_CHAIN_ROLES.deployer, RoleSessionName: 'jane', DurationSeconds: 7200 })), 'ValidationError');
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: SSO_CHAIN_ROLES.deployer, RoleSessionName: 'jane' }));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333333333333:assumed-role/Deployer/jane');
    expect(sandbox.current.state.credentials.get(out.Credentials?.AccessKeyId ?? '')?.chained).toBe(true);

    await expectStsError(sts.send(new AssumeRoleCommand({ RoleArn: SSO_CHAIN_ROLES.thirdPartyAudit, RoleSessionName: 'jane' })), 'AccessDenied');
    await expect(
      sts.send(new AssumeRoleCommand({ RoleArn: SSO_CHAIN_ROLES.thirdPartyAudit, RoleSessionName: 'jane', ExternalId: SSO_EXTERNAL_IDS.thirdPartyAudit })),
    ).resolves.toBeDefined();

    // Another permission set's role is not trusted.
    const admin = await roleCredentials(accessToken, ACME.accounts.prod, 'AdministratorAccess');
    const adminSts = stsClientFor(sandbox.current, { region: 'eu-west-1', credentials: admin });
    await expectStsError(adminSts.send(new AssumeRoleCommand({ RoleArn: SSO_CHAIN_ROLES.deployer, RoleSessionName: 'jane' })), 'AccessDenied');
  });

  it('getSigninToken accepts them; with SessionDuration -> the HTML 400', async () => {
    const { accessToken } = await deviceLogin();
    const creds = await roleCredentials(accessToken, ACME.accounts.dev, 'AdministratorAccess');
    const session = JSON.stringify({ sessionId: creds.accessKeyId, sessionKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
    const url = (extra: Record<string, string> = {}) =>
      `https://signin.aws.amazon.com/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: session, ...extra }).toString()}`;
    const ok = await sandboxFetch(sandbox.current, url());
    expect(ok.status).toBe(200);
    expect(sandbox.current.state.signinTokens.get((JSON.parse(ok.body) as { SigninToken: string }).SigninToken)?.assumedRoleArn).toMatch(
      /^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/,
    );
    const refused = await sandboxFetch(sandbox.current, url({ SessionDuration: '3600' }));
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
  });

  it('GovCloud: the directory in us-gov-west-1 gives aws-us-gov credentials that sts.us-gov-west-1 accepts', async () => {
    const { accessToken } = await deviceLogin(ACME_GOV.startUrl, ACME_GOV.region, ACME_GOV.username);
    const creds = await roleCredentials(accessToken, ACME_GOV.account, 'Operations', ACME_GOV.region);
    const sts = stsClientFor(sandbox.current, { region: 'us-gov-west-1', credentials: creds });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toMatch(/^arn:aws-us-gov:sts::555555555555:assumed-role\/AWSReservedSSO_Operations_[0-9a-f]{16}\/jane$/);
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: ROLES.govReader, RoleSessionName: 'jane' }))).resolves.toBeDefined();
    // Not valid in the aws partition.
    const commercial = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: creds });
    await expectStsError(commercial.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
  });
});

describe('portal: tokens and limits', () => {
  it('over the rate limit -> 429 TooManyRequestsException; other tokens unaffected', async () => {
    const { accessToken } = await deviceLogin();
    sandbox.current.state.sso.portalRateLimit = { perSecond: 0.001, burst: 3 };
    const sso = portal(ACME.region, 1);
    for (let i = 0; i < 3; i++) await sso.send(new ListAccountsCommand({ accessToken }));
    await expectStsError(sso.send(new ListAccountsCommand({ accessToken })), 'TooManyRequestsException', 429);
    const other = await deviceLogin();
    await expect(sso.send(new ListAccountsCommand({ accessToken: other.accessToken }))).resolves.toBeDefined();
  });

  it('an expired, logged-out, unknown or other-region token -> 401 UnauthorizedException', async () => {
    const sso = portal();
    const a = await deviceLogin();
    expireAccessTokens(sandbox.current.state.sso, sandbox.current.state.now());
    await expectStsError(sso.send(new ListAccountsCommand({ accessToken: a.accessToken })), 'UnauthorizedException', 401);

    const b = await deviceLogin();
    await sso.send(new LogoutCommand({ accessToken: b.accessToken }));
    await expectStsError(sso.send(new ListAccountsCommand({ accessToken: b.accessToken })), 'UnauthorizedException');

    await expectStsError(sso.send(new ListAccountsCommand({ accessToken: 'aoaNotAToken' })), 'UnauthorizedException');
    const c = await deviceLogin();
    await expectStsError(portal('us-east-1').send(new ListAccountsCommand({ accessToken: c.accessToken })), 'UnauthorizedException');
  });

  it('the request log names operations but holds no token, code or password', async () => {
    const { token, client } = await deviceLogin();
    const log = JSON.stringify(sandbox.current.state.requests);
    for (const secret of [token.accessToken, token.refreshToken, client.clientSecret, ACME.password]) expect(log).not.toContain(secret);
    expect(sandbox.current.state.requests.filter((r) => r.service === 'oidc').map((r) => r.action)).toContain('CreateToken:urn:ietf:params:oauth:grant-type:device_code');
  });
});
