/**
 * Following the console login to its end (src/background/sign-in/login-check.ts), with the browser's tab events
 * played by the test: a login that reaches the console is remembered as it was sent; one that stops on the sign-in
 * host (AWS's error page), or that gets nothing within LOGIN_DEADLINE_MS, gets a fresh sign-in token sent the other
 * way once, remembered when that works, with the popup's note; neither working says so; a tab the person closed or
 * took away is left alone. The end-to-end test (test/e2e/login-fallback.spec.ts) plays AWS refusing the POST; the
 * deadline is played here, with a fake clock, as waiting 15 s for nothing is no end-to-end test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, fire, resetFakeBrowser, type FakeTab } from '../sessions/fake-session-browser';
import type { LoginForm } from '../../../src/messages';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../sessions/fake-session-browser')).fakeBrowser }));
const launch = vi.hoisted(() => ({ openLogin: vi.fn() }));
vi.mock('../../../src/background/sign-in/login-launch', () => ({ LAUNCH_PAGE: 'src/launch/index.html', openLogin: launch.openLogin }));

const { confirmLogin } = await import('../../../src/background/sign-in/login-check');
const { bindTaken, markTaken, whenTaken } = await import('../../../src/background/sign-in/login-taken');
const { LOGIN_DEADLINE_MS, NEITHER_NOTE, switchedNote } = await import('../../../src/core/login-method');

const LAUNCH = fakeBrowser.runtime.getURL('src/launch/index.html');
const CONSOLE = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
const SIGNIN_ERROR = 'https://eu-west-1.signin.aws.amazon.com/federation';
const form = (method: 'post' | 'get', token: string): LoginForm => ({ action: SIGNIN_ERROR, fields: { Action: 'login', SigninToken: token }, method });

let tab: FakeTab;
let taken = 0;

/** The launch page takes a form (`login.take`), as the real one does once it loads. */
function takeForm(sent: LoginForm): void {
  const id = `launch-${++taken}`;
  bindTaken(id, sent);
  markTaken(id);
}

/** The tab shows a page: its address, then the page loaded. */
async function show(url: string): Promise<void> {
  tab.url = url;
  await fire(fakeBrowser.tabs.onUpdated, tab.id, { url }, tab);
  await fire(fakeBrowser.tabs.onUpdated, tab.id, { status: 'complete' }, { ...tab, status: 'complete' });
}

async function storedMethods(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('login.methods'))['login.methods'];
}

/** A login sent as `method` in a tab of the launch page, and what confirmLogin is given to send the other way. */
function check(method: 'post' | 'get') {
  const first = form(method, 'first-token');
  const fresh = vi.fn((other: 'post' | 'get') => Promise.resolve(form(other, 'fresh-token')));
  return { first, fresh, running: confirmLogin({ tabId: tab.id, partition: 'aws', method, first: whenTaken(first), freshForm: fresh }) };
}

beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers();
  tab = fakeBrowser.open(LAUNCH);
  taken = 0;
  launch.openLogin.mockReset().mockImplementation((sent: LoginForm) => {
    takeForm(sent);
    return Promise.resolve(tab.id);
  });
});
afterEach(() => vi.useRealTimers());

describe('the console login, followed to its end', () => {
  it('reaches the console as a form: remembered, nothing sent again, nothing to say', async () => {
    const { first, fresh, running } = check('post');
    takeForm(first);
    await vi.advanceTimersByTimeAsync(0);
    await show(CONSOLE);
    expect(await running).toEqual([]);
    expect(fresh).not.toHaveBeenCalled();
    expect(launch.openLogin).not.toHaveBeenCalled();
    expect(await storedMethods()).toEqual({ aws: 'post' });
  });

  it('stopped on the sign-in host: a fresh token sent as a link once, in the same tab; remembered, and said', async () => {
    const { first, fresh, running } = check('post');
    takeForm(first);
    await vi.advanceTimersByTimeAsync(0);
    await show(SIGNIN_ERROR);
    await vi.waitFor(() => expect(launch.openLogin).toHaveBeenCalledTimes(1));
    expect(fresh).toHaveBeenCalledWith('get');
    expect(launch.openLogin).toHaveBeenCalledWith(expect.objectContaining({ method: 'get', fields: expect.objectContaining({ SigninToken: 'fresh-token' }) as unknown }), { tabId: tab.id });
    await show(CONSOLE);
    expect(await running).toEqual([switchedNote('post', 'get', 'stopped')]);
    expect(await storedMethods()).toEqual({ aws: 'get' });
  });

  it('with nothing arriving in time: a fresh token sent the other way once when the deadline passes, not before', async () => {
    const { first, fresh, running } = check('post');
    takeForm(first);
    await vi.advanceTimersByTimeAsync(LOGIN_DEADLINE_MS - 1);
    expect(fresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(launch.openLogin).toHaveBeenCalledTimes(1));
    expect(fresh).toHaveBeenCalledWith('get');
    await show(CONSOLE);
    expect(await running).toEqual([switchedNote('post', 'get', 'timeout')]);
    expect(await storedMethods()).toEqual({ aws: 'get' });
  });

  it('reaching the console neither way: said once, nothing remembered, no third try', async () => {
    const { first, running } = check('post');
    takeForm(first);
    await vi.advanceTimersByTimeAsync(0);
    await show(SIGNIN_ERROR);
    await vi.waitFor(() => expect(launch.openLogin).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(LOGIN_DEADLINE_MS);
    expect(await running).toEqual([NEITHER_NOTE]);
    expect(launch.openLogin).toHaveBeenCalledTimes(1);
    expect(await storedMethods()).toBeUndefined();
  });

  it('leaves a tab the person took elsewhere, or closed, alone', async () => {
    const away = check('post');
    takeForm(away.first);
    await vi.advanceTimersByTimeAsync(0);
    await show('https://example.com/');
    expect(await away.running).toEqual([]);

    const closed = check('post');
    takeForm(closed.first);
    await vi.advanceTimersByTimeAsync(0);
    await fire(fakeBrowser.tabs.onRemoved, tab.id);
    expect(await closed.running).toEqual([]);
    expect(away.fresh).not.toHaveBeenCalled();
    expect(closed.fresh).not.toHaveBeenCalled();
    expect(launch.openLogin).not.toHaveBeenCalled();
  });
});
