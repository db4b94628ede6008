/** The console login leaves the background as a one-time form for the launch page, never as a URL. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readLaunchFragment } from '../../../src/core/launch-fragment';
import { isFederationAction, loginForm } from '../../../src/core/login-form';
import { dump, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { openLogin, prepareLogin, takeLogin, LAUNCH_PAGE } = await import('../../../src/background/sign-in/login-launch');

const TOKEN = 'SigninTokenSECRET-abcdefghijklmnopqrstuvwxyz0123456789';
const form = loginForm('aws', 'eu-west-1', TOKEN, 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');

beforeEach(() => resetFakeBrowser());

describe('the login form', () => {
  it('posts to the federation endpoint with no query, the token in the body', () => {
    expect(form.action).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(form.fields).toEqual({ Action: 'login', Issuer: 'role-switcher', Destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', SigninToken: TOKEN });
    expect(() => loginForm('aws', 'eu-west-1', TOKEN, 'https://evil.example/')).toThrow();
  });

  it('is only ever posted to a federation endpoint', () => {
    expect(isFederationAction(form.action)).toBe(true);
    expect(isFederationAction('https://signin.aws.amazon.com/federation')).toBe(true);
    expect(isFederationAction('https://signin.amazonaws.cn/federation')).toBe(true);
    expect(isFederationAction('https://signin.aws.amazon.com/federation?Action=login')).toBe(false);
    expect(isFederationAction('https://signin.aws.amazon.com.evil.example/federation')).toBe(false);
    expect(isFederationAction('http://signin.aws.amazon.com/federation')).toBe(false);
    expect(isFederationAction('not a url')).toBe(false);
  });

  it('opens the launch page with a one-time id, the token never in a URL, and is taken once', async () => {
    const now = Date.now();
    await openLogin(form, 'new-tab', now);
    const [tab] = fakeBrowser.tabs.opened;
    // The id, then the hosts the login goes to (the page connects to them ahead): never the token.
    expect(tab?.url).toMatch(new RegExp(`^chrome-extension://[a-p]{32}/${LAUNCH_PAGE}#[0-9a-f-]{36}/eu-west-1\\.signin\\.aws\\.amazon\\.com/eu-west-1\\.console\\.aws\\.amazon\\.com$`));
    expect(tab?.url).not.toContain(TOKEN);
    expect(dump(fakeBrowser.storage.local)).not.toContain(TOKEN);
    const { id } = readLaunchFragment(tab?.url.split('#')[1] ?? '');
    expect(await takeLogin(id, now + 1000)).toEqual(form);
    await expect(takeLogin(id, now + 2000)).rejects.toThrow(/already used or has expired/);
    expect(dump(fakeBrowser.storage.session)).not.toContain(TOKEN);
  });

  it('expires after a minute', async () => {
    const now = Date.now();
    await openLogin(form, 'new-tab', now);
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    await expect(takeLogin(id, now + 61_000)).rejects.toThrow(/expired/);
    expect(dump(fakeBrowser.storage.session)).not.toContain(TOKEN);
  });

  it('opens a new tab behind, before the form exists: the page waits for it, gets it from memory, then comes to the front', async () => {
    const prepared = await prepareLogin('new-tab', undefined, ['eu-west-1.signin.aws.amazon.com', 'evil.example']);
    const [tab] = fakeBrowser.tabs.opened;
    expect(tab).toMatchObject({ active: false });
    const { id, preconnect } = readLaunchFragment(tab?.url.split('#')[1] ?? '');
    expect(preconnect).toEqual(['eu-west-1.signin.aws.amazon.com']);
    let taken: unknown;
    const taking = takeLogin(id).then((value) => (taken = value));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(taken).toBeUndefined();
    expect(await prepared?.deliver(form)).toBe(tab?.id);
    await taking;
    expect(taken).toEqual(form);
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: true });
    // Handed over in memory: the form never went through storage, and it is taken once.
    expect(dump(fakeBrowser.storage.session)).not.toContain(TOKEN);
    expect(dump(fakeBrowser.storage.session)).not.toContain('login.pending');
    await expect(takeLogin(id)).rejects.toThrow(/already used or has expired/);
    // Its watch for the tab's closing ended with the hand-over.
    expect(fakeBrowser.tabs.onRemoved.count).toBe(0);
  });

  it('hands the form over to a page that asks only after it is ready', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    expect(await prepared?.deliver(form)).toBe(1);
    expect(await takeLogin(id)).toEqual(form);
    await expect(takeLogin(id)).rejects.toThrow(/already used or has expired/);
  });

  it('closes that tab when the sign-in fails, and its page learns there is nothing to take', async () => {
    const prepared = await prepareLogin('beside-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    const taking = takeLogin(id);
    await prepared?.abandon();
    await expect(taking).rejects.toThrow(/already used or has expired/);
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ closed: true });
    expect(fakeBrowser.tabs.onRemoved.count).toBe(0);
  });

  it('comes to the front when asked, before its form: the form is then handed over without switching tabs again', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    prepared?.front();
    await vi.waitFor(() => expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: true }));
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    expect(await prepared?.deliver(form)).toBe(1);
    expect(await takeLogin(id)).toEqual(form);
    expect(update).not.toHaveBeenCalled();
  });

  it('once in front, stays open when the sign-in fails, and its page is told why', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    const taking = takeLogin(id);
    prepared?.front();
    await vi.waitFor(() => expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: true }));
    const refused = new Error('The AWS sign-in endpoint refused the session (HTTP 503).');
    await prepared?.abandon(refused);
    await expect(taking).rejects.toBe(refused);
    expect(fakeBrowser.tabs.opened[0]?.closed).toBeUndefined();
    // Answered once: asked again, there is nothing to take.
    await expect(takeLogin(id)).rejects.toThrow(/already used or has expired/);
    expect(fakeBrowser.tabs.onRemoved.count).toBe(0);
  });

  it('once in front, tells a page that asks only after the failure (a slow page load) why', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    prepared?.front();
    const refused = new Error('The AWS sign-in endpoint refused the session (HTTP 503).');
    await prepared?.abandon(refused);
    await expect(takeLogin(id)).rejects.toBe(refused);
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: true });
    expect(fakeBrowser.tabs.opened[0]?.closed).toBeUndefined();
  });

  it('brought to the front and then closed by the person: a failure forgets it, nothing waits for it', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    prepared?.front();
    await fakeBrowser.tabs.remove(1);
    await prepared?.abandon(new Error('HTTP 503'));
    await expect(takeLogin(id)).rejects.toThrow(/already used or has expired/);
    expect(fakeBrowser.tabs.onRemoved.count).toBe(0);
  });

  it('when the browser refused to bring it to the front, tries again with the form, and a failure closes it as one behind', async () => {
    const refusing = () => Promise.reject(new Error('Tabs cannot be edited right now (user may be dragging a tab).'));
    const delivered = await prepareLogin('new-tab');
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockImplementationOnce(refusing);
    delivered?.front();
    expect(await delivered?.deliver(form)).toBe(1);
    expect(update).toHaveBeenCalledTimes(2);
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: true });

    const failed = await prepareLogin('new-tab');
    update.mockImplementationOnce(refusing);
    failed?.front();
    await failed?.abandon(new Error('HTTP 503'));
    expect(fakeBrowser.tabs.opened[1]).toMatchObject({ closed: true, active: false });
  });

  it('once given up, takes no form: the page in front keeps the failure it was told', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    prepared?.front();
    const refused = new Error('HTTP 503');
    await prepared?.abandon(refused);
    expect(await prepared?.deliver(form)).toBeUndefined();
    await expect(takeLogin(id)).rejects.toBe(refused);
  });

  it('behind, is closed when the sign-in fails whatever the error, and is not brought to the front after', async () => {
    const prepared = await prepareLogin('new-tab');
    await prepared?.abandon(new Error('AccessDenied'));
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ closed: true, active: false });
    prepared?.front();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fakeBrowser.tabs.opened[0]).toMatchObject({ active: false });
  });

  it('never opens the current tab ahead: the person\u2019s page stays until the form is ready', async () => {
    expect(await prepareLogin('current-tab')).toBeUndefined();
    expect(fakeBrowser.tabs.opened).toEqual([]);
  });

  it('hands nothing to a tab the person closed meanwhile: the caller opens the console the usual way', async () => {
    const prepared = await prepareLogin('new-tab');
    const { id } = readLaunchFragment(fakeBrowser.tabs.opened[0]?.url.split('#')[1] ?? '');
    await fakeBrowser.tabs.remove(1);
    expect(await prepared?.deliver(form)).toBeUndefined();
    expect(dump(fakeBrowser.storage.session)).not.toContain('SigninToken');
    // Its question, had it asked, learns there is nothing to take; the watch is over.
    await expect(takeLogin(id)).rejects.toThrow(/already used or has expired/);
    expect(fakeBrowser.tabs.onRemoved.count).toBe(0);
  });
});
