/**
 * The console-session source end to end (issue 13), as an AWS Extend Switch Roles user meets it: no keys in the
 * extension; AESR's README configurations pasted as they are (shared fixtures), with the sandbox's own accounts
 * written the same way; the person signs in to the console with a password (and MFA), opens the popup over the
 * console tab and clicks a role: the console's own switch-role switches that tab.
 *
 * The configuration is support/aesr-config.ts (AESR's README examples as they are, `[AnotherRole]` included),
 * shared with console-offer.spec.ts.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { totp } from '../sandbox/mfa';
import { multiSessionCookie, SWITCH_REFUSED_MESSAGE } from '../sandbox/index';
import { ALICE, CAROL } from '../sandbox/seed';
import { expect, saveConfiguration, test } from './fixtures';
import { AESR_CONFIG } from './support/aesr-config';
import { clickRole, consoleSignIn, sessionsView } from './support/console-session';
import { badgeOf, tabIdOf } from './support/sessions';

const KEEP_PAGE = 'When switching from a console tab, open the new role on the same console page';
/** A deep console page (EC2's instance list), and where keep-my-page takes it for demo-dev (region eu-west-1). */
const DEEP_PAGE = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:instanceState=running;region=us-east-1';
const DEEP_PAGE_IN_EU = 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:instanceState=running;region=eu-west-1';
const PAGE_CHANGED = 'This console page changed and cannot be switched from; sign in with keys or Identity Center, or update the extension.';

/** Saves the configuration (no keys at all) and opens the popup in a tab of its own. */
async function setUp(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, AESR_CONFIG);
  await expect(options.getByRole('status')).toHaveText(/^Saved: \d+ roles, synced to your other browsers/);
  return extension.openPage('popup/index.html');
}

test('classic mode: a click switches the console tab to the role, on the same page in the role\u2019s region; no timer is made up', async ({ extension }) => {
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  await clickRole(popup, tab, 'demo-dev');

  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
  await expect(tab.getByTestId('switched-display-name')).toHaveText('demo-dev  |  222222222222');
  await expect(tab.getByTestId('switched-display-name')).toHaveAttribute('data-color', '2e7d32');
  expect(new URL(tab.url()).host).toBe('eu-west-1.console.aws.amazon.com');

  // The Sessions view lists it, with no countdown: the console does not say how long a switched role lasts.
  await expectListedWithoutTimer(extension, tab, 'demo-dev', 'browser session');
});

test('a role the console\u2019s identity may not assume: AWS\u2019s answer as one sentence, and the tab back where it was', async ({ extension }) => {
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  const before = tab.url();
  await clickRole(popup, tab, 'demo-breakglass');
  await expect(popup.getByRole('alert')).toContainText(`AWS refused to switch to demo-breakglass: ${SWITCH_REFUSED_MESSAGE}`);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:iam::111111111111:user/carol');
  expect(tab.url()).toBe(before);

  // AESR's README singles are offered everywhere; the sandbox has no such account, and AWS says so the same way.
  // The alert lies over the list until dismissed (nothing moves the rows): the person dismisses it first.
  await popup.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await clickRole(popup, tab, 'marketingadmin');
  await expect(popup.getByRole('alert')).toContainText(`AWS refused to switch to marketingadmin: ${SWITCH_REFUSED_MESSAGE}`);
});

test('a console page without its session data: the "page changed" sentence, nothing sent', async ({ extension, sandbox }) => {
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  sandbox.state.consoleWithoutSessionData = true;
  await tab.reload();
  await clickRole(popup, tab, 'demo-dev');
  await expect(popup.getByRole('alert')).toContainText(PAGE_CHANGED);
  // Retrying cannot help a page that changed: the alert offers no Retry, only its details and Dismiss.
  await expect(popup.getByRole('alert').getByRole('button')).toHaveText(['Copy details', 'Dismiss']);
  expect(sandbox.state.requests.some((r) => r.path.includes('switchrole'))).toBe(false);
});

test('multi-session mode: the switch adds a session on its own subdomain, opened in the console tab', async ({ extension }) => {
  await extension.context.addCookies([multiSessionCookie(true)]);
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: 'alice', password: ALICE.password }, totp(ALICE.totpSecret));
  await clickRole(popup, tab, 'demo-dev');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  expect(new URL(tab.url()).host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);

  await expectListedWithoutTimer(extension, tab, 'demo-dev', 'own session');
});

test('keep my page, classic mode: from a deep console page, the switch lands on the same page in the role\u2019s region', async ({ extension }) => {
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  await tab.goto(DEEP_PAGE);
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=us-east-1');
  await clickRole(popup, tab, 'demo-dev');

  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=eu-west-1');
  await expect(tab.getByTestId('console-region')).toHaveText('eu-west-1');
  expect(tab.url()).toBe(DEEP_PAGE_IN_EU);
});

test('keep my page, multi-session mode: the new session opens on the same page in the role\u2019s region', async ({ extension }) => {
  await extension.context.addCookies([multiSessionCookie(true)]);
  const popup = await setUp(extension);
  const tab = await consoleSignIn(extension, { name: 'alice', password: ALICE.password }, totp(ALICE.totpSecret));
  // Alice's own session host (`111111111111-<id>.us-east-1.console…`), on the deep page.
  const deep = new URL(DEEP_PAGE);
  deep.host = new URL(tab.url()).host;
  await tab.goto(deep.toString());
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=us-east-1');
  await clickRole(popup, tab, 'demo-dev');

  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=eu-west-1');
  const landed = new URL(tab.url());
  expect(landed.host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);
  expect(`${landed.pathname}${landed.search}${landed.hash}`).toBe(DEEP_PAGE_IN_EU.replace('https://eu-west-1.console.aws.amazon.com', ''));
});

test('keep my page off: the switch lands on the role\u2019s own destination, not the page the tab was on', async ({ extension }) => {
  const popup = await setUp(extension);
  const options = await extension.openPage('src/options/index.html');
  await options.getByRole('checkbox', { name: KEEP_PAGE }).uncheck();
  await options.reload();
  await expect(options.getByRole('checkbox', { name: KEEP_PAGE })).not.toBeChecked();

  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  await tab.goto(DEEP_PAGE);
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=us-east-1');
  await clickRole(popup, tab, 'demo-dev');

  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
  await expect(tab.getByTestId('console-path')).toHaveText('/console/home?region=eu-west-1');
  expect(tab.url()).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
});

/**
 * The switched session in the popup's Sessions view, once the console tab has reported it (its kind of session is
 * shown): no countdown, no end time, and no minutes on the tab's badge, since the console does not say how long a
 * switched role lasts.
 */
async function expectListedWithoutTimer(extension: ExtensionBrowser, tab: Page, profile: string, isolation: string): Promise<void> {
  const view = await sessionsView(extension);
  const item = view.getByRole('listitem', { name: profile });
  await expect(item).toContainText(isolation);
  await expect(item).toHaveAttribute('data-status', 'live');
  await expect(item.locator('.countdown')).toHaveCount(0);
  await expect(item).not.toContainText(/ends in|Signing in/);
  expect((await badgeOf(view, await tabIdOf(view, tab))).text).toBe('');
}
