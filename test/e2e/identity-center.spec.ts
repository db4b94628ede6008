/**
 * IAM Identity Center as a person meets it: a configuration with an sso-session, a click on a role, the AWS page
 * where they sign in and allow the code, and the console signed in as the permission set. Later clicks need no
 * approval while the token lives; an expiring or expired token is refreshed; a revoked one asks again; a denial says so; a
 * console session counts down its role credentials' lifetime and renews without a prompt.
 */
import type { Page } from '@playwright/test';
import { ACME } from '../sandbox/sso-seed';
import { expect, saveConfiguration, test } from './fixtures';
import type { ExtensionBrowser } from '../launch/browser';
import { ACME_DEV_CONFIG, answerOnAwsPage, consoleTab } from './support/identity-center';
import { storedSessions } from './support/sessions';
import { expireAccessTokens } from '../sandbox/sso-state';

const CONFIG = `${ACME_DEV_CONFIG}
[profile acme-prod-readonly]
sso_session = acme
sso_account_id = ${ACME.accounts.prod}
sso_role_name = ReadOnlyAccess
region = eu-central-1

[profile acme-prod-deployer]
role_arn = arn:aws:iam::${ACME.accounts.prod}:role/Deployer
source_profile = acme-prod-readonly
duration_seconds = 3600
`;

async function configure(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 3 roles, synced to your other browsers.');
  return extension.openPage('popup/index.html');
}

/** Clicks a role and approves the device code on the AWS page that opens, as a person would; returns that page. */
async function clickAndApprove(extension: ExtensionBrowser, popup: Page, profile: string, decision: 'Allow' | 'Deny' = 'Allow'): Promise<void> {
  const opened = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.'));
  await popup.getByRole('option', { name: profile, exact: true }).click();
  const verification = await opened;
  const code = await verification.getByTestId('user-code').textContent();
  // The popup shows the same code to compare, with a way out.
  await expect(popup.getByRole('status')).toContainText(`approve code ${code ?? '?'}`);
  await expect(popup.getByRole('button', { name: 'Cancel sign-in' })).toBeVisible();
  await answerOnAwsPage(verification, decision);
  if (decision === 'Allow') await expect.poll(() => verification.isClosed(), { timeout: 10_000 }).toBe(true);
}

test('a device sign-in once, then every role of that start URL in one click, chained roles too', async ({ extension, sandbox }) => {
  const popup = await configure(extension);
  const consoleOpens = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  const tab = await consoleOpens;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/);
  await expect(popup.getByRole('status')).toHaveText('Signed in as acme-dev-admin (AdministratorAccess · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_/);
  // One registration, one device authorization, then polls until the approval (the popup's warming, an unsigned
  // HEAD / that opens the connection, aside: test/e2e/warming.spec.ts checks it).
  const oidc = sandbox.state.requests.filter((r) => r.service === 'oidc' && r.method !== 'HEAD').map((r) => r.action);
  expect(oidc.slice(0, 2)).toEqual(['RegisterClient', 'StartDeviceAuthorization']);
  expect(new Set(oidc.slice(2))).toEqual(new Set(['CreateToken:urn:ietf:params:oauth:grant-type:device_code']));
  // No SessionDuration for role credentials (temporary): the console lasts as long as they do.
  expect([...sandbox.state.signinTokens.values()].every((t) => t.sessionDuration === undefined)).toBe(true);

  // A second role of the same start URL: one click, no new approval.
  const deviceRequests = () => sandbox.state.requests.filter((r) => r.path === '/device_authorization').length;
  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-prod-deployer', exact: true }).click();
  const deployer = await second;
  await expect(deployer.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/Deployer/jane');
  expect(deviceRequests()).toBe(1);
  const hosts = sandbox.state.requests.map((r) => `${r.host} ${r.action ?? r.path}`);
  expect(hosts).toContain('portal.sso.eu-west-1.amazonaws.com GetRoleCredentials');
  expect(hosts.filter((line) => line.endsWith(' AssumeRole'))).toHaveLength(1); // the chained hop, from the role credentials
});

test('a denied approval says so in one sentence and leaves the popup usable', async ({ extension }) => {
  const popup = await configure(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin', 'Deny');
  await expect(popup.getByRole('alert')).toContainText('The sign-in was denied on the AWS page. Sign in again and choose Allow.');
  await expect(popup.getByRole('option', { name: 'acme-prod-readonly', exact: true })).toBeVisible();
});

test('an access token near its end is refreshed without a prompt; a revoked refresh token asks again', async ({ extension, sandbox }) => {
  // Tokens that live 10 minutes: already inside the 15-minute refresh window when they arrive.
  sandbox.state.sso.accessTokenLifetimeSeconds = 600;
  const popup = await configure(extension);
  const first = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  await first;

  const refreshes = () => sandbox.state.requests.filter((r) => r.path === '/token' && r.action === 'CreateToken:refresh_token').length;
  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-prod-readonly', exact: true }).click();
  await expect((await second).getByTestId('signed-in-account')).toHaveText(ACME.accounts.prod);
  expect(refreshes()).toBe(1);
  expect(sandbox.state.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(1);

  // Revoked (signed out elsewhere, or the administrator ended the session): a new approval, not an error.
  for (const token of sandbox.state.sso.refreshTokens.values()) token.revoked = true;
  const third = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  await expect((await third).getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);
  expect(sandbox.state.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(2);
});

test('an expired access token is refreshed without a prompt: the portal refuses it, the refresh token gets a new one', async ({ extension, sandbox }) => {
  const popup = await configure(extension);
  const first = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  await expect((await first).getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);

  // Every access token issued so far ends now (as after a laptop slept through its end): the extension still holds
  // it as valid for hours, the portal answers 401 UnauthorizedException.
  expireAccessTokens(sandbox.state.sso, sandbox.state.now());
  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-prod-readonly', exact: true }).click();
  await expect((await second).getByTestId('signed-in-account')).toHaveText(ACME.accounts.prod);
  await expect(popup.getByRole('status')).toHaveText('Signed in as acme-prod-readonly (ReadOnlyAccess · 333333333333)');

  const portal = sandbox.state.requests.filter((r) => r.action === 'GetRoleCredentials').map((r) => r.status);
  expect(portal).toEqual([200, 401, 200]);
  expect(sandbox.state.requests.filter((r) => r.action === 'CreateToken:refresh_token')).toHaveLength(1);
  // No new approval: one device authorization in all, and no AWS page opened for the second click.
  expect(sandbox.state.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(1);
  expect(extension.context.pages().filter((page) => page.url().includes('device.sso.'))).toEqual([]);
});

test('an Identity Center console session counts down the role credentials\u2019 hour, and Renew signs it in again without a prompt', async ({ extension, sandbox }) => {
  const popup = await configure(extension);
  const opened = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  const tab = await opened;
  await expect(tab.getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);
  const roleCredentials = () => [...sandbox.state.credentials.values()].filter((c) => c.fromSso === true);
  expect(roleCredentials()).toHaveLength(1);
  const [first] = roleCredentials();
  const firstDifferentiator = await tab.getByTestId('session-differentiator').textContent();

  // The Sessions view lists it, counting down the role credentials' lifetime (the permission set's hour).
  const view = await extension.context.newPage();
  await view.goto(`chrome-extension://${extension.extensionId}/popup/index.html#sessions`);
  const item = view.getByRole('listitem', { name: 'acme-dev-admin' });
  await expect(item).toHaveAttribute('data-status', 'live');
  await expect(item.locator('.countdown')).toHaveText(/^ends in 59 m \d\d s$/);
  const shown = await item.locator('.countdown').textContent();
  await expect(item.locator('.countdown')).not.toHaveText(shown ?? '');
  const stored = (await storedSessions(view)).find((s) => s.profile === 'acme-dev-admin');
  // The console session ends with the role credentials (no SessionDuration), as the sandbox's clock has it.
  expect(Math.abs((stored?.consoleExpiresAt ?? 0) - (first?.expiresAt ?? 0))).toBeLessThan(5_000);

  // Renew: while the Identity Center token lives, nothing is asked; no AWS approval page opens.
  await item.getByRole('button', { name: 'Renew acme-dev-admin' }).click();
  await expect(view.getByRole('status')).toHaveText('Renewed acme-dev-admin.');
  // The same tab, signed in again from new role credentials: a new console session on the same page.
  await expect(tab.getByTestId('session-differentiator')).not.toHaveText(firstDifferentiator ?? '');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/);
  expect(roleCredentials()).toHaveLength(2);
  const renewedWith = roleCredentials()[1]?.accessKeyId;
  expect(renewedWith).not.toBe(first?.accessKeyId);
  expect([...sandbox.state.signinTokens.values()].at(-1)?.accessKeyId).toBe(renewedWith);
  await expect(item).toHaveAttribute('data-status', 'live');
  await expect(item.locator('.countdown')).toHaveText(/^ends in 59 m \d\d s$/);

  expect(sandbox.state.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(1);
  expect(sandbox.state.requests.filter((r) => r.action === 'GetRoleCredentials')).toHaveLength(2);
  expect(extension.context.pages().filter((page) => page.url().includes('device.sso.'))).toEqual([]);
});
