/**
 * Auto-assume end to end (issue 13, opt-in, as AWS Extend Switch Roles users know it): carol signs in to the console
 * with her password, switches to a role from the popup, signs out, signs in again, and the tab is switched to that
 * role without a click; with the setting off it stays as carol; going back to carol by hand does not bounce back.
 *
 * The console's switch-role requests pass through a gate that counts them. In multi-session mode the test holds it
 * while it reads the page signed in as carol (the switch would otherwise replace it at once); a classic switch is a
 * navigation, and a page with a navigation on its way cannot be read, so there the helper waits for where it lands.
 * What the worker decided for a page shows in storage.session (`console.autoAssume`: the differentiator a tab's last
 * page showed, written when the work for that page, a switch included, is over): a test waits for it before saying
 * that nothing happened.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { multiSessionCookie } from '../sandbox/index';
import { CAROL } from '../sandbox/seed';
import { expect, saveConfiguration, test } from './fixtures';
import { clickRole, consoleSignIn, sessionsView } from './support/console-session';
import { bar, notificationIds, tabIdOf } from './support/sessions';

/** The sandbox's accounts in AESR's format: carol's account as the base, a role she may switch to. */
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

const SETTING = 'After I sign in to the console again, switch to the role I last switched to from it';
const CAROL_ARN = 'arn:aws:iam::111111111111:user/carol';
const DEV_ARN = 'arn:aws:sts::222222222222:assumed-role/Developer/carol';
const CAROL_LOGIN = { name: CAROL.name, password: CAROL.password };

/** The slice of the extension API used inside pages below (the tests do not load @types/chrome). */
declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

interface Gate {
  /** The switch-role requests so far (classic form or multi-session JSON), in order. */
  requests: string[];
  /** Holds the next switch-role requests until `open` (multi-session mode: a request the page fetches). */
  close(): void;
  open(): void;
}

async function switchGate(extension: ExtensionBrowser): Promise<Gate> {
  const requests: string[] = [];
  let held: Promise<void> = Promise.resolve();
  let release = () => undefined as void;
  await extension.context.route(/^https:\/\/signin\.aws\.amazon\.com\/(sessions\/[a-z0-9-]+\/v1\/)?switchrole$/, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    requests.push(route.request().url());
    await held;
    return route.continue();
  });
  return {
    requests,
    close() {
      held = new Promise((resolve) => {
        release = resolve;
      });
    },
    open() {
      release();
    },
  };
}

async function setUp(extension: ExtensionBrowser, autoAssume: boolean): Promise<{ options: Page; popup: Page }> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText(/^Saved: 1 role, synced to your other browsers/);
  if (autoAssume) await turnOn(options);
  return { options, popup: await extension.openPage('popup/index.html') };
}

/** Ticks the setting on the options page; the page read again shows it saved. */
async function turnOn(options: Page): Promise<void> {
  await options.getByRole('checkbox', { name: SETTING }).check();
  await options.reload();
  await expect(options.getByRole('checkbox', { name: SETTING })).toBeChecked();
}

/** The differentiator of the last console page the worker finished with in this tab. */
async function seenIn(from: Page, tabId: number): Promise<string | undefined> {
  return from.evaluate(async (id) => {
    const stored = (await chrome.storage.session.get('console.autoAssume'))['console.autoAssume'] as { tabs?: Record<string, { seen?: string }> } | undefined;
    return stored?.tabs?.[String(id)]?.seen;
  }, tabId);
}

/** Carol signs in, switches to demo-dev from the popup (remembered), and signs out of the console. */
async function switchOnceAndSignOut(popup: Page, extension: ExtensionBrowser): Promise<void> {
  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  await clickRole(popup, tab, 'demo-dev');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(DEV_ARN);
  await tab.goto('https://console.aws.amazon.com/logout');
  await expect(tab.getByTestId('signed-out')).toBeVisible();
}

test('signed in again, the console tab is switched to the role last switched to from it, without a click, as a click would', async ({ extension }) => {
  const { popup } = await setUp(extension, true);
  const gate = await switchGate(extension);
  await switchOnceAndSignOut(popup, extension);
  expect(gate.requests).toHaveLength(1);

  const tab = await consoleSignIn(extension, CAROL_LOGIN, undefined, DEV_ARN);
  await expect(tab.getByTestId('switched-display-name')).toHaveText('demo-dev  |  222222222222');
  // Keep my page, in the role's region; registered like a click's switch: the bar, the Sessions view.
  expect(new URL(tab.url()).host).toBe('eu-west-1.console.aws.amazon.com');
  await expect(bar(tab)).toContainText('demo-dev');
  const view = await sessionsView(extension);
  // The first switch's session, replaced by the sign-in, is listed as such; the new one is live.
  await expect(view.getByRole('listitem', { name: 'demo-dev' }).filter({ hasNotText: 'Replaced' })).toBeVisible();
  expect(gate.requests).toHaveLength(2);
});

test('with the setting off the console stays as carol, and turning it on later does not switch a tab signed in before', async ({ extension }) => {
  const { options, popup } = await setUp(extension, false);
  const gate = await switchGate(extension);
  await switchOnceAndSignOut(popup, extension);

  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  // Now on, and the page read again: the tab showed no sign-in page since the setting was on.
  await turnOn(options);
  await tab.reload();
  const differentiator = await tab.getByTestId('session-differentiator').textContent();
  const tabId = await tabIdOf(options, tab);
  await expect.poll(() => seenIn(options, tabId)).toBe(differentiator);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(CAROL_ARN);
  expect(gate.requests).toHaveLength(1);
});

test('multi-session: back to carol\u2019s own session by hand, the tab stays carol (no bounce)', async ({ extension }) => {
  await extension.context.addCookies([multiSessionCookie(true)]);
  const { options, popup } = await setUp(extension, true);
  const gate = await switchGate(extension);
  await switchOnceAndSignOut(popup, extension);

  gate.close();
  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  const base = await tab.getByTestId('session-differentiator').textContent();
  const baseUrl = tab.url();
  gate.open();
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(DEV_ARN);
  expect(new URL(tab.url()).host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);
  const tabId = await tabIdOf(options, tab);
  const switched = await tab.getByTestId('session-differentiator').textContent();
  await expect.poll(() => seenIn(options, tabId)).toBe(switched);

  // The person picks carol's own session again (the console's session menu opens its page).
  await tab.goto(baseUrl);
  await expect.poll(() => seenIn(options, tabId)).toBe(base);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(CAROL_ARN);
  expect(gate.requests).toHaveLength(2);
});

test('a switch AWS refuses: one notification, and the tab back as carol, not half-switched', async ({ extension }) => {
  const { options, popup } = await setUp(extension, true);
  const gate = await switchGate(extension);
  await switchOnceAndSignOut(popup, extension);
  // The remembered profile now names a role carol may not assume (the sandbox has no such role).
  await saveConfiguration(options, CONFIG.replace('role_name = Developer', 'role_name = Retired'));
  await expect(options.getByRole('status')).toHaveText(/^Saved: 1 role, synced to your other browsers/);

  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  await expect.poll(async () => (await notificationIds(options)).filter((id) => id.startsWith('console.autoAssume:'))).toHaveLength(1);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(CAROL_ARN);
  expect(new URL(tab.url()).host).toBe('console.aws.amazon.com');
  expect(await notificationIds(options)).toContain(`console.autoAssume:${await tabIdOf(options, tab)}`);
  expect(gate.requests).toHaveLength(2);
});
