/**
 * Importing every account and permission set of an IAM Identity Center directory, as a person does it: a
 * configuration with only an sso-session, "Import accounts and roles" on the options page, the device code
 * approved on the AWS page, 400 profiles in the editor to review, Save, then one click in the popup on one of them.
 * A second import adds nothing and says so; the portal is asked a bounded number of times. Under the portal's rate
 * limit (429 TooManyRequestsException) the import waits and still finds everything.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { BIG, SSO_PASSWORD } from '../sandbox/sso-seed';
import { expect, saveConfiguration, test } from './fixtures';
import { consoleTab } from './support/identity-center';

const CONFIG = `[sso-session big]
sso_start_url = ${BIG.startUrl}
sso_region = ${BIG.region}

# An account the directory no longer has: reported as gone, never deleted.
[profile closed-account]
sso_session = big
sso_account_id = 123456789012
sso_role_name = ReadOnlyAccess
`;

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** The Identity Center section, light and dark, for a person to look at. */
async function screenshot(options: Page, section: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    await section.screenshot({ path: resolve(SCREENSHOTS, `options-sso-import-${name}-${colorScheme}.png`), animations: 'disabled' });
  }
}

/** Clicks 'Import accounts and roles' for the big directory and approves the code on the AWS page, as a person would. */
async function importApproved(extension: ExtensionBrowser, options: Page, onCode?: () => Promise<void>) {
  const section = options.getByRole('region', { name: 'IAM Identity Center', exact: true });
  const big = section.getByRole('group', { name: 'sso-session big' });
  const progress = big.getByRole('status');
  const approval = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.'));
  await big.getByRole('button', { name: 'Import accounts and roles' }).click();

  // The AWS page opens; the options page shows the same code to compare.
  const verification = await approval;
  const code = await verification.getByTestId('user-code').textContent();
  await expect(progress).toHaveText(`Signing in: approve code ${code ?? '?'} on the AWS page that opened.`);
  await onCode?.();
  await verification.getByLabel('Username').fill(BIG.username);
  await verification.getByLabel('Password').fill(SSO_PASSWORD);
  await verification.getByRole('button', { name: 'Allow' }).click();
  return { section, big, progress };
}

test('200 accounts × 2 permission sets imported into the editor, saved, and one of them signed in with one click', async ({ extension, sandbox }) => {
  test.setTimeout(120_000);
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText('Saved: 1 role, synced to your other browsers.')).toBeVisible();

  const { section, big, progress } = await importApproved(extension, options, () =>
    screenshot(options, options.getByRole('region', { name: 'IAM Identity Center', exact: true }), 'approve'));

  await expect(progress).toHaveText('Found 400 roles in 200 accounts. 400 new profiles added to the editor: review them, then Save.', { timeout: 30_000 });
  const editor = options.getByRole('textbox', { name: 'Configuration' });
  const text = await editor.inputValue();
  expect(text.match(/^\[profile /gm)).toHaveLength(401);
  // What is gone is said, with a way to its line; it stays in the text.
  await expect(big.getByRole('list', { name: 'Profiles no longer in IAM Identity Center' })).toHaveText('closed-account (line 6): ReadOnlyAccess in account 123456789012');
  expect(text).toContain('[profile closed-account]');
  await screenshot(options, section, 'done');
  expect(text).toContain(`[profile team-042-prod/ReadOnlyAccess]
sso_session = big
sso_account_id = 900000000042
sso_role_name = ReadOnlyAccess
group = team-042-prod
`);
  // Two ListAccounts pages (100 each), then one ListAccountRoles per account: bounded, whatever the directory size.
  const portal = sandbox.state.requests.filter((r) => r.service === 'sso-portal');
  expect(portal.filter((r) => r.action === 'ListAccounts')).toHaveLength(2);
  expect(portal.filter((r) => r.action === 'ListAccountRoles')).toHaveLength(200);
  expect(portal.length).toBeLessThanOrEqual(250);

  // Not saved until the person says so.
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('Saved: 401 roles, synced to your other browsers.')).toBeVisible();

  // Again: the token is still good (no AWS page), nothing is new, the editor is unchanged.
  const before = sandbox.state.requests.length;
  await big.getByRole('button', { name: 'Import accounts and roles' }).click();
  await expect(progress).toHaveText('Found 400 roles in 200 accounts, all already configured: nothing new to add.', { timeout: 30_000 });
  expect(await editor.inputValue()).toBe(text);
  const again = sandbox.state.requests.slice(before);
  expect(again.filter((r) => r.service === 'oidc' || r.service === 'sso-device')).toEqual([]);
  expect(again.length).toBeLessThanOrEqual(250);

  // One click in the popup: no approval, the console as that permission set in that account.
  const popup = await extension.openPage('popup/index.html');
  await popup.getByRole('combobox', { name: 'Search roles' }).fill('team-042-prod/ReadOnly');
  const opens = consoleTab(extension);
  await popup.getByRole('option', { name: /^team-042-prod\/ReadOnlyAccess/ }).click();
  const tab = await opens;
  await expect(tab.getByTestId('signed-in-account')).toHaveText('900000000042');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(/^arn:aws:sts::900000000042:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/bulk$/);
  expect(sandbox.state.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(1);
});

test('under the portal\u2019s rate limit the import slows down and still lists every account: nothing is lost to a 429', async ({ extension, sandbox }) => {
  test.setTimeout(240_000);
  // 5 requests a second per token, 5 at once: tighter than the SDK's own retries outlast over 200 accounts.
  sandbox.state.sso.portalRateLimit = { perSecond: 5, burst: 5 };
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `[sso-session big]\nsso_start_url = ${BIG.startUrl}\nsso_region = ${BIG.region}\n`);
  await expect(options.getByText(/^Saved/)).toBeVisible();

  const { progress } = await importApproved(extension, options);
  await expect(progress).toHaveText('Found 400 roles in 200 accounts. 400 new profiles added to the editor: review them, then Save.', { timeout: 200_000 });
  expect((await options.getByRole('textbox', { name: 'Configuration' }).inputValue()).match(/^\[profile /gm)).toHaveLength(400);
  const portal = sandbox.state.requests.filter((r) => r.service === 'sso-portal' && r.action !== undefined);
  expect(portal.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  expect(portal.filter((r) => r.action === 'ListAccountRoles' && r.status === 200)).toHaveLength(200);
});
