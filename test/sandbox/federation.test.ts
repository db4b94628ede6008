import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { CONSOLE_COOKIE } from './console-sessions.js';
import { credentialsFrom, sandboxFetch, stsClientFor, type SandboxFetchResponse } from './node-client.js';
import { ALICE, EXTERNAL_IDS, GOV_USER, ROLES } from './seed.js';
import { useSandbox } from './test-support.js';

const sandbox = useSandbox();
const FEDERATION = 'https://signin.aws.amazon.com/federation';
const CONSOLE = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';

type Creds = ReturnType<typeof credentialsFrom>;

async function assume(roleArn: string = ROLES.developer, credentials: Creds | typeof ALICE = ALICE, extra: Partial<AssumeRoleCommand['input']> = {}): Promise<Creds> {
  const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials });
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice', ...extra }));
  return credentialsFrom(out.Credentials);
}

function sessionParam(c: Creds): string {
  return JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken });
}

function getSigninToken(c: Creds, sessionDuration?: number, base = FEDERATION): Promise<SandboxFetchResponse> {
  const params = new URLSearchParams({ Action: 'getSigninToken', Session: sessionParam(c) });
  if (sessionDuration !== undefined) params.set('SessionDuration', String(sessionDuration));
  return sandboxFetch(sandbox.current, `${base}?${params.toString()}`);
}

function loginUrl(token: string, destination = CONSOLE, base = FEDERATION): string {
  const params = new URLSearchParams({ Action: 'login', Issuer: 'role-switcher', Destination: destination, SigninToken: token });
  return `${base}?${params.toString()}`;
}

function cookieFrom(res: SandboxFetchResponse): string {
  const first = res.headers['set-cookie']?.[0] ?? '';
  return first.split(';')[0] ?? '';
}

/** The whole browser hop: token, then login (sending the cookie the browser already holds, if any). */
async function signIn(c: Creds, sessionDuration?: number, browserCookie?: string): Promise<{ cookie: string; login: SandboxFetchResponse }> {
  const tokenRes = await getSigninToken(c, sessionDuration);
  expect(tokenRes.status).toBe(200);
  const { SigninToken } = JSON.parse(tokenRes.body) as { SigninToken: string };
  const login = await sandboxFetch(sandbox.current, loginUrl(SigninToken), {
    ...(browserCookie ? { headers: { cookie: browserCookie } } : {}),
  });
  return { cookie: cookieFrom(login), login };
}

describe('getSigninToken', () => {
  it('answers JSON with a SigninToken (GET)', async () => {
    const res = await getSigninToken(await assume());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const parsed = JSON.parse(res.body) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['SigninToken']);
    expect(parsed['SigninToken']).toMatch(/^[A-Za-z0-9_-]{100,}$/);
  });

  it('accepts POST with a form body and SessionDuration for directly assumed roles', async () => {
    const body = new URLSearchParams({ Action: 'getSigninToken', SessionDuration: '43200', Session: sessionParam(await assume()) });
    const res = await sandboxFetch(sandbox.current, FEDERATION, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(res.status).toBe(200);
    const token = (JSON.parse(res.body) as { SigninToken: string }).SigninToken;
    const record = sandbox.current.state.signinTokens.get(token);
    expect(record?.sessionDuration).toBe(43200);
    expect((record?.consoleExpiresAt ?? 0) - sandbox.current.state.now()).toBeGreaterThan(43190_000);
  });

  it('SessionDuration with chained credentials -> 400 with an HTML body', async () => {
    const dev = await assume();
    const dep = await assume(ROLES.deployer, dev, { ExternalId: EXTERNAL_IDS.deployer });
    const res = await getSigninToken(dep, 3600);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html');
    // Without SessionDuration the same credentials work.
    expect((await getSigninToken(dep)).status).toBe(200);
  });

  it('SessionDuration out of range -> 400', async () => {
    expect((await getSigninToken(await assume(), 43201)).status).toBe(400);
  });

  it('GetSessionToken credentials cannot sign in to the console', async () => {
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: ALICE });
    const out = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expect((await getSigninToken(credentialsFrom(out.Credentials))).status).toBe(400);
  });

  it('a wrong session key, or credentials of another partition -> 400', async () => {
    const c = await assume();
    expect((await getSigninToken({ ...c, secretAccessKey: 'x'.repeat(40) })).status).toBe(400);
    expect((await getSigninToken(c, undefined, 'https://signin.amazonaws-us-gov.com/federation')).status).toBe(400);
    const gov = await stsClientFor(sandbox.current, { region: 'us-gov-west-1', credentials: GOV_USER }).send(
      new AssumeRoleCommand({ RoleArn: ROLES.govReader, RoleSessionName: 'gov' }),
    );
    expect((await getSigninToken(credentialsFrom(gov.Credentials), undefined, 'https://signin.amazonaws-us-gov.com/federation')).status).toBe(200);
  });
});

describe('login', () => {
  it('sets the console cookie on .aws.amazon.com and redirects to Destination', async () => {
    const { login, cookie } = await signIn(await assume());
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(CONSOLE);
    const setCookie = login.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^${CONSOLE_COOKIE}=[A-Za-z0-9_-]+;`));
    for (const attr of ['Domain=.aws.amazon.com', 'Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']) expect(setCookie).toContain(attr);
    expect(cookie).not.toBe('');
  });

  it('refuses a Destination that is not a console URL of the partition', async () => {
    const c = await assume();
    for (const destination of [
      'https://evil.example.com/',
      'http://console.aws.amazon.com/',
      'https://console.amazonaws.cn/',
      'https://signin.aws.amazon.com/',
      '/ec2/home',
    ]) {
      const token = (JSON.parse((await getSigninToken(c)).body) as { SigninToken: string }).SigninToken;
      const res = await sandboxFetch(sandbox.current, loginUrl(token, destination));
      expect(res.status, destination).toBe(400);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses an unknown or expired token', async () => {
    expect((await sandboxFetch(sandbox.current, loginUrl('nope'))).status).toBe(400);
    const c = await assume();
    const token = (JSON.parse((await getSigninToken(c)).body) as { SigninToken: string }).SigninToken;
    sandbox.current.state.clockOffsetMs = 16 * 60_000; // tokens live 15 minutes
    expect((await sandboxFetch(sandbox.current, loginUrl(token))).status).toBe(400);
  });
});

describe('console', () => {
  it('shows the signed-in role, account, region, expiry and path', async () => {
    const { cookie } = await signIn(await assume(), 7200);
    const res = await sandboxFetch(sandbox.current, 'https://eu-west-1.console.aws.amazon.com/s3/buckets?tab=x', {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>AWS Console - Developer</title>');
    const text = (id: string) => new RegExp(`data-testid="${id}">([^<]*)<`).exec(res.body)?.[1];
    expect(text('signed-in-arn')).toBe('arn:aws:sts::222222222222:assumed-role/Developer/alice');
    expect(text('signed-in-account')).toBe('222222222222');
    expect(text('console-region')).toBe('eu-west-1');
    expect(text('console-path')).toBe('/s3/buckets?tab=x');
    const expires = Date.parse(text('console-expires') ?? '');
    expect(expires - Date.now()).toBeGreaterThan(7190_000);
    const meta = /<meta name="awsc-session-data" content="([^"]*)">/.exec(res.body)?.[1] ?? '';
    const data = JSON.parse(meta.replace(/&quot;/g, '"')) as Record<string, unknown>;
    expect(data).toMatchObject({ prismModeEnabled: false, signInEndpoint: 'signin.aws.amazon.com', infrastructureRegion: 'eu-west-1' });
  });

  it('takes the region from ?region= on the bare console host', async () => {
    const { cookie } = await signIn(await assume());
    const res = await sandboxFetch(sandbox.current, 'https://console.aws.amazon.com/console/home?region=ap-northeast-1', { headers: { cookie } });
    expect(res.body).toContain('data-testid="console-region">ap-northeast-1<');
  });

  it('without a cookie shows the sign-in page', async () => {
    const res = await sandboxFetch(sandbox.current, CONSOLE);
    expect(res.status).toBe(200);
    expect(res.body).toContain('data-testid="signed-out"');
  });

  it('a new login replaces the session in single-session mode', async () => {
    const first = await signIn(await assume());
    const second = await signIn(await assume(ROLES.readOnly), undefined, first.cookie);
    const oldPage = await sandboxFetch(sandbox.current, CONSOLE, { headers: { cookie: first.cookie } });
    expect(oldPage.body).toContain('data-testid="signed-out"');
    const newPage = await sandboxFetch(sandbox.current, CONSOLE, { headers: { cookie: second.cookie } });
    expect(newPage.body).toContain('assumed-role/ReadOnly/alice');
  });

  it('an expired console session shows "Your session has expired"', async () => {
    const { cookie } = await signIn(await assume(), 900);
    sandbox.current.state.clockOffsetMs = 901_000;
    const res = await sandboxFetch(sandbox.current, CONSOLE, { headers: { cookie } });
    expect(res.body).toContain('Your session has expired');
  });

  it('logout clears the session and the cookie', async () => {
    const { cookie } = await signIn(await assume());
    const out = await sandboxFetch(sandbox.current, 'https://us-east-1.console.aws.amazon.com/oauth?Action=logout', { headers: { cookie } });
    expect(out.headers['set-cookie']?.[0]).toContain('Max-Age=0');
    const res = await sandboxFetch(sandbox.current, CONSOLE, { headers: { cookie } });
    expect(res.body).toContain('data-testid="signed-out"');
  });

  it('the request log names hosts and never holds secrets', async () => {
    const c = await assume();
    const { cookie } = await signIn(c, 3600);
    await sandboxFetch(sandbox.current, CONSOLE, { headers: { cookie } });
    const log = JSON.stringify(sandbox.current.state.requests);
    for (const secret of [c.secretAccessKey, c.sessionToken, ALICE.secretAccessKey, cookie.split('=')[1] ?? 'x']) {
      expect(log).not.toContain(secret);
    }
    const hosts = sandbox.current.state.requests.slice(-4).map((r) => `${r.host} ${r.action ?? ''}`);
    expect(hosts).toEqual([
      'sts.us-east-1.amazonaws.com AssumeRole',
      'signin.aws.amazon.com getSigninToken',
      'signin.aws.amazon.com login',
      'us-east-1.console.aws.amazon.com ',
    ]);
  });
});
