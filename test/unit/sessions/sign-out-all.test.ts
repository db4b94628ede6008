/**
 * "Sign out of all sessions" (issue 14): one message signs every session in the list out as `sessions.signOut` does:
 * each on its own multi-session host; single-session, only the live one logs the browser's console out (a replaced
 * one's logout would end the session that replaced it), and a login not landed yet only closes its tab.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInResult } from '../../../src/messages';
import { fakeBrowser, resetFakeBrowser } from './fake-session-browser';
import { MINUTE } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));
vi.mock('../../../src/background/sign-in/sign-in', () => ({ signIn: vi.fn() }));

const { registerSignIn } = await import('../../../src/background/sessions/register');
const { onTabUpdated } = await import('../../../src/background/sessions/tabs');
const { sessionHandlers } = await import('../../../src/background/sessions/handlers');
const { readRegistry } = await import('../../../src/background/sessions/store');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const LAUNCH = `chrome-extension://${fakeBrowser.runtime.id}/src/launch/index.html`;

function result(tabId: number, profile: string, account: string): SignInResult {
  return {
    profile,
    assumedRoleArn: `arn:aws:sts::${account}:assumed-role/Developer/role-switcher`,
    expiresAt: T0 + 30 * MINUTE,
    consoleExpiresAt: T0 + 30 * MINUTE,
    durationSeconds: 1800,
    partition: 'aws',
    region: 'eu-west-1',
    destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    notes: [],
    tabId,
  };
}

/** A sign-in whose login lands on `landed`: its tab. */
async function signedIn(profile: string, account: string, landed: string) {
  const tab = fakeBrowser.open(LAUNCH);
  await registerSignIn(result(tab.id, profile, account), Date.now());
  tab.url = landed;
  await onTabUpdated(tab.id, { url: landed }, tab);
  await onTabUpdated(tab.id, { status: 'complete' }, tab);
  return tab;
}

beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('signing out of all sessions', () => {
  it('logs each multi-session session out on its own host and empties the list', async () => {
    const dev = await signedIn('demo-dev', '222222222222', 'https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/ec2/home');
    const prod = await signedIn('demo-prod', '333333333333', 'https://333333333333-bbbb2222.eu-west-1.console.aws.amazon.com/s3/home');
    expect((await readRegistry()).sessions).toHaveLength(2);
    expect(await sessionHandlers['sessions.signOutAll']({})).toEqual({ signedOut: 2 });
    expect(fakeBrowser.openTabs.get(dev.id)?.url).toBe('https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/oauth?Action=logout');
    expect(fakeBrowser.openTabs.get(prod.id)?.url).toBe('https://333333333333-bbbb2222.eu-west-1.console.aws.amazon.com/oauth?Action=logout');
    expect((await readRegistry()).sessions).toEqual([]);
  });

  it('single-session: the federation\u2019s logout only from the live session; the replaced and the pending only close', async () => {
    const landed = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
    const replaced = await signedIn('demo-dev', '222222222222', landed);
    const live = await signedIn('demo-prod', '333333333333', landed);
    const pending = fakeBrowser.open(LAUNCH);
    await registerSignIn(result(pending.id, 'demo-ops', '444444444444'), Date.now());
    expect((await readRegistry()).sessions.map((session) => session.status)).toEqual(['replaced', 'live', expect.any(String)]);
    expect(await sessionHandlers['sessions.signOutAll']({})).toEqual({ signedOut: 3 });
    const logouts = [...fakeBrowser.openTabs.values()].filter((tab) => tab.url.includes('Action=logout'));
    expect(logouts.map((tab) => [tab.id, tab.url])).toEqual([[live.id, 'https://signin.aws.amazon.com/oauth?Action=logout']]);
    expect(fakeBrowser.openTabs.has(replaced.id)).toBe(false);
    expect(fakeBrowser.openTabs.has(pending.id)).toBe(false);
    expect((await readRegistry()).sessions).toEqual([]);
    expect(await sessionHandlers['sessions.signOutAll']({})).toEqual({ signedOut: 0 });
  });
});
