/**
 * The popup as a person uses it, with the AESR complex fixture (AWS Extend Switch Roles' README example) loaded
 * through the options page: type two words, press Enter, land on the console; favourites and recent use reorder
 * the list; and screenshots of it in both themes for anyone to look at (test-results/screenshots/).
 *
 * The fixture's accounts are not in the sandbox, so only the added `sandbox-dev` profile (alice's keys, the
 * seeded Developer role) can really sign in; the fixture's roles are refused with a sentence, which is enough
 * to check the narrowing and the error state.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { totp } from '../sandbox/mfa';
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test, TEST_PASSPHRASE } from './fixtures';
import { rowNames } from './support/role-rows';
import { readClipboard } from './support/clipboard';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };


const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

// As AESR's README has it, AnotherRole's account alias included (a role that switches from a console tab).
const FIXTURE = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'configs', 'aesr-readme-complex.ini'), 'utf8');

const SANDBOX_PROFILES = `
[alice]
; alice's access keys live in the extension, never in this text

[sandbox-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
color = #2e7d32
group = Sandbox
`;

/** The seeded Admin role trusts alice only with MFA. */
const MFA_PROFILE = `
[prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}
color = #c62828
group = Sandbox
`;

/** A long list for the screenshots: teams as groups, varied accounts, roles, regions and colours. */
function manyProfiles(count: number): string {
  const roles = ['Admin', 'ReadOnly', 'Developer', 'ops/Deployer', 'Billing'];
  const regions = ['eu-west-1', 'us-east-1', 'ap-southeast-2', 'eu-central-1'];
  const colors = ['c62828', '2e7d32', '1565c0', '6a1b9a', 'ef6c00', '00838f'];
  const teams = ['Payments', 'Search', 'Platform', 'Data'];
  return Array.from({ length: count }, (_, i) => {
    const team = teams[i % teams.length] ?? '';
    return [
      `[${team.toLowerCase()}-${['prod', 'staging', 'dev'][i % 3]}-${i}]`,
      `role_arn = arn:aws:iam::${String(310000000000 + i * 7919)}:role/${roles[i % roles.length]}`,
      `region = ${regions[i % regions.length]}`,
      `color = ${colors[i % colors.length]}`,
      `group = ${team}`,
    ].join('\n');
  }).join('\n\n');
}

async function openPopup(extension: { openPage(path: 'popup/index.html'): Promise<Page> }): Promise<Page> {
  const popup = await extension.openPage('popup/index.html');
  // Chrome's popup is at most 800 × 600; this is the size people see.
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('listbox', { name: 'Roles' })).toHaveAttribute('aria-busy', 'false');
  return popup;
}

/** The accessible names of the rendered options, top to bottom (the list is virtualized: the ones in view). */
function optionNames(popup: Page): Promise<string[]> {
  return rowNames(popup.getByRole('option'));
}

async function screenshot(popup: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.locator('main').screenshot({ path: resolve(SCREENSHOTS, `popup-${name}-${colorScheme}.png`), animations: 'disabled' });
  }
}

test('with the AESR complex fixture, two words narrow to one role and Enter opens its console', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${FIXTURE}\n${SANDBOX_PROFILES}`);
  await expect(options.getByText(/^Saved/)).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await openPopup(extension);
  const search = popup.getByRole('combobox', { name: 'Search roles' });
  await expect(search).toBeFocused();

  // Two words, both must match: the profile name and the role name.
  await popup.keyboard.type('org2 manager');
  await expect(popup.getByRole('option')).toHaveCount(1);
  const manager = popup.getByRole('option', { name: 'Org2-Account2-Manager', exact: true });
  await expect(manager).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await manager.getAttribute('id')) ?? '');

  // Its source has no keys here: the row says so before any click, Enter opens the options page at those keys (never
  // a sign-in that can only fail), and the search text stays.
  await expect(manager).toContainText('No access keys for Org2-BaseAccount — Add keys');
  const keysPage = extension.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  expect((await keysPage).url()).toContain('#keys=Org2-BaseAccount');
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await expect(search).toHaveValue('org2 manager');

  // Esc clears; an account id and a word find the seeded role; Enter opens its console.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await popup.keyboard.type('222222222222 developer');
  await expect(popup.getByRole('option')).toHaveCount(1);
  await expect(popup.getByRole('option', { name: 'sandbox-dev', exact: true })).toHaveAttribute('aria-selected', 'true');
  const consolePage = extension.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const tab = await consolePage;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(popup.getByRole('status')).toHaveText('Signed in as sandbox-dev (Developer · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/Developer\//);
  const calls = sandbox.state.requests.map((request) => `${request.host} ${request.action ?? request.path}`);
  expect(calls).toContain('sts.eu-west-1.amazonaws.com AssumeRole');
});

test('favourites and recent use reorder the list after a sign-in', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${FIXTURE}\n${SANDBOX_PROFILES}`);
  await expect(options.getByText(/^Saved/)).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  // At first: the groups in configuration order, the sandbox role last.
  let popup = await openPopup(extension);
  // Roles without a group are listed together where the first of them is, not under their source (issue 14).
  expect((await optionNames(popup)).slice(0, 2)).toEqual([expect.stringMatching(/^Other roles \(\d+\), expanded\. Press Enter to collapse\.$/), 'Org1-Account1-Role1']);

  // Sign in as sandbox-dev, from the keyboard.
  await popup.keyboard.type('sandbox');
  const consolePage = extension.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  await expect((await consolePage).getByTestId('signed-in-arn')).toContainText('assumed-role/Developer');
  await popup.close();

  // Reopened: the role just used comes first, under "Recently used".
  popup = await openPopup(extension);
  expect((await optionNames(popup)).slice(0, 3)).toEqual([
    'Recently used (1), expanded. Press Enter to collapse.',
    'sandbox-dev',
    expect.stringMatching(/^Other roles \(\d+\), expanded\./),
  ]);

  // Star a role from the keyboard: it goes to the top, above recent use, and stays there on the next opening.
  await popup.keyboard.type('org3 role1');
  await expect(popup.getByRole('option', { name: 'Org3-Account1-Role1', exact: true })).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('Control+s');
  await popup.keyboard.press('Escape');
  const starred = ['Favourites (1), expanded. Press Enter to collapse.', 'Org3-Account1-Role1', 'Recently used (1), expanded. Press Enter to collapse.', 'sandbox-dev'];
  await expect.poll(async () => (await optionNames(popup)).slice(0, 4)).toEqual(starred);
  await popup.close();
  popup = await openPopup(extension);
  expect((await optionNames(popup)).slice(0, 4)).toEqual(starred);
});

test('screenshots: light and dark, a long list, a search, and an error', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${FIXTURE}\n${SANDBOX_PROFILES}\n${manyProfiles(120)}`);
  await expect(options.getByText(/^Saved/)).toBeVisible();

  const popup = await openPopup(extension);
  // A favourite and a collapsed group, so the sections show.
  await popup.keyboard.type('payments-prod-0');
  await popup.keyboard.press('Control+s');
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('option', { name: /^Favourites/ })).toBeVisible();
  await popup.getByRole('option', { name: /^Other roles/ }).click();
  await expect(popup.getByRole('option', { name: /^Other roles \(\d+\), collapsed/ })).toBeVisible();
  await screenshot(popup, 'long-list');

  await popup.keyboard.type('prod admin');
  await expect(popup.getByRole('option').first()).toBeVisible();
  await screenshot(popup, 'search');

  await popup.getByRole('combobox', { name: 'Search roles' }).fill('org2 manager');
  await expect(popup.getByRole('option', { name: 'Org2-Account2-Manager', exact: true })).toContainText('No access keys for Org2-BaseAccount');
  await screenshot(popup, 'no-keys');

  // With keys for its source (alice's, whom the role does not trust), a refusal: the alert and its fix.
  await saveKeys(options, 'Org2-BaseAccount', ALICE.accessKeyId, ALICE.secretAccessKey);
  const again = await openPopup(extension);
  await again.getByRole('combobox', { name: 'Search roles' }).fill('org2 manager');
  await again.keyboard.press('Enter');
  await expect(again.getByRole('alert')).toBeVisible();
  await screenshot(again, 'error');
});

test('a locked vault and an MFA code are answered inline in the popup, and the search text stays', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${FIXTURE}\n${SANDBOX_PROFILES}\n${MFA_PROFILE}`);
  await expect(options.getByText(/^Saved/)).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByText('The vault is locked.')).toBeVisible();

  const popup = await openPopup(extension);
  const search = popup.getByRole('combobox', { name: 'Search roles' });
  await popup.keyboard.type('prod admin');
  await popup.keyboard.press('Enter');

  // The passphrase, asked for in place and focused; a wrong one is refused in the form.
  const unlock = popup.getByRole('form', { name: 'Unlock the vault' });
  await expect(unlock).toContainText('Enter your passphrase to sign in as prod-admin.');
  await expect(unlock.getByLabel('Passphrase')).toBeFocused();
  await popup.keyboard.type('not the passphrase');
  await popup.keyboard.press('Enter');
  await expect(unlock.getByRole('alert')).toBeVisible();
  await screenshot(popup, 'passphrase');
  await popup.keyboard.type(TEST_PASSPHRASE);
  await popup.keyboard.press('Enter');

  // Then the MFA code, for the device the configuration names.
  const mfa = popup.getByRole('form', { name: 'MFA code' });
  await expect(mfa).toContainText(ALICE.mfaSerial);
  await expect(mfa.getByLabel('6-digit code')).toBeFocused();
  await screenshot(popup, 'mfa');
  await popup.keyboard.type(totp(ALICE.totpSecret));
  const consolePage = extension.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  await expect((await consolePage).getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/Admin/alice');
  // The success names the profile, its role and account (issue 14); the ARN is on hover and behind Copy ARN.
  const status = popup.getByRole('status');
  await expect(status).toHaveText('Signed in as prod-admin (Admin · 333333333333)');
  await expect(status).toHaveAttribute('title', 'arn:aws:sts::333333333333:assumed-role/Admin/alice');
  await expect(search).toHaveValue('prod admin');
  await expect(search).toBeFocused();
  await screenshot(popup, 'signed-in');
  await popup.getByRole('button', { name: 'Copy ARN' }).click();
  await expect(popup.getByRole('button', { name: 'ARN copied' })).toBeVisible();
  expect(await readClipboard(extension)).toBe('arn:aws:sts::333333333333:assumed-role/Admin/alice');
  await screenshot(popup, 'signed-in-copied');
});

test('the popup opens from its mirror, which a save in the options page keeps current', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, SANDBOX_PROFILES);
  await expect(options.getByText(/^Saved/)).toBeVisible();
  // The mirror is current when its stamp is the stored index's (src/platform/opening-mirror.ts).
  const mirrorState = () =>
    options.evaluate(async () => {
      const mirror = localStorage.getItem('opening.index') ?? '';
      const { 'roles.indexStamp': stamp } = await chrome.storage.local.get('roles.indexStamp');
      const [head = '', json = '[]'] = mirror.split(/\n(.*)/s);
      return { current: head.split(' ')[1] === stamp, profiles: (JSON.parse(json) as Array<{ profile: string }>).map((role) => role.profile) };
    });
  await expect.poll(mirrorState).toEqual({ current: true, profiles: ['sandbox-dev'] });

  let popup = await openPopup(extension);
  expect(await optionNames(popup)).toContain('sandbox-dev');
  await popup.close();

  await saveConfiguration(options, `${SANDBOX_PROFILES}\n[later-role]\nrole_arn = arn:aws:iam::444444444444:role/Later\nsource_profile = alice\n`);
  await expect.poll(mirrorState).toEqual({ current: true, profiles: ['sandbox-dev', 'later-role'] });
  popup = await openPopup(extension);
  // Rendered before the page's load event, from the mirror: no wait for storage.local.
  expect(await optionNames(popup)).toEqual(expect.arrayContaining(['sandbox-dev', 'later-role']));
  expect(await popup.evaluate(() => performance.getEntriesByName('popup:roles-received')[0]?.startTime ?? Infinity)).toBeLessThan(
    await popup.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart),
  );
});

test('the empty popup shows a two-line example that fits, and opens the options page', async ({ extension }) => {
  const popup = await extension.openPage('popup/index.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByText('No roles yet.')).toBeVisible();
  const example = popup.locator('pre').filter({ hasText: 'role_arn = arn:aws:iam::123456789012:role/Admin' });
  expect(await example.innerText()).toBe('[profile prod-admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin');
  // Nothing cut on the right: the block is no wider than its text needs, and inside the popup.
  expect(await example.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= document.body.getBoundingClientRect().right)).toBe(true);
  await screenshot(popup, 'empty');
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open the options page' }).click();
  expect(new URL((await opened).url()).pathname).toBe('/src/options/index.html');
});

test('the popup is one script with no imports: its first line runs after one fetch, not five', async ({ extension }) => {
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByRole('combobox', { name: 'Search roles' })).toBeFocused();
  const scripts = await popup.evaluate(async () =>
    Promise.all([...document.scripts].map(async (script) => ({ type: script.type, text: await (await fetch(script.src)).text() }))),
  );
  expect(scripts.map((script) => script.type)).toEqual(['module']);
  expect(scripts[0]?.text).not.toMatch(/(?:^|[;})\s])import\s*(?:[{"'*(]|[\w$]+\s+from)/);
  expect(await popup.locator('link[rel="modulepreload"]').count()).toBe(0);
});
