/**
 * After full sign-ins, lock and browser close, no secret may be anywhere in the browser profile on disk: not
 * alice's secret access key, not any session token or secret key the sandbox issued (role credentials, the MFA
 * session, IAM Identity Center's role credentials), not any sign-in token, not the passphrase or the derived vault
 * key, and nothing of Identity Center's sign-in: access and refresh tokens (refreshed ones too), client secrets,
 * device codes. Every file is read as bytes,
 * LevelDB tables also decompressed, and each secret is searched raw, as UTF-16, URL/form-encoded, JSON-escaped
 * and base64/base64url. Two browser sessions on one profile: the restart locks the vault, the passphrase is typed
 * again, the device code is approved again on the AWS page, and the second session's secrets land on top of the
 * first's files. This test stays in the suite for good
 * (issue 4). Without the POSTed login (src/core/login-form.ts) it fails: the sign-in tokens turn up in History,
 * Sessions/ and segmentation_platform/ukm_db.
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../launch/browser';
import { totp } from '../sandbox/mfa';
import { ALICE } from '../sandbox/seed';
import { ACME } from '../sandbox/sso-seed';
import { expect, saveConfiguration, saveKeys, sendFrom, test, TEST_PASSPHRASE } from './fixtures';
import { answerOnAwsPage, consoleTab } from './support/identity-center';
import { scanProfile, type Secret } from './support/profile-scan';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, { key: string } | undefined>> } } };

const CONFIG = `
[alice]

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[demo-prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}

[sso-session acme]
sso_start_url = ${ACME.startUrl}
sso_region = ${ACME.region}
sso_registration_scopes = sso:account:access

[acme-dev-admin]
sso_session = acme
sso_account_id = ${ACME.accounts.dev}
sso_role_name = AdministratorAccess
region = eu-west-1

[acme-prod-readonly]
sso_session = acme
sso_account_id = ${ACME.accounts.prod}
sso_role_name = ReadOnlyAccess

[acme-prod-deployer]
role_arn = arn:aws:iam::${ACME.accounts.prod}:role/Deployer
source_profile = acme-prod-readonly
`;

async function signInAndWait(extension: ExtensionBrowser, from: Page, request: Record<string, unknown>, arn: string | RegExp): Promise<void> {
  const opened = extension.context.waitForEvent('page');
  const answer = await sendFrom(from, 'signIn', request);
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  await expect((await opened).getByTestId('signed-in-arn')).toHaveText(arn);
}

/** Both roles: plain, and MFA (a GetSessionToken session, then a role from it). Returns the vault key in use. */
async function signInTwice(extension: ExtensionBrowser): Promise<Buffer> {
  const popup = await extension.openPage('popup/index.html');
  await signInAndWait(extension, popup, { profile: 'demo-dev' }, /^arn:aws:sts::222222222222:assumed-role\/Developer\/[^/]+$/);
  await signInAndWait(extension, popup, { profile: 'demo-prod-admin', mfaCode: totp(ALICE.totpSecret) }, /^arn:aws:sts::333333333333:assumed-role\/Admin\/[^/]+$/);
  // Credentials for a terminal (issue 15): handed to the popup, kept nowhere.
  const copied = await sendFrom(popup, 'credentials.forTerminal', { profile: 'demo-dev' });
  expect(copied.ok, JSON.stringify(copied.error)).toBe(true);
  const worker = await extension.worker();
  const key = await worker.evaluate(async () => (await chrome.storage.session.get('vault.key'))['vault.key']?.key);
  expect(key).toBeDefined();
  return Buffer.from(key ?? '', 'base64');
}

/**
 * IAM Identity Center: a device sign-in approved on the AWS page as a person would (signed in to the directory
 * first when the page asks), then a role chained on another permission set of the same start URL, which refreshes
 * the token (the test's tokens live 10 minutes, inside the refresh window) and assumes a role from the role
 * credentials.
 */
async function signInWithIdentityCenter(extension: ExtensionBrowser, from: Page): Promise<void> {
  const approval = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.')).catch(() => undefined);
  const opened = consoleTab(extension);
  const answer = sendFrom(from, 'signIn', { profile: 'acme-dev-admin' });
  // No AWS page when a token survived from an earlier browser session: the counts below then fail.
  const verification = await Promise.race([approval, answer.then(() => undefined)]);
  if (verification) await answerOnAwsPage(verification);
  const signedIn = await answer;
  expect(signedIn.ok, JSON.stringify(signedIn.error)).toBe(true);
  await expect((await opened).getByTestId('signed-in-arn')).toHaveText(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/);
  await signInAndWait(extension, from, { profile: 'acme-prod-deployer' }, /^arn:aws:sts::333333333333:assumed-role\/Deployer\/[^/]+$/);
}

async function lockFromOptions(options: Page): Promise<void> {
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByText('The vault is locked.')).toBeVisible();
}

test('no secret is left anywhere in the profile after sign-ins, lock and close', async ({ sandbox }) => {
  test.setTimeout(180_000);
  sandbox.state.sso.accessTokenLifetimeSeconds = 600;
  const first = await launchExtensionBrowser({ sandbox });
  const profile = first.userDataDir;
  try {
    const options = await first.openPage('src/options/index.html');
    await saveConfiguration(options, CONFIG);
    await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
    const firstKey = await signInTwice(first);
    await signInWithIdentityCenter(first, options);
    await lockFromOptions(options);
    await first.close({ keepProfile: true });

    // The same profile again: the vault is locked after the restart; unlock it by typing the passphrase.
    const second = await launchExtensionBrowser({ sandbox, userDataDir: profile });
    const reopened = await second.openPage('src/options/index.html');
    await reopened.getByRole('form', { name: 'Unlock the vault' }).getByLabel('Passphrase').fill(TEST_PASSPHRASE);
    await reopened.getByRole('button', { name: 'Unlock' }).click();
    await expect(reopened.getByText('The vault is unlocked.', { exact: false })).toBeVisible();
    const secondKey = await signInTwice(second);
    await signInWithIdentityCenter(second, reopened);
    await lockFromOptions(reopened);
    await second.close({ keepProfile: true });

    const issued = [...sandbox.state.credentials.values()];
    const tokens = [...sandbox.state.signinTokens.keys()];
    const sso = sandbox.state.sso;
    const secrets: Secret[] = [
      { label: "alice's secret access key", value: ALICE.secretAccessKey },
      { label: 'the vault passphrase', value: TEST_PASSPHRASE },
      ...[firstKey, secondKey].flatMap((key, i) => [
        { label: `vault key ${i + 1} (raw)`, value: key },
        { label: `vault key ${i + 1} (base64 text)`, value: key.toString('base64') },
      ]),
      ...issued.flatMap((c) => [
        { label: `${c.fromSso === true ? 'Identity Center role' : c.kind} secret key ${c.accessKeyId}`, value: c.secretAccessKey },
        { label: `${c.fromSso === true ? 'Identity Center role' : c.kind} session token ${c.accessKeyId}`, value: c.sessionToken },
      ]),
      ...tokens.map((token, i) => ({ label: `sign-in token ${i + 1}`, value: token })),
      ...[...sso.clients.values()].map((client, i) => ({ label: `Identity Center client secret ${i + 1}`, value: client.clientSecret })),
      ...[...sso.deviceAuthorizations.keys()].map((code, i) => ({ label: `Identity Center device code ${i + 1}`, value: code })),
      ...[...sso.accessTokens.keys()].map((token, i) => ({ label: `Identity Center access token ${i + 1}`, value: token })),
      ...[...sso.refreshTokens.keys()].map((token, i) => ({ label: `Identity Center refresh token ${i + 1}`, value: token })),
    ];

    const result = scanProfile(profile, secrets);
    expect(result.files).toBeGreaterThan(50);
    expect(result.hits).toEqual([]);
    // The sandbox issued what these sign-ins should have asked for, so the search above left nothing out. Per
    // browser session: a role from alice's keys (and again for the terminal), an MFA session and a role from it; two Identity Center role
    // credentials and a role chained on one; one registration, one device code, two access and two refresh tokens
    // (the device grant's, then a refresh, which rotates the refresh token).
    expect(issued.filter((c) => c.kind === 'role' && c.fromSso !== true)).toHaveLength(8);
    expect(issued.filter((c) => c.fromSso === true)).toHaveLength(4);
    expect(issued.filter((c) => c.kind === 'session')).toHaveLength(2);
    expect(tokens).toHaveLength(8);
    expect(sso.clients.size).toBe(2);
    expect([...sso.deviceAuthorizations.values()].map((d) => d.status)).toEqual(['redeemed', 'redeemed']);
    expect(sso.accessTokens.size).toBe(4);
    expect(sso.refreshTokens.size).toBe(4);
    // The scan does see what is stored in clear: the configuration text, in the extension's LevelDB.
    expect(scanProfile(profile, [{ label: 'configuration', value: 'arn:aws:iam::333333333333:role/Admin' }]).hits.length).toBeGreaterThan(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
