/**
 * Firefox ESR with the Firefox build against the sandbox: the add-on installs and its pages render; each role's
 * console opens in that role's own container (so two roles stay signed in side by side, even in the console's
 * single-session mode); "switch this tab" reopens a console tab in the other role's container; containers of
 * profiles that are gone are removed. The tests run in order, on one Firefox.
 */
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../manifest-firefox';
import { ALICE } from '../sandbox/seed';
import { activateTab, consoleCookieNames, consoleTabs, containers, sendFrom } from './extension-api';
import { firefoxOnSandbox } from './firefox-run';

const CONFIG = `
[alice]

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
color = #2e7d32

[demo-ro]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = eu-west-1
color = #1565c0
`;

const run = firefoxOnSandbox();

async function containerNamed(name: string) {
  const found = (await containers(run.options)).filter((container) => container.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('Firefox', () => {
  it('installs the add-on and renders its options page and popup', async () => {
    expect(run.firefox.addonId).toBe(GECKO_ID);
    expect(await run.options.$eval('h1', (heading) => heading.textContent)).toBe('Role Switcher for AWS');
    // Rendered by the page's script (Preact), not the static HTML: the options page's bundle runs in Firefox.
    expect(await run.options.$('textarea[aria-label="Configuration"]')).not.toBeNull();

    const saved = await sendFrom(run.options, 'config.save', { text: CONFIG });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, roleCount: 2 } });
    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
    expect(await popup.$('[role="option"][data-profile="demo-ro"]')).not.toBeNull();
    // The popup's opening mirror (localStorage, src/platform/opening-mirror.ts) works in Firefox too, so the next
    // opening renders its list before the page's load event.
    const mirrored = () => popup.evaluate(() => /"profile":"demo-ro"/.test(localStorage.getItem('opening.index') ?? ''));
    for (let i = 0; i < 50 && !(await mirrored()); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await mirrored()).toBe(true);
    await popup.close();
    const again = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
    const rendered = await again.evaluate(() => {
      const received = performance.getEntriesByName('popup:roles-received')[0]?.startTime ?? Infinity;
      return received < (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
    });
    expect(rendered).toBe(true);
    await again.close();
  });

  it('opens each role\u2019s console in its own container, both signed in side by side', async () => {
    expect(await sendFrom(run.options, 'vault.create', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
    expect(await sendFrom(run.options, 'keys.set', { source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey })).toMatchObject({ ok: true });

    // A person's click in the popup (a tab here: headless Firefox has no toolbar).
    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
    await popup.click('[role="option"][data-profile="demo-dev"]');
    await run.signedInTabs(1);
    await popup.click('[role="option"][data-profile="demo-ro"]');
    const tabs = await run.signedInTabs(2);

    const dev = await containerNamed('demo-dev');
    const ro = await containerNamed('demo-ro');
    expect(dev).toMatchObject({ color: 'green', icon: 'fingerprint' });
    expect(ro).toMatchObject({ color: 'blue', icon: 'fingerprint' });
    expect(tabs.map((tab) => [tab.title, tab.cookieStoreId]).sort()).toEqual([
      ['AWS Console - Developer', dev?.cookieStoreId],
      ['AWS Console - ReadOnly', ro?.cookieStoreId],
    ]);
    expect(tabs.every((tab) => tab.url?.startsWith('https://eu-west-1.console.aws.amazon.com/'))).toBe(true);

    // The sandbox console is in single-session mode (a login replaces the browser's session), yet both live:
    // each container is its own cookie jar. The browser's default jar holds no console session.
    const sessions = [...run.sandbox.state.consoleSessions.values()];
    expect(sessions.map((session) => [session.assumedRoleArn, session.endReason ?? 'live']).sort()).toEqual([
      ['arn:aws:sts::222222222222:assumed-role/Developer/alice', 'live'],
      ['arn:aws:sts::333333333333:assumed-role/ReadOnly/alice', 'live'],
    ]);
    expect(await consoleCookieNames(run.options, dev?.cookieStoreId ?? '')).toContain('aws-sandbox-console-session');
    expect(await consoleCookieNames(run.options, ro?.cookieStoreId ?? '')).toContain('aws-sandbox-console-session');
    expect(await consoleCookieNames(run.options, 'firefox-default')).not.toContain('aws-sandbox-console-session');
    await popup.close();
  });

  it('"switch this tab" reopens the console tab in the other role\u2019s container, in its place', async () => {
    const before = await run.signedInTabs(2);
    const devTab = before.find((tab) => tab.title === 'AWS Console - Developer');
    if (!devTab) throw new Error('No Developer console tab.');
    await activateTab(run.options, devTab.id);

    const switched = await sendFrom(run.options, 'signIn', { profile: 'demo-ro', openIn: 'current-tab' });
    expect(switched).toMatchObject({ ok: true });
    const newTabId = (switched.value as { tabId?: number }).tabId;

    await expect.poll(async () => (await consoleTabs(run.options)).some((tab) => tab.id === devTab.id), { timeout: 15_000 }).toBe(false);
    const after = await run.signedInTabs(2);
    const ro = await containerNamed('demo-ro');
    expect(after.find((tab) => tab.id === newTabId)).toMatchObject({ index: devTab.index, title: 'AWS Console - ReadOnly', cookieStoreId: ro?.cookieStoreId });
    expect(after.map((tab) => tab.title)).toEqual(['AWS Console - ReadOnly', 'AWS Console - ReadOnly']);
  });

  it('opens in the role\u2019s container beside the current tab and in a new window too', async () => {
    const ro = await containerNamed('demo-ro');
    for (const openIn of ['beside-tab', 'new-window']) {
      const answer = await sendFrom(run.options, 'signIn', { profile: 'demo-ro', openIn });
      expect(answer, openIn).toMatchObject({ ok: true });
      const tabId = (answer.value as { tabId?: number }).tabId;
      await expect.poll(async () => (await consoleTabs(run.options)).find((tab) => tab.id === tabId)?.cookieStoreId, { timeout: 15_000 }).toBe(ro?.cookieStoreId);
    }
  });

  it('removes its container of a profile that is gone, once no tab uses it; the person’s own stay', async () => {
    const before = (await containers(run.options)).map((container) => container.name);
    expect(before).toEqual(expect.arrayContaining(['Personal', 'Work', 'demo-dev', 'demo-ro']));
    const withoutDev = CONFIG.replace(/\[demo-dev\][^[]*/, '');
    expect(await sendFrom(run.options, 'config.save', { text: withoutDev })).toMatchObject({ ok: true, value: { roleCount: 1 } });
    expect((await containers(run.options)).map((container) => container.name)).toEqual(before.filter((name) => name !== 'demo-dev'));
  });
});
