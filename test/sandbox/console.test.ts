/**
 * Console sessions per browser: expiry on the sandbox clock, single-session replacement, multi-session
 * subdomains, the session chooser, the 5-session limit, logout, the mode switch and the meta tag.
 * A `CookieJar` plays one browser profile.
 */
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_COOKIE, MULTI_SESSION_COOKIE } from './console-sessions.js';
import { multiSessionCookie, multiSessionCookieHeader } from './multi-session.js';
import { credentialsFrom, sandboxFetch, stsClientFor, type SandboxFetchResponse } from './node-client.js';
import { ALICE, ROLES } from './seed.js';
import { awscSessionData, CookieJar, testIdText, testIdTexts, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const DESTINATION = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';
/** Where a multi-session login lands: `https://<account>-<differentiator>.<region>.console.aws.amazon.com/…`. */
const SUBDOMAIN_URL = /^https:\/\/(\d{12}-[a-z0-9]{8})\.[a-z0-9-]+\.console\.aws\.amazon\.com\//;

beforeEach(() => {
  sandbox.current.state.multiSessionDefault = false;
  sandbox.current.state.consoleSessionLimit = 5;
});

interface SignIn {
  roleArn?: string;
  sessionName?: string;
  sessionDuration?: number;
  destination?: string;
}

/** AssumeRole as alice, getSigninToken, then the login in this browser (its cookies sent and kept). */
async function signIn(jar: CookieJar, options: SignIn = {}): Promise<SandboxFetchResponse> {
  const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: ALICE });
  const out = await sts.send(
    new AssumeRoleCommand({ RoleArn: options.roleArn ?? ROLES.developer, RoleSessionName: options.sessionName ?? 'alice' }),
  );
  const c = credentialsFrom(out.Credentials);
  const params = new URLSearchParams({
    Action: 'getSigninToken',
    Session: JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken }),
  });
  if (options.sessionDuration !== undefined) params.set('SessionDuration', String(options.sessionDuration));
  const tokenRes = await sandboxFetch(sandbox.current, `https://signin.aws.amazon.com/federation?${params.toString()}`);
  expect(tokenRes.status).toBe(200);
  const { SigninToken } = JSON.parse(tokenRes.body) as { SigninToken: string };
  const login = new URLSearchParams({
    Action: 'login',
    Issuer: 'role-switcher',
    Destination: options.destination ?? DESTINATION,
    SigninToken,
  });
  return jar.fetch(sandbox.current, `https://signin.aws.amazon.com/federation?${login.toString()}`);
}

/** Signs in and returns the session subdomain the login landed on (multi-session mode). */
async function signInMulti(jar: CookieJar, options: SignIn = {}): Promise<{ url: string; subdomain: string }> {
  const res = await signIn(jar, options);
  expect(res.status).toBe(302);
  const url = String(res.headers.location);
  const subdomain = SUBDOMAIN_URL.exec(url)?.[1];
  expect(subdomain, url).toBeDefined();
  return { url, subdomain: subdomain ?? '' };
}

function multiBrowser(): CookieJar {
  return new CookieJar({ [MULTI_SESSION_COOKIE]: 'on' });
}

function arn(sessionName: string, role = 'Developer', account = '222222222222'): string {
  return `arn:aws:sts::${account}:assumed-role/${role}/${sessionName}`;
}

describe('console expiry (sandbox clock)', () => {
  it('SessionDuration sets the console expiry: live before it, the expired page after it, on every host', async () => {
    const jar = new CookieJar();
    await signIn(jar, { sessionDuration: 900 });
    const state = sandbox.current.state;
    const session = [...state.consoleSessions.values()].at(-1);
    expect(((session?.expiresAt ?? 0) - state.now()) / 1000).toBeCloseTo(900, -1);

    state.clockOffsetMs = 880_000;
    const before = await jar.fetch(sandbox.current, DESTINATION);
    expect(testIdText(before.body, 'signed-in-arn')).toBe(arn('alice'));
    expect(Date.parse(testIdText(before.body, 'console-expires') ?? '')).toBe(Math.floor((session?.expiresAt ?? 0) / 1000) * 1000);

    state.clockOffsetMs = 901_000;
    for (const url of [DESTINATION, 'https://console.aws.amazon.com/', 'https://eu-west-1.console.aws.amazon.com/s3/']) {
      const page = await jar.fetch(sandbox.current, url);
      expect(page.status).toBe(200);
      expect(page.body, url).toContain('data-testid="session-expired"');
      expect(testIdText(page.body, 'expired-arn')).toBe(arn('alice'));
      expect(page.body).not.toContain('awsc-session-data');
    }
  });

  it('without SessionDuration the console session ends with the credentials (AssumeRole default 1 h)', async () => {
    const jar = new CookieJar();
    await signIn(jar);
    sandbox.current.state.clockOffsetMs = 3_590_000;
    expect((await jar.fetch(sandbox.current, DESTINATION)).body).toContain('data-testid="signed-in-arn"');
    sandbox.current.state.clockOffsetMs = 3_601_000;
    expect((await jar.fetch(sandbox.current, DESTINATION)).body).toContain('data-testid="session-expired"');
  });

  it('multi-session: an expired subdomain shows the expired page, the chooser marks it, the others live on', async () => {
    const jar = multiBrowser();
    const short = await signInMulti(jar, { sessionName: 'short', sessionDuration: 900 });
    const long = await signInMulti(jar, { sessionName: 'long', sessionDuration: 3600 });
    sandbox.current.state.clockOffsetMs = 901_000;
    expect((await jar.fetch(sandbox.current, short.url)).body).toContain('data-testid="session-expired"');
    expect(testIdText((await jar.fetch(sandbox.current, long.url)).body, 'signed-in-arn')).toBe(arn('long'));
    const chooser = await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/');
    expect(chooser.body).toMatch(new RegExp(`data-session="${short.subdomain}" data-status="expired"`));
    expect(chooser.body).toMatch(new RegExp(`data-session="${long.subdomain}" data-status="live"`));
  });
});

describe('single-session mode (the default)', () => {
  it('a new login replaces the browser session: every console tab shows the new identity on reload', async () => {
    const jar = new CookieJar();
    const first = await signIn(jar);
    expect(first.headers.location).toBe(DESTINATION);
    const tabs = [DESTINATION, 'https://console.aws.amazon.com/console/home', 'https://eu-west-1.console.aws.amazon.com/s3/'];
    for (const tab of tabs) expect(testIdText((await jar.fetch(sandbox.current, tab)).body, 'signed-in-arn')).toBe(arn('alice'));
    const firstSession = [...sandbox.current.state.consoleSessions.values()].at(-1);

    const second = await signIn(jar, { roleArn: ROLES.readOnly });
    expect(second.headers.location).toBe(DESTINATION);
    expect([...jar.cookies.keys()]).toEqual([CONSOLE_COOKIE]);
    for (const tab of tabs) {
      const page = await jar.fetch(sandbox.current, tab);
      expect(testIdText(page.body, 'signed-in-arn')).toBe(arn('alice', 'ReadOnly', '333333333333'));
      expect(testIdText(page.body, 'session-mode')).toBe('single');
    }
    expect(firstSession).toMatchObject({ endReason: 'replaced' });
  });

  it('a multi-session URL as Destination lands on its plain regional host', async () => {
    const res = await signIn(new CookieJar(), { destination: 'https://222222222222-abcd1234.eu-west-1.console.aws.amazon.com/iam/home?x=1' });
    expect(res.headers.location).toBe('https://eu-west-1.console.aws.amazon.com/iam/home?x=1');
  });
});

describe('multi-session mode', () => {
  it('two logins give two subdomains, each showing its identity, and a chooser listing both', async () => {
    const jar = multiBrowser();
    const dev = await signInMulti(jar);
    const ro = await signInMulti(jar, { roleArn: ROLES.readOnly });
    expect(dev.url).toBe(`https://${dev.subdomain}.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:`);
    expect(dev.subdomain).toMatch(/^222222222222-/);
    expect(ro.subdomain).toMatch(/^333333333333-/);
    expect(jar.cookies.size).toBe(3); // the mode, and one cookie per session

    const devPage = await jar.fetch(sandbox.current, dev.url.replace('#Instances:', ''));
    expect(testIdText(devPage.body, 'signed-in-arn')).toBe(arn('alice'));
    expect(testIdText(devPage.body, 'console-region')).toBe('us-east-1');
    expect(testIdText(devPage.body, 'console-path')).toBe('/ec2/home?region=us-east-1');
    expect(testIdText(devPage.body, 'session-mode')).toBe('multi');
    const roPage = await jar.fetch(sandbox.current, ro.url);
    expect(testIdText(roPage.body, 'signed-in-arn')).toBe(arn('alice', 'ReadOnly', '333333333333'));
    expect(testIdText(roPage.body, 'signed-in-account')).toBe('333333333333');

    for (const host of ['https://console.aws.amazon.com/', 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1']) {
      const chooser = await jar.fetch(sandbox.current, host);
      expect(chooser.status).toBe(200);
      expect(chooser.body).toContain('data-testid="session-chooser"');
      expect(chooser.body).not.toContain('data-testid="signed-in-arn"');
      expect(testIdTexts(chooser.body, 'choice-arn')).toEqual([arn('alice'), arn('alice', 'ReadOnly', '333333333333')]);
      expect(testIdText(chooser.body, 'session-mode')).toBe('multi');
    }
    // Chooser links keep the page, on each session's subdomain.
    const chooser = await jar.fetch(sandbox.current, 'https://eu-west-1.console.aws.amazon.com/s3/buckets?tab=x');
    expect(chooser.body).toContain(`href="https://${dev.subdomain}.eu-west-1.console.aws.amazon.com/s3/buckets?tab=x"`);
  });

  it('a bare-host Destination lands on the subdomain of its ?region=, else us-east-1', async () => {
    const jar = multiBrowser();
    const a = await signIn(jar, { destination: 'https://console.aws.amazon.com/console/home?region=ap-northeast-1' });
    expect(a.headers.location).toMatch(/^https:\/\/222222222222-[a-z0-9]{8}\.ap-northeast-1\.console\.aws\.amazon\.com\/console\/home\?region=ap-northeast-1$/);
    const b = await signIn(jar, { roleArn: ROLES.readOnly, destination: 'https://console.aws.amazon.com/' });
    expect(b.headers.location).toMatch(/^https:\/\/333333333333-[a-z0-9]{8}\.us-east-1\.console\.aws\.amazon\.com\/$/);
    // Another session's URL as Destination ("this page, as another role") lands on the new session's subdomain.
    const c = await signIn(jar, { roleArn: ROLES.readOnly, sessionName: 'other', destination: `${String(a.headers.location).split('/console/')[0] ?? ''}/iam/home#/roles` });
    expect(c.headers.location).toMatch(/^https:\/\/333333333333-[a-z0-9]{8}\.ap-northeast-1\.console\.aws\.amazon\.com\/iam\/home#\/roles$/);
  });

  it('signing in again as the same identity replaces its session; its old subdomain is signed out', async () => {
    const jar = multiBrowser();
    const old = await signInMulti(jar);
    const other = await signInMulti(jar, { roleArn: ROLES.readOnly });
    const again = await signInMulti(jar);
    expect(again.subdomain).not.toBe(old.subdomain);

    const oldPage = await jar.fetch(sandbox.current, old.url);
    expect(oldPage.body).toContain('data-testid="signed-out"');
    expect(oldPage.body).not.toContain('data-testid="signed-in-arn"');
    expect(testIdText((await jar.fetch(sandbox.current, again.url)).body, 'signed-in-arn')).toBe(arn('alice'));
    expect(testIdText((await jar.fetch(sandbox.current, other.url)).body, 'signed-in-arn')).toContain('ReadOnly');
    const chooser = await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/');
    expect(testIdTexts(chooser.body, 'choice-arn')).toEqual([arn('alice', 'ReadOnly', '333333333333'), arn('alice')]);
    expect(jar.cookies.has(`${CONSOLE_COOKIE}-${old.subdomain.split('-')[1] ?? ''}`)).toBe(false);
    const ended = [...sandbox.current.state.consoleSessions.values()].find((s) => s.differentiator === old.subdomain.split('-')[1]);
    expect(ended?.endReason).toBe('replaced');
  });

  it('a 6th identity is refused with the session-limit page (HTTP 200); the 5 others stay signed in', async () => {
    const jar = multiBrowser();
    const five: { url: string; name: string }[] = [];
    for (let i = 1; i <= 5; i++) five.push({ ...(await signInMulti(jar, { sessionName: `s${i}` })), name: `s${i}` });
    const before = jar.header();

    const sixth = await signIn(jar, { sessionName: 's6' });
    expect(sixth.status).toBe(200);
    expect(sixth.headers.location).toBeUndefined();
    expect(sixth.headers['set-cookie']).toBeUndefined();
    expect(sixth.body).toContain('data-testid="session-limit"');
    expect(testIdText(sixth.body, 'refused-arn')).toBe(arn('s6'));
    expect(testIdTexts(sixth.body, 'choice-arn')).toHaveLength(5);
    expect(jar.header()).toBe(before);
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ action: 'login', status: 200, error: 'session limit' });
    for (const s of five) expect(testIdText((await jar.fetch(sandbox.current, s.url)).body, 'signed-in-arn')).toBe(arn(s.name));

    // At the limit, an identity already signed in can still sign in again (it replaces itself).
    const again = await signInMulti(jar, { sessionName: 's3' });
    expect(testIdText((await jar.fetch(sandbox.current, again.url)).body, 'signed-in-arn')).toBe(arn('s3'));
    // Signing one out makes room.
    await jar.fetch(sandbox.current, `${new URL(five[0]?.url ?? '').origin}/oauth?Action=logout`);
    await signInMulti(jar, { sessionName: 's6' });
  });

  it('the limit is a knob (state.consoleSessionLimit), and expired sessions do not count', async () => {
    sandbox.current.state.consoleSessionLimit = 1;
    const jar = multiBrowser();
    const a = await signInMulti(jar, { sessionName: 'sa' });
    expect((await signIn(jar, { sessionName: 'sb' })).body).toContain('data-testid="session-limit"');
    // Expire 'sa' (moving the clock instead would also put STS's signature check out of skew).
    const session = [...sandbox.current.state.consoleSessions.values()].find((s) => a.subdomain.endsWith(s.differentiator));
    if (session) session.expiresAt = sandbox.current.state.now() - 1;
    const b = await signInMulti(jar, { sessionName: 'sb' });
    expect((await jar.fetch(sandbox.current, a.url)).body).toContain('data-testid="session-expired"');
    expect(testIdText((await jar.fetch(sandbox.current, b.url)).body, 'signed-in-arn')).toBe(arn('sb'));
  });

  it('logout on one subdomain ends that session only', async () => {
    const jar = multiBrowser();
    const a = await signInMulti(jar, { sessionName: 'sa' });
    const b = await signInMulti(jar, { sessionName: 'sb' });
    const c = await signInMulti(jar, { sessionName: 'sc' });

    const out = await jar.fetch(sandbox.current, `https://${b.subdomain}.us-east-1.console.aws.amazon.com/oauth?Action=logout`);
    expect(out.status).toBe(200);
    expect(out.body).toContain('data-testid="signed-out"');
    expect(out.headers['set-cookie']).toHaveLength(1);
    expect((await jar.fetch(sandbox.current, b.url)).body).toContain('data-testid="signed-out"');
    expect(testIdText((await jar.fetch(sandbox.current, a.url)).body, 'signed-in-arn')).toBe(arn('sa'));
    expect(testIdText((await jar.fetch(sandbox.current, c.url)).body, 'signed-in-arn')).toBe(arn('sc'));
    expect(testIdTexts((await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/')).body, 'choice-arn')).toEqual([arn('sa'), arn('sc')]);

    // /logout does the same.
    await jar.fetch(sandbox.current, `https://${c.subdomain}.us-east-1.console.aws.amazon.com/logout`);
    expect(testIdTexts((await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/')).body, 'choice-arn')).toEqual([arn('sa')]);
  });

  it("the sign-in host's logout signs the browser out of every session and redirects only to console hosts", async () => {
    const jar = multiBrowser();
    const a = await signInMulti(jar, { sessionName: 'sa' });
    await signInMulti(jar, { sessionName: 'sb' });
    const out = await jar.fetch(
      sandbox.current,
      `https://signin.aws.amazon.com/oauth?Action=logout&redirect_uri=${encodeURIComponent('https://console.aws.amazon.com/console/home')}`,
    );
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe('https://console.aws.amazon.com/console/home');
    expect([...jar.cookies.keys()]).toEqual([MULTI_SESSION_COOKIE]);
    expect((await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/')).body).toContain('data-testid="signed-out"');
    expect((await jar.fetch(sandbox.current, a.url)).body).toContain('data-testid="signed-out"');

    for (const target of ['https://evil.example.com/', 'https://console.amazonaws.cn/', 'https://signin.aws.amazon.com/federation']) {
      const res = await jar.fetch(sandbox.current, `https://signin.aws.amazon.com/oauth?Action=logout&redirect_uri=${encodeURIComponent(target)}`);
      expect(res.status, target).toBe(200);
      expect(res.body).toContain('data-testid="signed-out"');
    }
  });

  it('a bare console host logout in multi-session mode signs out of all sessions', async () => {
    const jar = multiBrowser();
    await signInMulti(jar, { sessionName: 'sa' });
    await signInMulti(jar, { sessionName: 'sb' });
    await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/oauth?Action=logout');
    expect((await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/')).body).toContain('data-testid="signed-out"');
  });

  it('a session subdomain is only signed in for the browser that holds it', async () => {
    const one = multiBrowser();
    const mine = await signInMulti(one);
    // Another profile, single-session, signing in as someone else ends nothing of the first.
    const two = new CookieJar();
    await signIn(two, { roleArn: ROLES.readOnly });
    expect((await two.fetch(sandbox.current, mine.url)).body).toContain('data-testid="signed-out"');
    expect(testIdText((await one.fetch(sandbox.current, mine.url)).body, 'signed-in-arn')).toBe(arn('alice'));
    expect(testIdText((await two.fetch(sandbox.current, DESTINATION)).body, 'signed-in-arn')).toContain('ReadOnly');
  });
});

describe('the awsc-session-data meta tag', () => {
  it('single-session: prismModeEnabled false, the differentiator, sign-in endpoint and region', async () => {
    const jar = new CookieJar();
    await signIn(jar);
    const page = await jar.fetch(sandbox.current, 'https://eu-west-1.console.aws.amazon.com/s3/');
    const data = awscSessionData(page.body);
    expect(Object.keys(data ?? {}).sort()).toEqual(['infrastructureRegion', 'prismModeEnabled', 'sessionDifferentiator', 'signInEndpoint']);
    expect(data).toMatchObject({ prismModeEnabled: false, signInEndpoint: 'signin.aws.amazon.com', infrastructureRegion: 'eu-west-1' });
    expect(data?.['sessionDifferentiator']).toMatch(/^[a-z0-9]{8}$/);
    expect(testIdText(page.body, 'session-differentiator')).toBe(data?.['sessionDifferentiator']);
  });

  it("multi-session: prismModeEnabled true and the subdomain's differentiator", async () => {
    const jar = multiBrowser();
    const { url, subdomain } = await signInMulti(jar, { destination: 'https://ap-northeast-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:' });
    expect(url).toContain('.ap-northeast-1.');
    const data = awscSessionData((await jar.fetch(sandbox.current, url)).body);
    expect(data).toEqual({
      prismModeEnabled: true,
      sessionDifferentiator: subdomain.split('-')[1],
      signInEndpoint: 'signin.aws.amazon.com',
      infrastructureRegion: 'ap-northeast-1',
    });
  });
});

describe('switching multi-session support', () => {
  const SETTINGS = 'https://console.aws.amazon.com/settings/multisession';

  it('the settings page turns it on and off with a cookie on .aws.amazon.com', async () => {
    const jar = new CookieJar();
    const off = await jar.fetch(sandbox.current, SETTINGS);
    expect(testIdText(off.body, 'multi-session-status')).toBe('off');
    expect(off.body).toContain('>Turn on multi-session support</button>');
    expect(off.body).toContain('<form method="post" action="/settings/multisession">');

    const posted = await jar.fetch(sandbox.current, SETTINGS, { form: { multiSession: 'on' } });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(SETTINGS);
    const setCookie = posted.headers['set-cookie']?.[0] ?? '';
    for (const part of [`${MULTI_SESSION_COOKIE}=on`, 'Domain=.aws.amazon.com', 'Path=/', 'Secure', 'Max-Age=']) expect(setCookie).toContain(part);
    const on = await jar.fetch(sandbox.current, SETTINGS);
    expect(testIdText(on.body, 'multi-session-status')).toBe('on');
    expect(on.body).toContain('>Turn off multi-session support</button>');
    expect(testIdText(on.body, 'session-mode')).toBe('multi');
    await signInMulti(jar);

    await jar.fetch(sandbox.current, SETTINGS, { form: { multiSession: 'off' } });
    expect(jar.cookies.get(MULTI_SESSION_COOKIE)).toBe('off');
    expect((await signIn(jar)).headers.location).toBe(DESTINATION);
  });

  it('turning it on keeps the single session, now on its own subdomain and in the chooser', async () => {
    const jar = new CookieJar();
    await signIn(jar);
    jar.cookies.set(MULTI_SESSION_COOKIE, 'on');
    const chooser = await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/');
    const sub = /data-session="([^"]+)"/.exec(chooser.body)?.[1] ?? '';
    expect(testIdTexts(chooser.body, 'choice-arn')).toEqual([arn('alice')]);
    expect(testIdText((await jar.fetch(sandbox.current, `https://${sub}.us-east-1.console.aws.amazon.com/`)).body, 'signed-in-arn')).toBe(arn('alice'));
    // A second identity is added beside it.
    await signInMulti(jar, { roleArn: ROLES.readOnly });
    expect(testIdTexts((await jar.fetch(sandbox.current, 'https://console.aws.amazon.com/')).body, 'choice-arn')).toHaveLength(2);
  });

  it('state.multiSessionDefault applies to browsers without a choice; a browser\'s "off" wins', async () => {
    sandbox.current.state.multiSessionDefault = true;
    expect((await signIn(new CookieJar())).headers.location).toMatch(SUBDOMAIN_URL);
    expect((await signIn(new CookieJar({ [MULTI_SESSION_COOKIE]: 'off' }))).headers.location).toBe(DESTINATION);
  });

  it('the helpers give the cookie for Playwright and for a Cookie header', () => {
    expect(multiSessionCookie(true)).toMatchObject({ name: MULTI_SESSION_COOKIE, value: 'on', domain: '.aws.amazon.com', path: '/', secure: true });
    expect(multiSessionCookie(false, 'aws-cn')).toMatchObject({ value: 'off', domain: '.amazonaws.cn' });
    expect(multiSessionCookieHeader(true)).toBe(`${MULTI_SESSION_COOKIE}=on`);
  });
});

describe('the request log', () => {
  it('names session hosts but never holds a session cookie value', async () => {
    const jar = multiBrowser();
    const { url, subdomain } = await signInMulti(jar);
    await jar.fetch(sandbox.current, url);
    const log = JSON.stringify(sandbox.current.state.requests);
    for (const [name, value] of jar.cookies) if (name !== MULTI_SESSION_COOKIE) expect(log).not.toContain(value);
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ host: `${subdomain}.us-east-1.console.aws.amazon.com`, service: 'console', status: 200 });
  });
});
