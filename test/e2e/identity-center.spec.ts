/**
 * IAM Identity Center as a person meets it: a configuration with an sso-session, a click on a role, the AWS page
 * where they sign in and allow the code, and the console signed in as the permission set. Later clicks need no
 * approval while the token lives; an expiring token is refreshed; a revoked one asks again; a denial says so.
 */
import type { Page } from '@playwright/test';
import { ACME, SSO_PASSWORD } from '../sandbox/sso-seed';
import { expect, saveConfiguration, test } from './fixtures';
import type { ExtensionBrowser } from '../launch/browser';

const CONFIG = `
[sso-session acme]
sso_start_url = ${ACME.startUrl}
sso_region = ${ACME.region}
sso_registration_scopes = sso:account:access

[profile acme-dev-admin]
sso_session = acme
sso_account_id = ${ACME.accounts.dev}
sso_role_name = AdministratorAccess
region = eu-west-1

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

/**
 * The next tab that lands on a console page. It opens on the extension's launch page (maybe first as about:blank,
 * behind), which posts the login; the AWS approval page may open before it.
 */
function consoleTab(extension: ExtensionBrowser): Promise<Page> {
  return new Promise((resolve) => {
    const onPage = (page: Page): void => {
      page.waitForURL(/console\.aws\.amazon\.com/, { timeout: 30_000 }).then(() => {
        extension.context.off('page', onPage);
        resolve(page);
      }, () => undefined);
    };
    extension.context.on('page', onPage);
  });
}

async function configure(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 3 roles found.');
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
  const username = verification.getByLabel('Username');
  if (await username.isVisible()) {
    await username.fill(ACME.username);
    await verification.getByLabel('Password').fill(SSO_PASSWORD);
  }
  await verification.getByRole('button', { name: decision }).click();
  if (decision === 'Allow') await expect.poll(() => verification.isClosed(), { timeout: 10_000 }).toBe(true);
}

test('a device sign-in once, then every role of that start URL in one click, chained roles too', async ({ extension, sandbox }) => {
  const popup = await configure(extension);
  const consoleOpens = consoleTab(extension);
  await clickAndApprove(extension, popup, 'acme-dev-admin');
  const tab = await consoleOpens;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/);
  await expect(popup.getByRole('status')).toHaveText(/Signed in as arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_/);
  // One registration, one device authorization, then polls until the approval.
  const oidc = sandbox.state.requests.filter((r) => r.service === 'oidc').map((r) => r.action);
  expect(oidc.slice(0, 2)).toEqual(['RegisterClient', 'StartDeviceAuthorization']);
  expect(new Set(oidc.slice(2))).toEqual(new Set(['CreateToken:urn:ietf:params:oauth:grant-type:device_code']));
  // No SessionDuration for role credentials (temporary): the console lasts as long as they do.
  expect([...sandbox.state.signinTokens.values()].every((t) => t.sessionDuration === undefined)).toBe(true);

  // A second role of the same start URL: one click, no new approval.
  const deviceRequests = () => sandbox.state.requests.filter((r) => r.path === '/device_authorization').length;
  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-prod-deployer', exact: true }).click();
  const deployer = await second;
  await expect(deployer.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/Deployer/role-switcher');
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
