/**
 * Identity Center sign-ins kept in the vault (opt-in): after a browser restart the person types the vault
 * passphrase instead of approving a new code, as the AWS CLI's token cache spares its users. The refresh token is
 * on disk only as ciphertext: the profile scan finds it in no form.
 */
import { launchExtensionBrowser, type ExtensionBrowser } from '../launch/browser';
import { ACME } from '../sandbox/sso-seed';
import { expect, saveConfiguration, sendFrom, test, TEST_PASSPHRASE } from './fixtures';
import { ACME_DEV_CONFIG, answerOnAwsPage, consoleTab } from './support/identity-center';
import { scanProfile } from './support/profile-scan';

async function signIn(extension: ExtensionBrowser, approve: boolean): Promise<void> {
  const popup = await extension.openPage('popup/index.html');
  const consoleOpens = consoleTab(extension);
  const verification = approve ? extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.')) : undefined;
  await popup.getByRole('option', { name: 'acme-dev-admin', exact: true }).click();
  if (verification) await answerOnAwsPage(await verification);
  else {
    // Locked after the restart: the popup asks for the passphrase, then goes on by itself.
    const form = popup.getByRole('form', { name: 'Unlock the vault' });
    await form.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock and sign in' }).click();
  }
  await expect((await consoleOpens).getByTestId('signed-in-account')).toHaveText(ACME.accounts.dev);
}

test('after a restart the vault passphrase replaces a new approval; the refresh token is never on disk in clear', async ({ sandbox }) => {
  test.setTimeout(120_000);
  const first = await launchExtensionBrowser({ sandbox });
  const profile = first.userDataDir;
  try {
    const options = await first.openPage('src/options/index.html');
    await saveConfiguration(options, ACME_DEV_CONFIG);
    expect((await sendFrom(options, 'vault.create', { passphrase: TEST_PASSPHRASE })).ok).toBe(true);
    await options.reload();
    await options.getByRole('checkbox', { name: 'Keep Identity Center sign-ins in the vault' }).check();
    await expect(options.getByRole('checkbox', { name: 'Keep Identity Center sign-ins in the vault' })).toBeChecked();
    await signIn(first, true);
    await first.close({ keepProfile: true });

    const second = await launchExtensionBrowser({ sandbox, userDataDir: profile });
    await signIn(second, false);
    await second.close({ keepProfile: true });

    const actions = sandbox.state.requests.map((r) => r.action);
    expect(actions.filter((a) => a === 'StartDeviceAuthorization')).toHaveLength(1);
    expect(actions).toContain('CreateToken:refresh_token');
    const secrets = [
      ...[...sandbox.state.sso.refreshTokens.values()].map((t, i) => ({ label: `refresh token ${i + 1}`, value: t.refreshToken })),
      ...[...sandbox.state.sso.accessTokens.values()].map((t, i) => ({ label: `access token ${i + 1}`, value: t.accessToken })),
      ...[...sandbox.state.sso.clients.values()].map((c, i) => ({ label: `client secret ${i + 1}`, value: c.clientSecret })),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(scanProfile(profile, secrets).hits).toEqual([]);
  } finally {
    await first.close().catch(() => undefined);
  }
});

test('turned off, nothing of Identity Center is kept: a restart asks for a new approval', async ({ sandbox }) => {
  test.setTimeout(120_000);
  const first = await launchExtensionBrowser({ sandbox });
  const profile = first.userDataDir;
  const options = await first.openPage('src/options/index.html');
  await saveConfiguration(options, ACME_DEV_CONFIG);
  expect((await sendFrom(options, 'vault.create', { passphrase: TEST_PASSPHRASE })).ok).toBe(true);
  await signIn(first, true);
  await first.close({ keepProfile: true });
  const second = await launchExtensionBrowser({ sandbox, userDataDir: profile });
  await signIn(second, true);
  await second.close();
  expect(sandbox.state.requests.filter((r) => r.action === 'StartDeviceAuthorization')).toHaveLength(2);
});
