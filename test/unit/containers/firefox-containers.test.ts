/**
 * The role's container in a (fake) Firefox: made once and reused, kept in the profile's colour, shared by racing
 * sign-ins, cleaned up; the launch page opens in it. In a (fake) Chrome nothing changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loginForm } from '../../../src/core/login-form';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { fakeContextualIdentities, fakeFirefoxTabs, installFirefox, uninstallFirefox } from '../fakes/firefox';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { containerFor, removeStaleContainers } = await import('../../../src/platform/containers');
const { openLogin } = await import('../../../src/background/sign-in/login-launch');
const { readStored } = await import('../../../src/platform/storage');

const prod = { name: 'prod-admin', color: '#c62828' };
const dev = { name: 'dev', color: '#2e7d32' };
const form = loginForm('aws', 'eu-west-1', 'TOKEN', 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');

beforeEach(() => {
  resetFakeBrowser();
  uninstallFirefox(fakeBrowser);
});

describe('containers in Firefox', () => {
  it('makes the role\u2019s container once, then reuses it by name', async () => {
    const { identities } = installFirefox(fakeBrowser);
    const id = await containerFor(prod);
    expect(identities.containers).toEqual([{ cookieStoreId: id, name: 'prod-admin', color: 'red', icon: 'fingerprint' }]);
    expect(await containerFor(prod)).toBe(id);
    expect(identities.calls.filter((call) => call.startsWith('create'))).toEqual(['create prod-admin']);
    expect(await readStored('containers.owned')).toEqual([id]);
  });

  it('recolours its own container when the profile\u2019s colour changes', async () => {
    const { identities } = installFirefox(fakeBrowser);
    const id = await containerFor(prod);
    expect(await containerFor({ ...prod, color: '#6a1b9a' })).toBe(id);
    expect(identities.containers[0]?.color).toBe('purple');
  });

  it('never signs into a container the person made, even one named like the profile: it makes its own beside it', async () => {
    const { identities } = installFirefox(fakeBrowser, fakeContextualIdentities([{ name: 'prod-admin', color: 'yellow', icon: 'briefcase' }]));
    const id = await containerFor(prod);
    expect(id).not.toBe('firefox-container-1');
    expect(identities.containers.map((c) => [c.cookieStoreId, c.name, c.color])).toEqual([['firefox-container-1', 'prod-admin', 'yellow'], [id, 'prod-admin', 'red']]);
    expect(await readStored('containers.owned')).toEqual([id]);
    expect(await containerFor(prod)).toBe(id);
  });

  it('gives two racing sign-ins one container of its own, never the person\u2019s of the same name', async () => {
    const { identities } = installFirefox(fakeBrowser, fakeContextualIdentities([{ name: 'prod-admin', color: 'yellow', icon: 'briefcase' }]));
    const [first, second] = await Promise.all([containerFor(prod), containerFor(prod)]);
    expect(first).toBe(second);
    expect(first).not.toBe('firefox-container-1');
    expect(identities.containers.map((c) => c.cookieStoreId)).toEqual(['firefox-container-1', first]);
  });

  it('gives two sign-ins of one role racing each other the same single container', async () => {
    const { identities } = installFirefox(fakeBrowser);
    const [first, second] = await Promise.all([containerFor(prod), containerFor(prod)]);
    expect(identities.calls.filter((call) => call.startsWith('create'))).toHaveLength(2);
    expect(first).toBe(second);
    expect(identities.containers.map((container) => container.cookieStoreId)).toEqual([first]);
    expect(await readStored('containers.owned')).toEqual([first]);
  });

  it('makes a new one when the person removed the old one', async () => {
    const { identities } = installFirefox(fakeBrowser);
    const old = await containerFor(prod);
    identities.containers.splice(0, 1);
    const made = await containerFor(prod);
    expect(made).not.toBe(old);
    expect(await readStored('containers.owned')).toEqual([made]);
  });

  it('removes its containers of profiles that are gone, unless a tab is open in one', async () => {
    const { identities, tabs } = installFirefox(fakeBrowser, fakeContextualIdentities([{ name: 'gone', color: 'red', icon: 'circle' }]));
    const prodId = await containerFor(prod);
    const devId = await containerFor(dev);
    await containerFor({ name: 'old-role' });
    tabs.tabs.push({ id: 7, index: 1, windowId: 1, url: 'https://console.aws.amazon.com/', active: false, incognito: false, cookieStoreId: devId ?? '' });
    await removeStaleContainers(['prod-admin']);
    expect(identities.containers.map((container) => container.name)).toEqual(['gone', 'prod-admin', 'dev']);
    expect(await readStored('containers.owned')).toEqual([prodId, devId]);
  });

  it('answers no container when Firefox has containers switched off', async () => {
    const { identities } = installFirefox(fakeBrowser);
    identities.disabled = true;
    expect(await containerFor(prod)).toBeUndefined();
    await removeStaleContainers([]);
    expect(await readStored('containers.owned')).toBeUndefined();
  });
});

describe('opening the console in the role\u2019s container', () => {
  it('opens the launch page in the container, in a new tab', async () => {
    const { tabs } = installFirefox(fakeBrowser);
    const tabId = await openLogin(form, 'new-tab', Date.now(), prod);
    const id = await containerFor(prod);
    expect(tabs.created).toEqual([expect.objectContaining({ url: expect.stringMatching(/src\/launch\/index\.html#/) as unknown, cookieStoreId: id })]);
    expect(tabs.tabs.find((tab) => tab.id === tabId)?.cookieStoreId).toBe(id);
  });

  it('"switch this tab": reopens the tab in the other role\u2019s container, in its place, and closes the old one', async () => {
    const { tabs } = installFirefox(fakeBrowser, fakeContextualIdentities(), fakeFirefoxTabs([{}, { url: 'https://x.example/' }]));
    const first = await openLogin(form, 'current-tab', Date.now(), prod);
    expect(tabs.removed).toEqual([100]);
    expect(tabs.tabs.map((tab) => tab.id)).toEqual([first, 101]);

    tabs.tabs.forEach((tab) => (tab.active = tab.id === first));
    const second = await openLogin(form, 'current-tab', Date.now(), dev);
    expect(tabs.removed).toEqual([100, first]);
    expect(tabs.tabs.map((tab) => [tab.id, tab.cookieStoreId])).toEqual([[second, await containerFor(dev)], [101, 'firefox-default']]);
  });

  it('navigates the tab in place when it is already in the role\u2019s container', async () => {
    const { tabs } = installFirefox(fakeBrowser);
    const id = await containerFor(prod);
    if (tabs.tabs[0] && id) tabs.tabs[0].cookieStoreId = id;
    await openLogin(form, 'current-tab', Date.now(), prod);
    expect(tabs.created).toEqual([]);
    expect(tabs.updated).toHaveLength(1);
  });

  it('uses no container in a private window (Firefox refuses one there)', async () => {
    const { tabs } = installFirefox(fakeBrowser, fakeContextualIdentities(), fakeFirefoxTabs([{ incognito: true, cookieStoreId: 'firefox-private' }]));
    await openLogin(form, 'beside-tab', Date.now(), prod);
    expect(tabs.created[0]).not.toHaveProperty('cookieStoreId');
  });

  it('in Chrome (no contextualIdentities) opens exactly as before', async () => {
    await openLogin(form, 'new-tab', Date.now(), prod);
    expect(await containerFor(prod)).toBeUndefined();
    expect(fakeBrowser.tabs.opened).toHaveLength(1);
    expect(await readStored('containers.owned')).toBeUndefined();
  });
});
