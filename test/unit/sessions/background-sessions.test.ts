/**
 * The session registry in the background, against an in-memory browser: a sign-in registered, its login landing,
 * badges and the content script told, the warning once however often the alarms fire (and after the worker was
 * stopped: nothing is kept in memory), expiry, renewal in place, and the content script's display data.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInResult } from '../../../src/messages';
import { fakeBrowser, fire, resetFakeBrowser } from './fake-session-browser';
import { MINUTE } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));
vi.mock('../../../src/background/sign-in/sign-in', () => ({ signIn: vi.fn() }));

const { signIn } = await import('../../../src/background/sign-in/sign-in');
const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');
const { registerSignIn } = await import('../../../src/background/sessions/register');
const { onTabUpdated, onTabRemoved } = await import('../../../src/background/sessions/tabs');
const { onSessionAlarm, reconcileSessions } = await import('../../../src/background/sessions/timers');
const { DEADLINE_ALARM, TICK_ALARM } = await import('../../../src/background/sessions/schedule');
const { sessionHandlers } = await import('../../../src/background/sessions/handlers');
const { registerSessionListeners } = await import('../../../src/background/sessions/listeners');
const { readRegistry } = await import('../../../src/background/sessions/store');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const LAUNCH = `chrome-extension://${fakeBrowser.runtime.id}/src/launch/index.html`;
const LANDED = 'https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances';
const ARN = 'arn:aws:sts::222222222222:assumed-role/Developer/role-switcher';
const signInMock = vi.mocked(signIn);

function result(tabId: number, fields: Partial<SignInResult> = {}): SignInResult {
  return {
    profile: 'demo-dev',
    assumedRoleArn: ARN,
    expiresAt: T0 + 30 * MINUTE,
    consoleExpiresAt: T0 + 30 * MINUTE,
    durationSeconds: 1800,
    partition: 'aws',
    region: 'eu-west-1',
    destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    notes: [],
    tabId,
    ...fields,
  };
}

/** A sign-in whose login lands on a multi-session subdomain: the tab id and the session id. */
async function signedIn(): Promise<{ tab: number; id: string }> {
  const tab = fakeBrowser.open(LAUNCH);
  await registerSignIn(result(tab.id), T0);
  tab.url = LANDED;
  await onTabUpdated(tab.id, { url: LANDED }, tab);
  await onTabUpdated(tab.id, { status: 'complete' }, tab);
  const id = (await readRegistry()).sessions[0]?.id ?? '';
  return { tab: tab.id, id };
}

beforeEach(() => {
  resetFakeBrowser();
  signInMock.mockReset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('a sign-in', () => {
  it('is registered with its login on its way, then learns where it landed', async () => {
    const tab = fakeBrowser.open(LAUNCH);
    await registerSignIn(result(tab.id), T0);
    let [session] = (await readRegistry()).sessions;
    expect(session).toMatchObject({ profile: 'demo-dev', accountId: '222222222222', roleName: 'Developer', tabs: [tab.id], landingTab: tab.id, status: 'live', store: 'default' });
    expect(fakeBrowser.alarms.all.get(DEADLINE_ALARM)?.scheduledTime).toBe(T0 + 25 * MINUTE);

    tab.url = LANDED;
    await onTabUpdated(tab.id, { url: LANDED }, tab);
    await onTabUpdated(tab.id, { status: 'complete' }, tab);
    [session] = (await readRegistry()).sessions;
    expect(session).toMatchObject({ isolation: 'multi-session', subdomain: '222222222222-aaaa1111' });
    expect(fakeBrowser.badges.get(tab.id)).toEqual({ text: '30m', color: '#0972d3', title: 'demo-dev (222222222222): 30 min 00 s left' });
    expect(fakeBrowser.sentToTabs).toContain(tab.id);
    expect(fakeBrowser.alarms.all.get(TICK_ALARM)?.periodInMinutes).toBe(1);
  });

  it('is not lost to a registry failure: the sign-in\u2019s answer passes through', async () => {
    const answer = result(5, { assumedRoleArn: 'not an arn' });
    expect(await registerSignIn(answer, T0)).toBe(answer);
    expect((await readRegistry()).sessions).toEqual([]);
  });
});

describe('the timers', () => {
  it('warn once, however often and late the alarms fire, and end the session at its expiry', async () => {
    const { tab, id } = await signedIn();
    vi.setSystemTime(T0 + 26 * MINUTE);
    await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + 25 * MINUTE });
    await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + 25 * MINUTE });
    await onSessionAlarm({ name: TICK_ALARM, scheduledTime: T0 + 26 * MINUTE });
    // A new worker: nothing in memory, everything from storage.
    await reconcileSessions();
    expect(fakeBrowser.noticeLog).toEqual([`sessions.warn:${id}`]);
    expect(fakeBrowser.notices.get(`sessions.warn:${id}`)).toMatchObject({ title: 'AWS console session ends soon', buttons: [{ title: 'Renew' }] });
    expect(fakeBrowser.notices.get(`sessions.warn:${id}`)?.message).toMatch(/^demo-dev \(222222222222\) ends in 4 m 00 s, at /);
    expect(fakeBrowser.badges.get(tab)?.text).toBe('4m');
    expect(fakeBrowser.alarms.all.get(DEADLINE_ALARM)?.scheduledTime).toBe(T0 + 30 * MINUTE);

    vi.setSystemTime(T0 + 31 * MINUTE);
    await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + 30 * MINUTE });
    expect((await readRegistry()).sessions[0]?.status).toBe('expired');
    expect(fakeBrowser.notices.has(`sessions.warn:${id}`)).toBe(false);
    expect(fakeBrowser.badges.get(tab)).toMatchObject({ text: 'exp', title: 'demo-dev (222222222222): the console session has expired' });
    expect(fakeBrowser.alarms.all.has(DEADLINE_ALARM)).toBe(false);
    expect(fakeBrowser.alarms.all.has(TICK_ALARM)).toBe(false);
  });

  it('come back when the worker wakes: alarms the browser dropped are set again from the registry', async () => {
    await signedIn();
    fakeBrowser.alarms.all.clear();
    registerSessionListeners(); // what the worker's top level runs on every wake
    await vi.waitFor(() => expect(fakeBrowser.alarms.all.get(DEADLINE_ALARM)?.scheduledTime).toBe(T0 + 25 * MINUTE));
    expect(fakeBrowser.alarms.all.has(TICK_ALARM)).toBe(true);
  });

  it('renew without asking for a profile set to auto-renew, and warn when renewing needs a code', async () => {
    const { tab, id } = await signedIn();
    await sessionHandlers['sessions.saveSettings']({ autoRenew: { profile: 'demo-dev', on: true } });
    signInMock.mockResolvedValueOnce(result(tab, { consoleExpiresAt: T0 + 90 * MINUTE, expiresAt: T0 + 90 * MINUTE }));
    vi.setSystemTime(T0 + 26 * MINUTE);
    await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + 25 * MINUTE });
    expect(signInMock).toHaveBeenCalledWith({ profile: 'demo-dev', openIn: 'new-tab', interactive: false }, { tabId: tab, url: LANDED });
    expect(fakeBrowser.noticeLog).toEqual([]);
    expect((await readRegistry()).sessions[0]).toMatchObject({ consoleExpiresAt: T0 + 90 * MINUTE, warned: false, landingTab: tab });

    signInMock.mockRejectedValueOnce(new SignInError('mfa-required', 'Enter a code.'));
    vi.setSystemTime(T0 + 86 * MINUTE);
    await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + 85 * MINUTE });
    expect(fakeBrowser.noticeLog).toEqual([`sessions.warn:${id}`]);
    expect(fakeBrowser.notices.get(`sessions.warn:${id}`)?.message).toMatch(/needs your passphrase or an MFA code/);
  });
});

describe('renewing', () => {
  it('from the notification: the same tab, on the same console page; the other tabs follow once it lands', async () => {
    const { tab, id } = await signedIn();
    const other = fakeBrowser.open('https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/s3/buckets', { active: false });
    await onTabUpdated(other.id, { url: other.url }, other);
    registerSessionListeners();
    signInMock.mockResolvedValueOnce(result(tab, { consoleExpiresAt: T0 + 90 * MINUTE }));
    await fire(fakeBrowser.notifications.onButtonClicked, `sessions.warn:${id}`, 0);
    await vi.waitFor(async () => expect((await readRegistry()).sessions[0]?.consoleExpiresAt).toBe(T0 + 90 * MINUTE));
    expect(signInMock).toHaveBeenCalledWith({ profile: 'demo-dev', openIn: 'new-tab' }, { tabId: tab, url: LANDED });

    const renewed = 'https://222222222222-cccc3333.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances';
    await onTabUpdated(tab, { url: renewed }, { url: renewed });
    expect(fakeBrowser.openTabs.get(other.id)?.url).toBe('https://222222222222-cccc3333.eu-west-1.console.aws.amazon.com/s3/buckets');
    expect((await readRegistry()).sessions[0]).toMatchObject({ subdomain: '222222222222-cccc3333', tabs: [tab, other.id], status: 'live' });
  });

  it('from the notification, when it needs the passphrase: the popup\u2019s Sessions view opens to ask', async () => {
    const { id } = await signedIn();
    registerSessionListeners();
    signInMock.mockRejectedValueOnce(new SignInError('vault-locked', 'Unlock the vault.'));
    await fire(fakeBrowser.notifications.onButtonClicked, `sessions.warn:${id}`, 0);
    await vi.waitFor(() => expect([...fakeBrowser.openTabs.values()].map((t) => t.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/popup/index.html#renew=${id}`));
  });
});

describe('the content script\u2019s question', () => {
  it('is answered with display data for the sender\u2019s own console tab only', async () => {
    const { tab } = await signedIn();
    const answer = await sessionHandlers['sessions.tabInfo']({ page: { prismModeEnabled: true, differentiator: 'aaaa1111' } }, { tabId: tab, url: LANDED });
    expect(answer.display).toMatchObject({ profile: 'demo-dev', accountId: '222222222222', status: 'live', consoleExpiresAt: T0 + 30 * MINUTE });
    expect(JSON.stringify(answer)).not.toMatch(/assumed-role|ASIA|Token|secret/i);
    expect((await sessionHandlers['sessions.tabInfo']({ page: {} }, { tabId: tab, url: 'https://example.com/' })).display).toBeNull();
    expect((await sessionHandlers['sessions.tabInfo']({ page: {} }, { url: LANDED })).display).toBeNull();
    expect((await sessionHandlers['sessions.tabInfo']({ page: {} })).display).toBeNull();
  });
});

describe('the popup\u2019s actions', () => {
  it('lists sessions with their tabs, and forgets them', async () => {
    const { tab, id } = await signedIn();
    const listed = await sessionHandlers['sessions.list']({});
    expect(listed).toMatchObject({ warnMinutes: 5, modes: { aws: 'multi' }, full: [] });
    expect(listed.sessions).toMatchObject([{ id, profile: 'demo-dev', status: 'live', isolation: 'multi-session', tabs: [{ id: tab }], autoRenew: false }]);
    await sessionHandlers['sessions.forget']({ id });
    expect((await readRegistry()).sessions).toEqual([]);
    expect(fakeBrowser.badges.get(tab)?.text).toBe('');
  });

  it('signs a multi-session session out on its own host and closes its other tabs', async () => {
    const { tab, id } = await signedIn();
    const other = fakeBrowser.open(LANDED);
    await onTabUpdated(other.id, { url: LANDED }, other);
    await sessionHandlers['sessions.signOut']({ id });
    expect(fakeBrowser.openTabs.get(tab)?.url).toBe('https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/oauth?Action=logout');
    expect(fakeBrowser.openTabs.has(other.id)).toBe(false);
    expect((await readRegistry()).sessions).toEqual([]);
  });

  it('refuses a warning time out of range', async () => {
    await expect(sessionHandlers['sessions.saveSettings']({ warnMinutes: 61 })).rejects.toThrow(/from 1 to 60 minutes/);
    expect((await sessionHandlers['sessions.saveSettings']({ warnMinutes: 2 })).warnMinutes).toBe(2);
  });

  it('drop a closed tab from its session', async () => {
    const { tab } = await signedIn();
    await onTabRemoved(tab);
    expect((await readRegistry()).sessions[0]?.tabs).toEqual([]);
  });
});

describe('signing out', () => {
  it('a login not landed yet only closes its tab: its mode is unknown, and the federation logout would end every session', async () => {
    const tab = fakeBrowser.open(LAUNCH);
    await registerSignIn(result(tab.id), T0);
    const id = (await readRegistry()).sessions[0]?.id ?? '';
    await sessionHandlers['sessions.signOut']({ id });
    expect(fakeBrowser.openTabs.has(tab.id)).toBe(false);
    expect([...fakeBrowser.openTabs.values()]).toEqual([]);
  });

  it('a live single-session session logs the browser\u2019s console session out', async () => {
    const tab = fakeBrowser.open(LAUNCH);
    await registerSignIn(result(tab.id), T0);
    const landed = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
    tab.url = landed;
    await onTabUpdated(tab.id, { url: landed }, tab);
    const id = (await readRegistry()).sessions[0]?.id ?? '';
    await sessionHandlers['sessions.signOut']({ id });
    expect(fakeBrowser.openTabs.get(tab.id)?.url).toBe('https://signin.aws.amazon.com/oauth?Action=logout');
  });
});
