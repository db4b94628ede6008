/**
 * Auto-assume's worker side (sources/console/auto-assume.ts) with the console page and the switch stubbed: the
 * setting gates everything, a sign-in is switched once to the role remembered, and a failure is one notification.
 * The console e2e (test/e2e/console-auto-assume.spec.ts) runs the same against the sandbox's pages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { switchOffer } from '../../../src/core/console-switch/offer';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({ loadConfig: vi.fn(), readConsoleInFront: vi.fn(), switchConsole: vi.fn(), showNotice: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));
vi.mock('../../../src/background/sources/console/console-in-front', () => ({ readConsoleInFront: stub.readConsoleInFront }));
vi.mock('../../../src/background/sources/console/console-sign-in', () => ({ switchConsole: stub.switchConsole }));
vi.mock('../../../src/background/sessions/register', () => ({ registerSignIn: (result: unknown) => result }));
vi.mock('../../../src/platform/notifications', () => ({ showNotice: stub.showNotice }));
vi.mock('../../../src/platform/i18n', () => ({ message: (key: string, ...values: string[]) => [key, ...values].join(' ') }));

const { consolePageIn, signInPageIn, tabClosed } = await import('../../../src/background/sources/console/auto-assume');
const { forgetGoneProfiles, rememberSwitch } = await import('../../../src/background/sources/console/last-role');
const { saveSignInSettings } = await import('../../../src/background/sign-in/settings');
const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');

const CONFIG = parseConfig(`
[demo-identity]
aws_account_id = 111111111111

[demo-dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = demo-identity
`);
const CAROL = { account: '111111111111', name: 'carol' };
const URL_ = 'https://console.aws.amazon.com/console/home';

/** The console page as readConsoleInFront answers for it: carol's own session `differentiator`, or a switched one. */
function front(differentiator: string, switched = false) {
  return {
    tab: { id: 1, index: 0, url: URL_ },
    page: {
      partition: 'aws', signinHost: 'signin.aws.amazon.com', multiSession: false, csrf: 'c', account: '1111-1111-1111', user: 'carol', differentiator,
      ...(switched && { roleAccount: '2222-2222-2222', roleUser: 'Developer' }),
    },
    base: CAROL,
    offer: switchOffer(CONFIG, CAROL),
  };
}

async function storedState(): Promise<unknown> {
  return (await fakeBrowser.storage.session.get('console.autoAssume'))['console.autoAssume'];
}

beforeEach(async () => {
  resetFakeBrowser();
  await fakeBrowser.tabs.create({ url: URL_ });
  stub.loadConfig.mockReset().mockResolvedValue(CONFIG);
  stub.readConsoleInFront.mockReset().mockResolvedValue(front('base1'));
  stub.switchConsole.mockReset().mockResolvedValue({ profile: 'demo-dev' });
  stub.showNotice.mockReset().mockResolvedValue(undefined);
  await rememberSwitch('aws', CAROL, 'demo-dev');
});

describe('with the setting off (the default)', () => {
  it('nothing is read, written or switched', async () => {
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base1');
    expect(stub.readConsoleInFront).not.toHaveBeenCalled();
    expect(stub.switchConsole).not.toHaveBeenCalled();
    expect(await storedState()).toBeUndefined();
  });
});

describe('with the setting on', () => {
  beforeEach(async () => {
    await saveSignInSettings({ autoAssumeLastRole: true, keepPage: true });
  });

  it('a sign-in is switched to the role remembered, in its own tab, once', async () => {
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base1');
    expect(stub.switchConsole).toHaveBeenCalledTimes(1);
    const [, target, tab, options] = stub.switchConsole.mock.calls[0] as [unknown, { name: string }, { id: number }, unknown];
    expect(target.name).toBe('demo-dev');
    expect(tab.id).toBe(1);
    expect(options).toEqual({ keepPage: true, openIn: 'current-tab' });
    // The same page again, a reload, another tab of the same sign-in: decided already.
    await consolePageIn(1, URL_, 'base1');
    await signInPageIn(2);
    await consolePageIn(2, URL_, 'base1');
    expect(stub.switchConsole).toHaveBeenCalledTimes(1);
  });

  it('no sign-in page in the tab: nothing (a restored tab, a second console tab)', async () => {
    await consolePageIn(1, URL_, 'base1');
    expect(stub.readConsoleInFront).not.toHaveBeenCalled();
    expect(stub.switchConsole).not.toHaveBeenCalled();
  });

  it('a switched page, another session than reported, or a role the console no longer offers: nothing', async () => {
    stub.readConsoleInFront.mockResolvedValue(front('base1', true));
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base1');
    stub.readConsoleInFront.mockResolvedValue(front('other'));
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base2');
    await rememberSwitch('aws', CAROL, 'gone-role');
    stub.readConsoleInFront.mockResolvedValue(front('base3'));
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base3');
    expect(stub.switchConsole).not.toHaveBeenCalled();
  });

  it('a failed switch is one notification with its sentence, and the base page it leaves is not switched again', async () => {
    stub.switchConsole.mockRejectedValue(new SignInError('federation-error', 'AWS refused to switch to demo-dev: no.'));
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base1');
    expect(stub.showNotice).toHaveBeenCalledTimes(1);
    expect(stub.showNotice).toHaveBeenCalledWith('console.autoAssume:1', { title: 'autoAssumeFailedTitle demo-dev', message: 'AWS refused to switch to demo-dev: no.' });
    await consolePageIn(1, URL_, 'base1');
    expect(stub.switchConsole).toHaveBeenCalledTimes(1);
  });

  it('signed in anew in the same tab: switched again', async () => {
    await signInPageIn(1);
    await consolePageIn(1, URL_, 'base1');
    await consolePageIn(1, URL_, undefined);
    await signInPageIn(1);
    stub.readConsoleInFront.mockResolvedValue(front('base2'));
    await consolePageIn(1, URL_, 'base2');
    expect(stub.switchConsole).toHaveBeenCalledTimes(2);
  });

  it('a closed tab is forgotten', async () => {
    await signInPageIn(1);
    await tabClosed(1);
    expect(await storedState()).toEqual({ tabs: {}, done: [] });
  });
});

describe('the memory', () => {
  it('forgets profiles gone from the configuration', async () => {
    await rememberSwitch('aws', { account: '111111111111', name: 'bob' }, 'gone-role');
    await forgetGoneProfiles();
    expect((await fakeBrowser.storage.local.get('console.lastRoles'))['console.lastRoles']).toEqual({ 'aws|111111111111|carol': 'demo-dev' });
  });
});
