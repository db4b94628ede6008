/**
 * Every AWS Extend Switch Roles (AESR) configuration saves (issue 13), as a person coming from AESR meets it:
 * - AESR's README configurations (shared fixtures), pasted exactly as they are, save whole, the complex one's
 *   `[AnotherRole]` (an account alias in `aws_account_id`) included, shown with its alias where the account goes;
 * - one typo among 300 profiles costs that profile only: the text saves, the other 299 work, and the popup lists the
 *   broken one greyed out with its reason, where Enter opens the options page at the line to fix;
 * - an `[AnotherRole]`-style role, written with a sandbox account's alias, switches a signed-in console tab with the
 *   console's own switch-role (the alias sent as the account, as AWS takes it); with no console tab in front, its
 *   click says on that profile that signing in with keys needs the 12-digit id.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { CAROL } from '../sandbox/seed';
import { expect, saveConfiguration, storageDetails, test } from './fixtures';
import { clickRole, consoleSignIn, sessionsView } from './support/console-session';
import { rowNames } from './support/role-rows';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'configs', name), 'utf8');
const OPTIONS = 'src/options/index.html';

function editor(options: Page) {
  return options.getByRole('textbox', { name: 'Configuration', exact: true });
}

/** The text selected in the options page's editor. */
async function selectedText(options: Page): Promise<string> {
  return editor(options).evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
}

test('AESR\u2019s README configurations, pasted as they are, save whole; the alias-only role shows its alias as the account', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  for (const [file, roles] of [['aesr-readme-simple.ini', 3], ['aesr-readme-complex.ini', 11]] as const) {
    await saveConfiguration(options, fixture(file));
    await expect(options.getByRole('status'), file).toHaveText(new RegExp(`^Saved: ${roles} roles, synced to your other browsers\\.`));
    await expect(editor(options)).toHaveValue(fixture(file));
  }
  // The alias is a warning on its profile: what works (a console switch) and what needs the id.
  const problems = options.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('[AnotherRole] warning: aws_account_id = account-3-alias is an account alias: switching to this role from a console session works');

  const popup = await extension.openPage('popup/index.html');
  await popup.getByRole('combobox').fill('AnotherRole');
  const row = popup.getByRole('option', { name: 'AnotherRole', exact: true });
  await expect(row.locator('.account')).toHaveText('account-3-alias');
  await expect(row.locator('.role-name')).toHaveText('SomeOtherRole');
  // Once: the alias is the account, not also an alias beside it.
  await expect(row.locator('.alias')).toHaveCount(0);
});

/** 300 profiles, each a role; `typo` is written into one of them. */
function teamProfiles(typo: { at: number; line: string }): string {
  return Array.from({ length: 300 }, (_, i) => [
    `[team-${i}]`,
    i === typo.at ? typo.line : `role_arn = arn:aws:iam::${String(100000000000 + i)}:role/Admin`,
    `group = Team ${i % 4}`,
    '',
  ].join('\n')).join('\n');
}

test('one typo among 300 profiles: saved, 299 roles work, the broken one is greyed out with its reason and Enter opens it', async ({ extension }) => {
  const typo = 'role_arn = arn:aws:iam:100000000150:role/Admin';
  const text = teamProfiles({ at: 150, line: typo });
  const options = await extension.openPage(OPTIONS);
  await saveConfiguration(options, text);
  await expect(options.getByRole('status')).toHaveText('Saved: 299 roles, synced to your other browsers; 1 profile skipped (fix the error below).');
  await expect((await storageDetails(options)).getByText(/^299 roles saved\./)).toBeVisible();
  await expect(options.getByRole('list', { name: 'Problems' })).toContainText(`[team-150] error: ${typo} is not an IAM role ARN`);

  const popup = await extension.openPage('popup/index.html');
  // Listed where it would be: in its group (Team 2), in text order; search results keep the groups' order.
  await popup.getByRole('combobox').fill('team-15');
  await expect(popup.getByRole('option')).toHaveCount(11);
  expect(await rowNames(popup.getByRole('option'))).toEqual([
    'team-152', 'team-156', 'team-153', 'team-157', 'team-150', 'team-154', 'team-158', 'team-15', 'team-151', 'team-155', 'team-159',
  ]);

  // Found by its name, greyed out, with its first error as the reason.
  await popup.getByRole('combobox').fill('team-150');
  const broken = popup.getByRole('option', { name: 'team-150', exact: true });
  await expect(broken).toHaveAccessibleDescription(/^Skipped: role_arn = arn:aws:iam:100000000150:role\/Admin is not an IAM role ARN: .* Enter opens it in the options page, to fix it\.$/);
  await expect(broken).toHaveAttribute('aria-selected', 'true');
  // Greyed out: its name in the muted colour of the details, not in the text colour.
  const colorOf = (selector: string) => broken.locator(selector).evaluate((element) => getComputedStyle(element).color);
  expect(await colorOf('.name')).toBe(await colorOf('.detail'));
  expect(await colorOf('.name')).not.toBe(await popup.getByRole('combobox').evaluate((search) => getComputedStyle(search).color));

  // Enter never signs in: it opens the options page at the line to fix.
  const opened = extension.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const fix = await opened;
  expect(new URL(fix.url()).hash).toBe('#profile=team-150');
  await expect(editor(fix)).toBeFocused();
  await expect.poll(() => selectedText(fix)).toBe(typo);
  await expect(fix.getByRole('status')).toHaveText('The saved configuration is in use with 1 profile skipped (fix the error below).');
  await expect(fix.getByRole('list', { name: 'Problems' })).toContainText('[team-150]');
  await expect(popup.getByRole('alert')).toHaveCount(0);

  // Fixed as the error says: saved with all 300.
  await saveConfiguration(fix, text.replace(typo, 'role_arn = arn:aws:iam::100000000150:role/Admin'));
  await expect(fix.getByRole('status')).toHaveText('Saved: 300 roles, synced to your other browsers.');
});

/** A role written as AESR's `[AnotherRole]`, with the alias of a sandbox account (demo-dev: 222222222222). */
const BY_ALIAS = `
[dev-by-alias]
role_name = Developer
aws_account_id = demo-dev
color = 2e7d32
`;

test('an [AnotherRole]-style role switches a signed-in console tab by its account alias; with keys it says the id is needed', async ({ extension, sandbox }) => {
  const options = await extension.openPage(OPTIONS);
  await saveConfiguration(options, `${fixture('aesr-readme-complex.ini')}\n${BY_ALIAS}`);
  await expect(options.getByRole('status')).toHaveText(/^Saved: 12 roles, synced to your other browsers\./);
  const popup = await extension.openPage('popup/index.html');

  // No console tab in front (the popup's own tab is): a key-based sign-in, which AssumeRole cannot do with an alias.
  await popup.bringToFront();
  await popup.getByRole('combobox').fill('dev-by-alias');
  await popup.getByRole('option', { name: 'dev-by-alias', exact: true }).click();
  await expect(popup.getByRole('alert')).toContainText(
    'dev-by-alias names its account by the alias demo-dev, and signing in with keys or Identity Center (AssumeRole) needs the 12-digit account id: ' +
    'write it in aws_account_id of dev-by-alias, or switch to dev-by-alias from an AWS console tab.');
  await expect(popup.getByRole('alert').getByRole('button', { name: 'Open profile' })).toBeVisible();
  // No STS call was made (a HEAD that only opens a connection asks nothing).
  expect(sandbox.state.requests.filter((request) => request.service === 'sts' && request.method === 'POST')).toEqual([]);
  await popup.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  // Over carol's console tab: the console's own switch-role, asked for the alias.
  const tab = await consoleSignIn(extension, { name: CAROL.name, password: CAROL.password });
  await clickRole(popup, tab, 'dev-by-alias');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
  await expect(tab.getByTestId('switched-display-name')).toHaveText('dev-by-alias  |  demo-dev');
  expect(sandbox.state.requests.filter((request) => request.path === '/switchrole').map((request) => request.status)).toEqual([302]);

  // The session is registered under the alias (the account the console was asked for), shown once.
  const view = await sessionsView(extension);
  const item = view.getByRole('listitem', { name: 'dev-by-alias' });
  await expect(item.locator('.detail > span', { hasText: /^demo-dev$/ })).toHaveCount(1);

  // AESR's own [AnotherRole] goes the same way; this sandbox has no account-3-alias, and AWS says so.
  await expect(popup.getByRole('list', { name: 'About this session' })).toContainText('Switched from this console session');
  await clickRole(popup, tab, 'AnotherRole');
  await expect(popup.getByRole('alert')).toContainText('AWS refused to switch to AnotherRole:');
});
