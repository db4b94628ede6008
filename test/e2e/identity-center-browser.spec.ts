/**
 * IAM Identity Center sign-in through the browser (the authorization code with PKCE in the browser's web-auth
 * window), for a start URL where the person turned it on: no device code. Not proven against real AWS, which
 * documents only loopback redirect URIs for public clients; when AWS refuses the extension's redirect URI, the
 * device code is used once instead, the popup says so, and the options page remembers it.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { ACME } from '../sandbox/sso-seed';
import { expect, saveConfiguration, test } from './fixtures';
import { ACME_DEV_CONFIG, answerOnAwsPage, consoleTab } from './support/identity-center';

const SWITCH = `Sign in to ${ACME.startUrl} through the browser`;

/** Saves the configuration, turns sign-in through the browser on, and returns the popup. */
async function turnedOn(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, ACME_DEV_CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers.');
  // The `identity` permission is asked for on this click; Chrome grants it without a prompt (it shows no warning).
  await options.getByRole('checkbox', { name: SWITCH }).check();
  await expect(options.getByRole('checkbox', { name: SWITCH })).toBeChecked();
  return extension.openPage('popup/index.html');
}

test('the AWS page in the browser sign-in window, then the console: no device code', async ({ extension, sandbox }) => {
  const popup = await turnedOn(extension);
  const window = extension.context.waitForEvent('page', (page) => page.url().includes('.amazonaws.com'));
  const consoleOpens = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-dev-admin', exact: true }).click();
  await answerOnAwsPage(await window);
  await expect((await consoleOpens).getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);
  const oidc = sandbox.state.requests.filter((r) => r.service === 'oidc').map((r) => r.action ?? r.path);
  expect(oidc).toContain('CreateToken:authorization_code');
  expect(oidc).not.toContain('StartDeviceAuthorization');
});

test('refused by AWS: the device code once, the popup says so, the options page remembers', async ({ extension, sandbox }) => {
  sandbox.state.sso.loopbackRedirectsOnly = true;
  const popup = await turnedOn(extension);
  const verification = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.'));
  const consoleOpens = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-dev-admin', exact: true }).click();
  await answerOnAwsPage(await verification);
  await expect((await consoleOpens).getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);
  await expect(popup.getByRole('list', { name: 'About this session' })).toContainText('Sign-in through the browser did not work');
  const options = await extension.openPage('src/options/index.html');
  await expect(options.getByText(/It did not work last time/)).toBeVisible();
  expect(sandbox.state.requests.filter((r) => r.action === 'StartDeviceAuthorization')).toHaveLength(1);
});
