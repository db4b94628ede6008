/**
 * The console's own sign-in and switch-role (issue 13): the IAM-user sign-in page, what a console page offers a
 * switch (session data, AccountInfo, anti-forgery token), the classic `/switchrole` form and the multi-session JSON
 * `/sessions/<id>/v1/switchrole`, and an Identity Center session as the base. A `CookieJar` plays one browser.
 */
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { beforeEach, describe, expect, it } from 'vitest';
import { identityCenterConsoleLoginUrl } from './console-helpers.js';
import { CONSOLE_COOKIE, MULTI_SESSION_COOKIE } from './console-sessions.js';
import { MFA_REQUIRED_MESSAGE, SIGNIN_FAILED_MESSAGE } from './iam-signin.js';
import { totp } from './mfa.js';
import { sandboxFetch, ssoClientFor, ssoOidcClientFor, type SandboxFetchResponse } from './node-client.js';
import { ALICE, CAROL, ROLES } from './seed.js';
import { approveDevice } from './sso-approval.js';
import { ACME, ACME_PROD_READONLY_ROLE, SSO_CHAIN_ROLES } from './sso-seed.js';
import type { ConsoleSession } from './state.js';
import { SWITCH_REFUSED_MESSAGE } from './switch-role.js';
import { awscSessionData, consoleAccountInfo, consoleCsrf, CookieJar, testIdText, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const SIGNIN = 'https://signin.aws.amazon.com';
const HOME = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
const EC2 = 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:';
const SUBDOMAIN_URL = /^https:\/\/(\d{12})-([a-z0-9]{8})\.([a-z0-9-]+)\.console\.aws\.amazon\.com(\/[^#]*)/;

beforeEach(() => {
  sandbox.current.state.multiSessionDefault = false;
  sandbox.current.state.consoleSessionLimit = 5;
});

interface IamSignIn {
  account?: string;
  username?: string;
  password?: string;
  mfaCode?: string;
  redirect?: string;
  host?: string;
}

async function iamSignIn(jar: CookieJar, s: IamSignIn = {}): Promise<SandboxFetchResponse> {
  const form: Record<string, string> = {
    account: s.account ?? '111111111111',
    username: s.username ?? CAROL.name,
    password: s.password ?? CAROL.password,
    redirect_uri: s.redirect ?? HOME,
  };
  if (s.mfaCode !== undefined) form['mfaCode'] = s.mfaCode;
  return jar.fetch(sandbox.current, `${s.host ?? SIGNIN}/signin`, { form });
}

function alice(extra: IamSignIn = {}): IamSignIn {
  return { username: 'alice', password: ALICE.password, mfaCode: totp(ALICE.totpSecret), ...extra };
}

function sessions(): ConsoleSession[] {
  return [...sandbox.current.state.consoleSessions.values()];
}

function newest(): ConsoleSession {
  const s = sessions().at(-1);
  if (!s) throw new Error('no session');
  return s;
}

/** Signs in (expects the 302) and returns the console page it leads to. */
async function signedInPage(jar: CookieJar, s: IamSignIn = {}): Promise<{ url: string; body: string }> {
  const res = await iamSignIn(jar, s);
  expect(res.status, res.body).toBe(302);
  const url = String(res.headers.location);
  const page = await jar.fetch(sandbox.current, url);
  expect(page.status).toBe(200);
  return { url, body: page.body };
}

interface ClassicSwitch {
  csrf: string;
  account: string;
  roleName: string;
  redirect?: string;
  color?: string;
  displayName?: string;
  host?: string;
}

/** The form AWS Extend Switch Roles posts: `redirect_uri` is `encodeURIComponent(url)` inside the form. */
function classicSwitch(jar: CookieJar, s: ClassicSwitch): Promise<SandboxFetchResponse> {
  return jar.fetch(sandbox.current, `${s.host ?? SIGNIN}/switchrole`, {
    form: {
      mfaNeeded: '0',
      action: 'switchFromBasis',
      src: 'nav',
      csrf: s.csrf,
      roleName: s.roleName,
      account: s.account,
      color: s.color ?? '99ccff',
      redirect_uri: encodeURIComponent(s.redirect ?? EC2),
      displayName: s.displayName ?? `${s.roleName}  |  ${s.account}`,
    },
  });
}

interface MultiSwitch {
  differentiator: string;
  account: string;
  roleName: string;
  redirectUri?: string;
  csrfHeader?: boolean;
  origin?: string;
}

function multiSwitch(jar: CookieJar, s: MultiSwitch): Promise<SandboxFetchResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: s.origin ?? 'https://us-east-1.console.aws.amazon.com' };
  if (s.csrfHeader !== false) headers['x-csrf-protection'] = '1';
  if (jar.cookies.size > 0) headers['cookie'] = jar.header();
  const body = JSON.stringify({
    account: s.account,
    color: 'ffaa00',
    displayName: `${s.roleName} @ ${s.account}`,
    redirectUri: s.redirectUri ?? EC2,
    roleName: s.roleName,
  });
  return sandboxFetch(sandbox.current, `${SIGNIN}/sessions/${s.differentiator}/v1/switchrole`, { method: 'POST', headers, body }).then((res) =>
    jar.take(res),
  );
}

describe('IAM-user sign-in page', () => {
  it('shows the form on the global, regional and account sign-in hosts', async () => {
    for (const url of [`${SIGNIN}/signin`, 'https://eu-west-1.signin.aws.amazon.com/signin', 'https://demo-identity.signin.aws.amazon.com/console']) {
      const res = await sandboxFetch(sandbox.current, url);
      expect(res.status, url).toBe(200);
      expect(res.body).toContain('data-testid="iam-signin"');
      expect(res.body).toMatch(/name="password" type="password"/);
    }
    const own = await sandboxFetch(sandbox.current, 'https://demo-identity.signin.aws.amazon.com/console');
    expect(own.body).toContain('name="account" value="demo-identity"');
  });

  it('alice needs her MFA code: without it mfa-required, with a wrong one refused, with the right one signed in', async () => {
    const jar = new CookieJar();
    const before = sessions().length;
    const noCode = await iamSignIn(jar, alice({ mfaCode: '' }));
    expect(noCode.status).toBe(200);
    expect(testIdText(noCode.body, 'mfa-required')).toBe(MFA_REQUIRED_MESSAGE);
    const wrong = await iamSignIn(jar, alice({ mfaCode: totp(ALICE.totpSecret) === '000000' ? '111111' : '000000' }));
    expect(testIdText(wrong.body, 'signin-error')).toBe(SIGNIN_FAILED_MESSAGE);
    const badPassword = await iamSignIn(jar, alice({ password: 'nope' }));
    expect(testIdText(badPassword.body, 'signin-error')).toBe(SIGNIN_FAILED_MESSAGE);
    expect(sessions().length).toBe(before);
    expect(jar.cookies.has(CONSOLE_COOKIE)).toBe(false);

    const { url, body } = await signedInPage(jar, alice());
    expect(url).toBe(HOME);
    expect(jar.cookies.has(CONSOLE_COOKIE)).toBe(true);
    expect(testIdText(body, 'signed-in-arn')).toBe(ALICE.arn);
    expect(testIdText(body, 'signed-in-role')).toBe('alice');
    expect(testIdText(body, 'signed-in-account')).toBe('111111111111');
    const session = newest();
    expect(session).toMatchObject({ principalKind: 'user', mfa: true, account: '111111111111', assumedRoleArn: ALICE.arn });
    expect((session.expiresAt - sandbox.current.state.now()) / 3_600_000).toBeCloseTo(12, 1);
    // What a switch reads from the page.
    expect(awscSessionData(body)).toEqual({
      prismModeEnabled: false,
      sessionDifferentiator: session.differentiator,
      signInEndpoint: 'signin.aws.amazon.com',
      infrastructureRegion: 'us-east-1',
    });
    expect(consoleAccountInfo(body)).toEqual({ loginDisplayNameAccount: '1111-1111-1111', loginDisplayNameUser: 'alice' });
    expect(consoleCsrf(body)).toBe(session.csrf);
    expect(session.csrf.length).toBeGreaterThanOrEqual(16);
    // Never the password or the code in the log.
    expect(JSON.stringify(sandbox.current.state.requests)).not.toContain(ALICE.password);
  });

  it('carol signs in with her password only, by account id or alias; a wrong password is refused', async () => {
    const refused = await iamSignIn(new CookieJar(), { password: 'wrong' });
    expect(testIdText(refused.body, 'signin-error')).toBe(SIGNIN_FAILED_MESSAGE);
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ service: 'signin', action: 'iam-user-signin', error: 'bad credentials' });

    const byId = await signedInPage(new CookieJar());
    expect(testIdText(byId.body, 'signed-in-arn')).toBe(CAROL.arn);
    expect(newest()).toMatchObject({ principalKind: 'user', mfa: false });

    const byAlias = await signedInPage(new CookieJar(), { account: 'demo-identity' });
    expect(testIdText(byAlias.body, 'signed-in-arn')).toBe(CAROL.arn);
    expect(consoleAccountInfo(byAlias.body)).toEqual({ loginDisplayNameAccount: 'demo-identity', loginDisplayNameUser: 'carol' });

    const otherAccount = await iamSignIn(new CookieJar(), { account: 'demo-dev' });
    expect(testIdText(otherAccount.body, 'signin-error')).toBe(SIGNIN_FAILED_MESSAGE);
  });

  it('in multi-session mode a sign-in adds a session on its own subdomain', async () => {
    const jar = new CookieJar({ [MULTI_SESSION_COOKIE]: 'on' });
    const res = await iamSignIn(jar);
    expect(res.status).toBe(302);
    const m = SUBDOMAIN_URL.exec(String(res.headers.location));
    expect(m?.[1]).toBe('111111111111');
    expect(m?.[2]).toBe(newest().differentiator);
    expect(jar.cookies.has(`${CONSOLE_COOKIE}-${newest().differentiator}`)).toBe(true);
    const page = await jar.fetch(sandbox.current, String(res.headers.location));
    expect(awscSessionData(page.body)?.['prismModeEnabled']).toBe(true);
  });

  it('redirect_uri must be a console URL', async () => {
    const res = await iamSignIn(new CookieJar(), { redirect: 'https://evil.example/' });
    expect(res.status).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('classic switch-role (POST /switchrole)', () => {
  it('with the page token: 302 to redirect_uri, a new session as the role for 1 hour, shown with its name and colour', async () => {
    const jar = new CookieJar();
    const { body } = await signedInPage(jar);
    const base = newest();
    const res = await classicSwitch(jar, { csrf: consoleCsrf(body) ?? '', account: '222222222222', roleName: 'Developer', displayName: 'Dev  |  222222222222' });
    expect(res.status, res.body).toBe(302);
    expect(res.headers.location).toBe(EC2);
    const session = newest();
    expect(session.id).not.toBe(base.id);
    expect(jar.cookies.get(CONSOLE_COOKIE)).toBe(session.id);
    expect(base).toMatchObject({ endReason: 'replaced' });
    expect(session).toMatchObject({
      assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Developer/carol',
      roleArn: ROLES.developer,
      switchedRole: { mode: 'classic', fromArn: CAROL.arn, displayName: 'Dev  |  222222222222', color: '99ccff' },
    });
    expect(session.csrf).not.toBe(base.csrf);
    expect((session.expiresAt - sandbox.current.state.now()) / 1000).toBeCloseTo(3600, -1);

    const page = await jar.fetch(sandbox.current, EC2);
    expect(testIdText(page.body, 'signed-in-arn')).toBe('arn:aws:sts::222222222222:assumed-role/Developer/carol');
    expect(testIdText(page.body, 'switched-display-name')).toBe('Dev  |  222222222222');
    expect(page.body).toContain('data-color="99ccff"');
    expect(testIdText(page.body, 'switched-from')).toBe(CAROL.arn);
    expect(testIdText(page.body, 'console-expires')).toBe(new Date(Math.floor(session.expiresAt / 1000) * 1000).toISOString().replace('.000', ''));
    expect(testIdText(page.body, 'console-region')).toBe('eu-west-1');
    expect(consoleAccountInfo(page.body)).toEqual({
      loginDisplayNameAccount: '1111-1111-1111',
      loginDisplayNameUser: 'carol',
      roleDisplayNameAccount: '2222-2222-2222',
      roleDisplayNameUser: 'Developer',
    });
    expect(consoleCsrf(page.body)).toBe(session.csrf);
    expect(sandbox.current.state.requests.at(-2)).toMatchObject({ service: 'signin', action: 'switchrole', status: 302 });
  });

  it('a wrong or missing token is refused (400) and the session stays', async () => {
    const jar = new CookieJar();
    const { body } = await signedInPage(jar);
    const session = newest();
    for (const csrf of ['', `${consoleCsrf(body) ?? ''}x`]) {
      const res = await classicSwitch(jar, { csrf, account: '222222222222', roleName: 'Developer' });
      expect(res.status).toBe(400);
      expect(testIdText(res.body, 'switchrole-reason')).toBe('csrf mismatch');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(session.endedAt).toBeUndefined();
    expect(jar.cookies.get(CONSOLE_COOKIE)).toBe(session.id);
    // Another browser's token is no good either.
    const other = new CookieJar();
    await signedInPage(other);
    const res = await classicSwitch(other, { csrf: session.csrf, account: '222222222222', roleName: 'Developer' });
    expect(res.status).toBe(400);
    // And no session at all.
    const nobody = await classicSwitch(new CookieJar(), { csrf: session.csrf, account: '222222222222', roleName: 'Developer' });
    expect(testIdText(nobody.body, 'switchrole-reason')).toBe('not signed in');
  });

  it('a role that does not trust the identity, wants an ExternalId, or does not exist: the Switch Role page with AWS’s message', async () => {
    const jar = new CookieJar();
    const { body } = await signedInPage(jar);
    const session = newest();
    const csrf = consoleCsrf(body) ?? '';
    for (const [account, roleName, reason] of [
      ['222222222222', 'BreakGlass', 'trust: principal'],
      ['444444444444', 'Auditor', 'trust: external-id'],
      ['333333333333', 'Admin', 'trust: principal'],
      ['222222222222', 'NoSuchRole', 'no such role'],
      ['no-such-alias', 'Developer', 'unknown account'],
    ] as const) {
      const res = await classicSwitch(jar, { csrf, account, roleName });
      expect(res.status, roleName).toBe(200);
      expect(testIdText(res.body, 'switchrole-error')).toBe(SWITCH_REFUSED_MESSAGE);
      expect(testIdText(res.body, 'switchrole-reason')).toBe(reason);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(session.endedAt).toBeUndefined();
  });

  it('takes an account alias, a role path, a regional sign-in host and a plain (not encoded) redirect_uri', async () => {
    const jar = new CookieJar();
    const { body } = await signedInPage(jar);
    const res = await classicSwitch(jar, { csrf: consoleCsrf(body) ?? '', account: 'demo-prod', roleName: 'ReadOnly', host: 'https://eu-west-1.signin.aws.amazon.com' });
    expect(res.status, res.body).toBe(302);
    expect(newest()).toMatchObject({ assumedRoleArn: 'arn:aws:sts::333333333333:assumed-role/ReadOnly/carol', switchedRole: { accountAsGiven: 'demo-prod' } });
    const page = await jar.fetch(sandbox.current, EC2);
    expect(consoleAccountInfo(page.body)?.['roleDisplayNameAccount']).toBe('demo-prod');

    const plain = await jar.fetch(sandbox.current, `${SIGNIN}/switchrole`, {
      form: { action: 'switchFromBasis', src: 'nav', csrf: consoleCsrf(page.body) ?? '', roleName: 'Developer', account: '222222222222', redirect_uri: HOME, color: '', displayName: '', mfaNeeded: '0' },
    });
    expect(plain.status, plain.body).toBe(302);
    expect(plain.headers.location).toBe(HOME);
    expect(newest().switchedRole).toMatchObject({ displayName: 'Developer @ 222222222222', color: '' });
  });

  it('switches again from the signed-in identity, not from the role: carol’s MFA-less base, alice’s MFA base', async () => {
    const carol = new CookieJar();
    const first = await signedInPage(carol);
    await classicSwitch(carol, { csrf: consoleCsrf(first.body) ?? '', account: '222222222222', roleName: 'Developer' });
    const asDev = await carol.fetch(sandbox.current, EC2);
    // ops/Deployer trusts the Developer role (with an ExternalId): a classic switch still starts from carol.
    const deployer = await classicSwitch(carol, { csrf: consoleCsrf(asDev.body) ?? '', account: '222222222222', roleName: 'ops/Deployer' });
    expect(testIdText(deployer.body, 'switchrole-reason')).toBe('trust: principal');
    const ro = await classicSwitch(carol, { csrf: consoleCsrf(asDev.body) ?? '', account: '333333333333', roleName: 'ReadOnly' });
    expect(ro.status).toBe(302);
    expect(newest().switchedRole?.fromArn).toBe(CAROL.arn);

    // Admin trusts alice only, with MFA: her MFA sign-in carries it through the switch.
    const aliceJar = new CookieJar();
    const a = await signedInPage(aliceJar, alice());
    const admin = await classicSwitch(aliceJar, { csrf: consoleCsrf(a.body) ?? '', account: '333333333333', roleName: 'Admin' });
    expect(admin.status, admin.body).toBe(302);
    expect(newest()).toMatchObject({ assumedRoleArn: 'arn:aws:sts::333333333333:assumed-role/Admin/alice', mfa: true });
  });

  it('a federated role session is a base too (trust against its role)', async () => {
    const jar = new CookieJar();
    const url = identityCenterConsoleLoginUrl(sandbox.current.state, { account: ACME.accounts.prod, permissionSet: 'ReadOnlyAccess', destination: HOME });
    const login = await jar.fetch(sandbox.current, url);
    expect(login.status).toBe(302);
    const page = await jar.fetch(sandbox.current, HOME);
    const res = await classicSwitch(jar, { csrf: consoleCsrf(page.body) ?? '', account: '333333333333', roleName: 'Deployer' });
    expect(res.status, res.body).toBe(302);
    expect(newest()).toMatchObject({ assumedRoleArn: 'arn:aws:sts::333333333333:assumed-role/Deployer/jane', roleArn: SSO_CHAIN_ROLES.deployer });
  });
});

describe('multi-session switch-role (POST /sessions/<id>/v1/switchrole)', () => {
  async function multiBase(): Promise<{ jar: CookieJar; base: ConsoleSession; body: string }> {
    const jar = new CookieJar({ [MULTI_SESSION_COOKIE]: 'on' });
    const res = await iamSignIn(jar, alice());
    expect(res.status).toBe(302);
    const base = newest();
    const page = await jar.fetch(sandbox.current, String(res.headers.location));
    return { jar, base, body: page.body };
  }

  it('without X-CSRF-PROTECTION: 1 it is refused (403), without the session cookie 401', async () => {
    const { jar, base } = await multiBase();
    const before = sessions().length;
    const noHeader = await multiSwitch(jar, { differentiator: base.differentiator, account: '222222222222', roleName: 'Developer', csrfHeader: false });
    expect(noHeader.status).toBe(403);
    expect(JSON.parse(noHeader.body)).toMatchObject({ error: 'CsrfProtection' });
    const noCookie = await multiSwitch(new CookieJar({ [MULTI_SESSION_COOKIE]: 'on' }), { differentiator: base.differentiator, account: '222222222222', roleName: 'Developer' });
    expect(noCookie.status).toBe(401);
    expect(JSON.parse(noCookie.body)).toMatchObject({ error: 'NotSignedIn' });
    expect(sessions().length).toBe(before);
    expect(noHeader.headers['set-cookie']).toBeUndefined();
  });

  it('takes an account alias in `account`, as the console does (AESR\u2019s [AnotherRole]); an unknown alias is refused like an unknown id', async () => {
    const { jar, base } = await multiBase();
    const res = await multiSwitch(jar, { differentiator: base.differentiator, account: 'Demo-Dev', roleName: 'Developer' });
    expect(res.status, res.body).toBe(200);
    expect(newest()).toMatchObject({ assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Developer/alice', switchedRole: { accountAsGiven: 'Demo-Dev' } });
    const { destination } = JSON.parse(res.body) as { destination: string };
    expect(new URL(destination).host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);
    const unknown = await multiSwitch(jar, { differentiator: base.differentiator, account: 'account-3-alias', roleName: 'SomeOtherRole' });
    expect(unknown.status).toBe(403);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: 'AccessDenied', message: SWITCH_REFUSED_MESSAGE });
  });

  it('answers the destination on a new session subdomain; the session switched from stays signed in', async () => {
    const { jar, base, body } = await multiBase();
    expect(awscSessionData(body)).toMatchObject({ prismModeEnabled: true, sessionDifferentiator: base.differentiator });
    const res = await multiSwitch(jar, { differentiator: base.differentiator, account: '222222222222', roleName: 'Developer' });
    expect(res.status, res.body).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://us-east-1.console.aws.amazon.com');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    const { destination } = JSON.parse(res.body) as { destination: string };
    const session = newest();
    expect(session).toMatchObject({
      assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Developer/alice',
      multiSession: true,
      mfa: true,
      switchedRole: { mode: 'multi-session', fromArn: ALICE.arn, color: 'ffaa00', displayName: 'Developer @ 222222222222' },
    });
    expect(destination).toBe(
      `https://222222222222-${session.differentiator}.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1&login_hint=222222222222-${session.differentiator}#Instances:`,
    );
    expect(session.differentiator).not.toBe(base.differentiator);
    expect(jar.cookies.has(`${CONSOLE_COOKIE}-${session.differentiator}`)).toBe(true);
    expect(base.endedAt).toBeUndefined();
    expect((session.expiresAt - sandbox.current.state.now()) / 1000).toBeCloseTo(3600, -1);

    // The console takes the login_hint off, then shows the new session.
    const hinted = await jar.fetch(sandbox.current, destination);
    expect(hinted.status).toBe(302);
    const landed = String(hinted.headers.location);
    expect(landed).toBe(`https://222222222222-${session.differentiator}.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1`);
    const page = await jar.fetch(sandbox.current, landed);
    expect(testIdText(page.body, 'signed-in-arn')).toBe('arn:aws:sts::222222222222:assumed-role/Developer/alice');
    expect(testIdText(page.body, 'switched-display-name')).toBe('Developer @ 222222222222');
    expect(consoleAccountInfo(page.body)).toEqual({
      loginDisplayNameAccount: '1111-1111-1111',
      loginDisplayNameUser: 'alice',
      roleDisplayNameAccount: '2222-2222-2222',
      roleDisplayNameUser: 'Developer',
    });
    // The base session's page is still alice.
    const basePage = await jar.fetch(sandbox.current, `https://111111111111-${base.differentiator}.us-east-1.console.aws.amazon.com/console/home`);
    expect(testIdText(basePage.body, 'signed-in-arn')).toBe(ALICE.arn);
  });

  it('chains from the session’s current role; refusals are JSON 403 with AWS’s message', async () => {
    const { jar, base } = await multiBase();
    const first = await multiSwitch(jar, { differentiator: base.differentiator, account: 'demo-dev', roleName: 'Developer' });
    expect(first.status).toBe(200);
    const dev = newest();
    // From the Developer session: ops/Deployer trusts Developer but wants an ExternalId, which the console cannot send.
    const deployer = await multiSwitch(jar, { differentiator: dev.differentiator, account: '222222222222', roleName: 'ops/Deployer' });
    expect(deployer.status).toBe(403);
    expect(JSON.parse(deployer.body)).toEqual({ error: 'AccessDenied', message: SWITCH_REFUSED_MESSAGE });
    // ReadOnly trusts 111111111111, not 222222222222: refused from the Developer session, fine from alice's.
    const fromDev = await multiSwitch(jar, { differentiator: dev.differentiator, account: '333333333333', roleName: 'ReadOnly' });
    expect(fromDev.status).toBe(403);
    const breakGlass = await multiSwitch(jar, { differentiator: base.differentiator, account: '222222222222', roleName: 'BreakGlass' });
    expect(breakGlass.status).toBe(403);
    // The path may name the session as `<account>-<differentiator>` too (the login_hint form).
    const fromAlice = await multiSwitch(jar, { differentiator: `111111111111-${base.differentiator}`, account: '333333333333', roleName: 'ReadOnly' });
    expect(fromAlice.status, fromAlice.body).toBe(200);
  });

  it('answers the CORS preflight for console origins only, and refuses bodies that are not JSON', async () => {
    const { jar, base } = await multiBase();
    const preflight = await sandboxFetch(sandbox.current, `${SIGNIN}/sessions/${base.differentiator}/v1/switchrole`, {
      method: 'OPTIONS',
      headers: { origin: `https://111111111111-${base.differentiator}.us-east-1.console.aws.amazon.com`, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('x-csrf-protection');
    const evil = await sandboxFetch(sandbox.current, `${SIGNIN}/sessions/${base.differentiator}/v1/switchrole`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();

    const garbage = await sandboxFetch(sandbox.current, `${SIGNIN}/sessions/${base.differentiator}/v1/switchrole`, {
      method: 'POST',
      headers: { 'x-csrf-protection': '1', 'content-type': 'application/json', cookie: jar.header() },
      body: 'account=222222222222',
    });
    expect(garbage.status).toBe(400);
  });

  it('at the session limit the switch is refused (409) and nothing ends', async () => {
    const { jar, base } = await multiBase();
    sandbox.current.state.consoleSessionLimit = 1;
    const res = await multiSwitch(jar, { differentiator: base.differentiator, account: '222222222222', roleName: 'Developer' });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'SessionLimitExceeded' });
    expect(base.endedAt).toBeUndefined();
  });

  it('/sessions/<id>/v1/logout signs that session out only', async () => {
    const { jar, base } = await multiBase();
    await multiSwitch(jar, { differentiator: base.differentiator, account: '222222222222', roleName: 'Developer' });
    const dev = newest();
    const res = await jar.fetch(sandbox.current, `${SIGNIN}/sessions/${dev.differentiator}/v1/logout`);
    expect(res.status).toBe(200);
    expect(dev.endReason).toBe('logout');
    expect(base.endedAt).toBeUndefined();
    expect(jar.cookies.has(`${CONSOLE_COOKIE}-${dev.differentiator}`)).toBe(false);
  });
});

describe('Identity Center session as the base', () => {
  it('the long way (device authorization, GetRoleCredentials, getSigninToken, login) makes a switchable console session', async () => {
    const oidc = ssoOidcClientFor(sandbox.current, { region: ACME.region });
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'test', clientType: 'public' }));
    const ids = { clientId: client.clientId ?? '', clientSecret: client.clientSecret ?? '' };
    const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...ids, startUrl: ACME.startUrl }));
    approveDevice(sandbox.current.state, started.userCode ?? '', ACME.username);
    const token = await oidc.send(new CreateTokenCommand({ ...ids, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: started.deviceCode ?? '' }));
    const out = await ssoClientFor(sandbox.current, { region: ACME.region }).send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken ?? '', accountId: ACME.accounts.prod, roleName: 'ReadOnlyAccess' }),
    );
    const rc = out.roleCredentials;
    const session = JSON.stringify({ sessionId: rc?.accessKeyId, sessionKey: rc?.secretAccessKey, sessionToken: rc?.sessionToken });
    const tokenRes = await sandboxFetch(sandbox.current, `${SIGNIN}/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: session }).toString()}`);
    expect(tokenRes.status).toBe(200);
    const { SigninToken } = JSON.parse(tokenRes.body) as { SigninToken: string };
    const jar = new CookieJar();
    const login = await jar.fetch(sandbox.current, `${SIGNIN}/federation?${new URLSearchParams({ Action: 'login', Destination: HOME, SigninToken }).toString()}`);
    expect(login.status).toBe(302);

    const page = await jar.fetch(sandbox.current, HOME);
    expect(testIdText(page.body, 'signed-in-arn')).toMatch(/^arn:aws:sts::333333333333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/jane$/);
    const info = consoleAccountInfo(page.body);
    expect(info?.['loginDisplayNameAccount']).toBe('3333-3333-3333');
    // What AWS Extend Switch Roles matches a base on: the permission-set name between the prefix and the hash.
    expect(String(info?.['loginDisplayNameUser'])).toMatch(/^AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/jane$/);
    expect(ACME_PROD_READONLY_ROLE).toContain('AWSReservedSSO_ReadOnlyAccess_');

    // acme's prod Deployer trusts the ReadOnlyAccess role; Developer (trusts 111111111111) does not take it.
    const denied = await classicSwitch(jar, { csrf: consoleCsrf(page.body) ?? '', account: '222222222222', roleName: 'Developer' });
    expect(testIdText(denied.body, 'switchrole-error')).toBe(SWITCH_REFUSED_MESSAGE);
    const ok = await classicSwitch(jar, { csrf: consoleCsrf(page.body) ?? '', account: 'demo-prod', roleName: 'Deployer' });
    expect(ok.status, ok.body).toBe(302);
    const switched = newest();
    expect(switched.assumedRoleArn).toBe('arn:aws:sts::333333333333:assumed-role/Deployer/jane');
    expect(switched.switchedRole?.fromArn).toMatch(/assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/jane$/);
  });

  it('identityCenterConsoleLoginUrl signs a browser in as a permission set in one step, in multi-session mode too', async () => {
    const jar = new CookieJar({ [MULTI_SESSION_COOKIE]: 'on' });
    const url = identityCenterConsoleLoginUrl(sandbox.current.state, { account: ACME.accounts.dev, permissionSet: 'AdministratorAccess', destination: HOME });
    const res = await jar.fetch(sandbox.current, url);
    expect(res.status).toBe(302);
    const base = newest();
    expect(base.assumedRoleArn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/);
    expect(() => identityCenterConsoleLoginUrl(sandbox.current.state, { account: '111111111111', permissionSet: 'ReadOnlyAccess' })).toThrow(/no ReadOnlyAccess/);
    // Nothing trusts acme's dev AdministratorAccess role: refused as JSON.
    const refused = await multiSwitch(jar, { differentiator: base.differentiator, account: '333333333333', roleName: 'Deployer' });
    expect(refused.status).toBe(403);
  });
});

describe('fault knob: consoleWithoutSessionData', () => {
  it('pages carry no session data, AccountInfo or token; the rest of the page is unchanged', async () => {
    const jar = new CookieJar();
    await signedInPage(jar);
    sandbox.current.state.consoleWithoutSessionData = true;
    const page = await jar.fetch(sandbox.current, HOME);
    expect(testIdText(page.body, 'signed-in-arn')).toBe(CAROL.arn);
    expect(awscSessionData(page.body)).toBeUndefined();
    expect(consoleAccountInfo(page.body)).toBeUndefined();
    expect(consoleCsrf(page.body)).toBeUndefined();
    expect(page.body).not.toContain('getMbtc');
    sandbox.current.state.consoleWithoutSessionData = false;
    const again = await jar.fetch(sandbox.current, HOME);
    expect(consoleCsrf(again.body)).toBe(newest().csrf);
  });
});
