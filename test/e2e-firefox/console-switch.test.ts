/**
 * The console-session source in Firefox ESR (issue 13): no keys in the add-on; the person signs in to the sandbox
 * console as carol with the IAM-user form, opens the popup over that console tab and clicks a role, and the
 * console's own switch-role switches that tab. Proves that `scripting.executeScript` in the page's MAIN world works
 * with the built Firefox manifest (the anti-forgery token and the identity are page variables), and that the
 * popup's click reaches the tab in front. The tests run in order, on one Firefox.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { CAROL } from '../sandbox/seed';
import { activateTab, allTabs, sendFrom } from './extension-api';
import { firefoxOnSandbox } from './firefox-run';

/** AESR's format: the sandbox's identity account as the base, and a target it may switch to. */
const CONFIG = `
[demo-identity]
aws_account_id = 111111111111

[demo-dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = demo-identity
region = eu-west-1
color = 2e7d32
`;

const run = firefoxOnSandbox();

const testIdText = (page: Page, id: string) => page.$eval(`[data-testid="${id}"]`, (element) => element.textContent);

/** Signs in to the sandbox console with the IAM-user form, as a person would; waits until the console says who. */
async function consoleSignIn(user: { name: string; password: string }): Promise<Page> {
  const tab = await run.firefox.browser.newPage();
  await tab.goto('https://signin.aws.amazon.com/console');
  await tab.type('input[name="account"]', '111111111111');
  await tab.type('input[name="username"]', user.name);
  await tab.type('input[name="password"]', user.password);
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  await tab.waitForSelector('[data-testid="signed-in-arn"]');
  expect(await testIdText(tab, 'signed-in-arn')).toBe(`arn:aws:iam::111111111111:user/${user.name}`);
  return tab;
}

/** What the click came to: the popup's alert when it shows one (so a failure says why), else who the console tab shows. */
async function outcome(popup: Page, tab: Page): Promise<string> {
  const alert = await popup.$eval('[role="alert"]', (element) => element.textContent).catch(() => null);
  if (alert) return `popup alert: ${alert}`;
  return (await testIdText(tab, 'signed-in-arn').catch(() => null)) ?? '';
}

describe('Firefox: the console session in the tab', () => {
  it('switches the console tab to the role clicked in the popup over it', async () => {
    expect(await sendFrom(run.options, 'config.save', { text: CONFIG })).toMatchObject({ ok: true });
    const tab = await consoleSignIn({ name: CAROL.name, password: CAROL.password });
    const deep = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';
    await tab.goto(deep);
    await tab.waitForSelector('[data-testid="signed-in-arn"]');

    // The popup is a tab here (headless Firefox has no toolbar); the console tab is brought back in front, as it
    // is when the person opens the popup over it, and the click goes to the popup's page behind.
    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
    const consoleTab = (await allTabs(run.options)).find((t) => t.url === deep);
    if (!consoleTab) throw new Error('The console tab is not among the tabs the add-on sees.');
    await activateTab(run.options, consoleTab.id);
    await popup.click('[role="option"][data-profile="demo-dev"]');

    await expect.poll(() => outcome(popup, tab), { timeout: 20_000 }).toBe('arn:aws:sts::222222222222:assumed-role/Developer/carol');
    expect(await testIdText(tab, 'switched-display-name')).toBe('demo-dev  |  222222222222');
    // Keep my page: the same page, in the role's region.
    expect(tab.url()).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
    expect(run.sandbox.state.requests.filter((r) => r.path === '/switchrole').map((r) => r.status)).toEqual([302]);
    // The same tab, in the browser's own cookie jar: the console switch makes no container.
    const after = (await allTabs(run.options)).find((t) => t.id === consoleTab.id);
    expect(after).toMatchObject({ cookieStoreId: 'firefox-default', title: 'AWS Console - Developer' });
    await popup.close();
  });

  it('in multi-session mode, the switch adds the role\u2019s session and opens it in the console tab', async () => {
    // The console's mode for browsers that did not choose (this one has not): multi-session from now on.
    run.sandbox.state.multiSessionDefault = true;
    const tab = await consoleSignIn({ name: CAROL.name, password: CAROL.password });
    const base = new URL(tab.url()).host;
    expect(base).toMatch(/^111111111111-[a-z0-9]+\.us-east-1\.console\.aws\.amazon\.com$/);

    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
    const consoleTab = (await allTabs(run.options)).find((t) => t.url !== undefined && new URL(t.url).host === base);
    if (!consoleTab) throw new Error('The console tab is not among the tabs the add-on sees.');
    await activateTab(run.options, consoleTab.id);
    await popup.click('[role="option"][data-profile="demo-dev"]');

    await expect.poll(() => outcome(popup, tab), { timeout: 20_000 }).toBe('arn:aws:sts::222222222222:assumed-role/Developer/carol');
    expect(new URL(tab.url()).host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);
    // Sent from the console page with its cookies (the page's fetch, MAIN world), answered with the new session.
    expect(run.sandbox.state.requests.filter((r) => r.path.endsWith('/v1/switchrole') && r.method === 'POST').map((r) => r.status)).toEqual([200]);
    await popup.close();
  });
});
