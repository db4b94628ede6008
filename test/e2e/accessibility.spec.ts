/**
 * axe-core over every state a person meets (issue 14), in the light and the dark theme, with zero violations
 * (support/axe.ts: WCAG 2.x A/AA, best practices, label-content-name-mismatch; no rule turned off).
 * The popup: no roles yet, the list (keyless rows greyed, a signed-in role selected), a search, no match, an
 * error alert, the role menu, the passphrase and MFA prompts, a success line, the Sessions view with live,
 * replaced and ended sessions. The options page: empty, a configuration with diagnostics, the vault new, unlocked
 * with keys and locked, and the Identity Center part. Sessions are written into the registry the way the
 * background keeps it (as contrast.spec.ts does), so no console is needed for them.
 */
import type { Page } from '@playwright/test';
import { ALICE } from '../sandbox/seed';
import { totp } from '../sandbox/mfa';
import { expect, saveConfiguration, saveKeys, test, TEST_PASSPHRASE } from './fixtures';
import { expectAccessible } from './support/axe';
import { ACME_DEV_CONFIG } from './support/identity-center';
import { DEMO_ROLES_CONFIG, seedSessions, tabIdOf } from './support/sessions';

const CONFIG = `${DEMO_ROLES_CONFIG}
[prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}
color = #c62828

[bob]
; no keys for bob: his role is greyed in the popup

[bob-ro]
role_arn = arn:aws:iam::555555555555:role/ReadOnly
source_profile = bob

${Array.from({ length: 12 }, (_, i) => `[team-${i}]\nrole_arn = arn:aws:iam::222222222222:role/Team${i}\nsource_profile = alice\ngroup = Team\n`).join('\n')}
[broken-role]
role_arn = arn:aws:iam::44444444444:role/Admin
source_profile = alice
`;

async function openPopup(extension: { openPage(path: 'popup/index.html'): Promise<Page> }): Promise<Page> {
  const popup = await extension.openPage('popup/index.html');
  // Chrome's popup is at most 800 × 600; this is the size people see.
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

/** The description Chromium computes for a role's row (its accessibility tree, over CDP): what a screen reader says. */
async function chromiumDescription(page: Page, profile: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, accessibleName: profile, role: 'option' });
    return String(nodes[0]?.description?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

// axe walks every element of a state twice (both themes): the options page alone takes a while on a busy machine.
test.describe.configure({ timeout: 300_000 });

test('the popup has no accessibility violations: empty, the list (scrolling, keyless rows, a signed-in role), a search, no match, the role menu', async ({ extension }) => {
  const popup = await openPopup(extension);
  await expect(popup.getByText('No roles yet.')).toBeVisible();
  await expectAccessible(popup, 'popup empty');

  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText(/^Saved/).first()).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  // Sessions in every state, in tabs of ours (the popup may read the URLs of its own pages): demo-dev's row is marked.
  const landingTab = await extension.context.newPage();
  await landingTab.goto(`chrome-extension://${extension.extensionId}/src/options/index.html?landing`);
  await seedSessions(popup, await tabIdOf(popup, options), await tabIdOf(popup, landingTab));
  await popup.reload();
  const search = popup.getByRole('combobox', { name: 'Search roles' });
  await expect(popup.getByRole('option', { name: 'bob-ro', exact: true })).toContainText('No access keys for bob');
  await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toHaveAccessibleDescription(/signed in/);
  // As Chromium itself reads it (its accessibility tree): the time left once, in words, never the drawn marks.
  const said = await chromiumDescription(popup, 'demo-dev');
  expect(said).toMatch(/signed in, .+ left/);
  expect(said.match(/left/g)).toHaveLength(1);
  expect(said).not.toContain('\u25cf');
  await expectAccessible(popup, 'popup list');

  // The signed-in role selected.
  await search.fill('demo-dev');
  await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(popup, 'popup search, signed-in row selected');

  await search.fill('nothing like this');
  await expect(popup.getByText(/No role matches/)).toBeVisible();
  await expectAccessible(popup, 'popup no match');

  // The role menu of the selected row.
  await search.fill('demo-ro');
  await expect(popup.getByRole('option', { name: 'demo-ro', exact: true })).toHaveAttribute('aria-selected', 'true');
  await search.press('Shift+F10');
  await expect(popup.getByRole('menu')).toBeVisible();
  await expectAccessible(popup, 'popup role menu');
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('menu')).toHaveCount(0);

});

test('the popup has no accessibility violations: an error alert, the Sessions view with live, replaced and ended sessions', async ({ extension }) => {
  const popup = await openPopup(extension);
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText(/^Saved/).first()).toBeVisible();

  // An error alert: credentials for a terminal (Alt+C) of a role whose source has no keys.
  await popup.reload();
  const search = popup.getByRole('combobox', { name: 'Search roles' });
  await search.fill('bob-ro');
  await search.press('Alt+KeyC');
  await expect(popup.getByRole('alert')).toBeVisible();
  await expectAccessible(popup, 'popup error');

  const landingTab = await extension.context.newPage();
  await landingTab.goto(`chrome-extension://${extension.extensionId}/src/options/index.html?landing`);
  await seedSessions(popup, await tabIdOf(popup, options), await tabIdOf(popup, landingTab));
  await popup.goto(`${popup.url().replace(/#.*$/, '')}#sessions`);
  await popup.reload();
  await expect(popup.getByRole('listitem', { name: 'demo-dev' }).first()).toBeVisible();
  await expectAccessible(popup, 'popup sessions');
  // The ended ones (expired, replaced, refused), folded into one line: opened.
  await popup.getByRole('button', { name: /^Ended \(\d+\)$/ }).click();
  await expect(popup.getByText(/Replaced/).first()).toBeVisible();
  await expectAccessible(popup, 'popup sessions ended');
});

test('the popup has no accessibility violations in its prompts and on success: passphrase, MFA code, signed in', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText(/^Saved/).first()).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByText('The vault is locked.')).toBeVisible();

  const popup = await openPopup(extension);
  await popup.keyboard.type('prod-admin');
  await popup.keyboard.press('Enter');
  const unlock = popup.getByRole('form', { name: 'Unlock the vault' });
  await expect(unlock.getByLabel('Passphrase')).toBeFocused();
  await popup.keyboard.type('not the passphrase');
  await popup.keyboard.press('Enter');
  await expect(unlock.getByRole('alert')).toBeVisible();
  await expectAccessible(popup, 'popup passphrase');
  await unlock.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await popup.keyboard.press('Enter');

  const mfa = popup.getByRole('form', { name: 'MFA code' });
  await expect(mfa.getByLabel('6-digit code')).toBeFocused();
  await expectAccessible(popup, 'popup mfa');
  const consolePage = extension.context.waitForEvent('page');
  await popup.keyboard.type(totp(ALICE.totpSecret));
  await popup.keyboard.press('Enter');
  await expect((await consolePage).getByTestId('signed-in-arn')).toContainText('assumed-role/Admin');
  await expect(popup.getByRole('status').first()).toHaveText(/^Signed in as /);
  await expectAccessible(popup, 'popup signed in');
});

test('the options page has no accessibility violations: empty, diagnostics, the vault new, unlocked and locked, Identity Center', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await expect(options.getByText('Nothing saved yet.')).toBeVisible();
  await expectAccessible(options, 'options empty');

  // A configuration with a broken profile: saved without it, the diagnostics listed.
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText(/^Saved/).first()).toBeVisible();
  await expect(options.getByText(/broken-role/).first()).toBeVisible();
  await expectAccessible(options, 'options diagnostics');

  // A new vault: the keys typed, the passphrase asked twice; then saved (checked with AWS first).
  const form = options.getByRole('form', { name: 'Keys for alice' });
  await form.getByLabel('Access key id').fill(ALICE.accessKeyId);
  await form.getByLabel('Secret access key').fill(ALICE.secretAccessKey);
  await expect(form.getByLabel('Confirm passphrase')).toBeVisible();
  await expectAccessible(options, 'options vault new');
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  await expectAccessible(options, 'options vault unlocked');

  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByText('The vault is locked.')).toBeVisible();
  await expectAccessible(options, 'options vault locked');

  // Identity Center: an sso-session in the configuration.
  await saveConfiguration(options, `${CONFIG}\n${ACME_DEV_CONFIG}`);
  await expect(options.getByRole('heading', { name: 'IAM Identity Center', exact: true })).toBeVisible();
  await expectAccessible(options, 'options identity center');
});
