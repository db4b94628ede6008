/**
 * The popup over a console tab (issue 13), as an AWS Extend Switch Roles user meets it: AESR's README configurations
 * and the sandbox's accounts pasted as they are (support/aesr-config.ts); carol signs in to the console with her
 * password (an IAM user of 111111111111, the base account); the popup opens over that tab and says which console it
 * is and which roles it can switch to, without moving a row. With keys for the base in the vault too, a role could go
 * either way: a plain click takes the default (keys: a new federated tab with a timer), Alt+click the other (this
 * console tab switches).
 *
 * The popup is a tab of its own here. It asks about the tab in front when it opens, so each time it is reloaded
 * behind the console tab, which then is the active one: the popup opening over the console.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { BOB, CAROL } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { AESR_CONFIG, CAROL_OFFER } from './support/aesr-config';
import { clickRole, consoleSignIn } from './support/console-session';
import { rowNames } from './support/role-rows';

const LINE = `Console: carol in 111111111111 — ${CAROL_OFFER.length} roles can switch from it`;
const ONLY = 'Show only roles that can switch from this console';
const CAROL_LOGIN = { name: CAROL.name, password: CAROL.password };
/** Section headers are options too (a group's name, count and state): the roles are the others. */
const HEADER = /\(\d+\), (expanded|collapsed)\./;

async function saveConfig(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, AESR_CONFIG);
  await expect(options.getByRole('status')).toHaveText(/^Saved: \d+ roles, synced to your other browsers/);
  return options;
}

/** The popup opens again, over the console tab in front, and waits until the console is known. */
async function reopenOver(popup: Page, consoleTab: Page): Promise<void> {
  await consoleTab.bringToFront();
  await popup.reload();
  await expect(popup.getByText(LINE)).toBeVisible();
}

async function roleNames(popup: Page): Promise<string[]> {
  const names = await rowNames(popup.getByRole('listbox', { name: 'Roles' }).getByRole('option'));
  return names.filter((name) => !HEADER.test(name)).sort();
}

test('over carol\u2019s console: the line says so without moving a row, and "only roles that can switch" lists exactly the base\u2019s targets and the singles', async ({ extension }) => {
  await saveConfig(extension);
  // Over a tab that is no console (its own page): no console line, nothing said.
  const popup = await extension.openPage('popup/index.html');
  const firstRow = popup.getByRole('listbox', { name: 'Roles' }).getByRole('option').first();
  await expect(firstRow).toBeVisible();
  // A re-render can replace the row between finding and measuring it (no box): measure again until it is drawn.
  let before: Awaited<ReturnType<typeof firstRow.boundingBox>> = null;
  await expect.poll(async () => (before = await firstRow.boundingBox())).not.toBeNull();
  expect(await roleNames(popup)).not.toEqual([...CAROL_OFFER].sort());

  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  await reopenOver(popup, tab);
  await expect(popup.getByRole('alert')).toHaveCount(0);
  // The line has its own place under the list: the rows are where they were without it.
  await expect.poll(() => firstRow.boundingBox()).toEqual(before);

  const only = popup.getByRole('button', { name: ONLY });
  await expect(only).toHaveAttribute('aria-pressed', 'false');
  await only.click();
  await expect(only).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => roleNames(popup)).toEqual([...CAROL_OFFER].sort());
  for (const profile of CAROL_OFFER) {
    await expect(popup.getByRole('option', { name: profile, exact: true })).toHaveAccessibleDescription(/a click switches this console tab/);
  }

  // Saved with the sign-in settings: the next opening lists only those, and the options page says it is on.
  await reopenOver(popup, tab);
  await expect(popup.getByRole('button', { name: ONLY })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => roleNames(popup)).toEqual([...CAROL_OFFER].sort());
  const options = await extension.openPage('src/options/index.html');
  await expect(options.getByRole('checkbox', { name: ONLY })).toBeChecked();
});

test('keys for the base in the vault: a plain click signs in with keys in a new tab, Alt+click switches the console tab', async ({ extension }) => {
  const options = await saveConfig(extension);
  await saveKeys(options, 'demo-identity', BOB.accessKeyId, BOB.secretAccessKey);
  const popup = await extension.openPage('popup/index.html');
  const tab = await consoleSignIn(extension, CAROL_LOGIN);
  await reopenOver(popup, tab);
  await popup.getByRole('combobox', { name: 'Search roles' }).fill('demo-dev');
  const dev = popup.getByRole('option', { name: 'demo-dev', exact: true });
  await expect(dev).toHaveAccessibleDescription(/a click signs in with keys, a new session; Alt\+click switches this console tab/);
  await expect(popup.getByText('Alt+↵ other way')).toBeVisible();

  // Alt+click: the other way, the console's own switch-role in carol's tab; no tab opens.
  const pages = extension.context.pages().length;
  await clickRole(popup, tab, 'demo-dev', ['Alt']);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
  await expect(popup.getByRole('status')).toHaveText('Signed in as demo-dev (Developer · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/Developer\/carol/);
  expect(extension.context.pages()).toHaveLength(pages);

  // A plain click: the default way, keys: bob's keys assume the role and a new federated tab opens; the console tab stays.
  const opened = extension.context.waitForEvent('page');
  await clickRole(popup, tab, 'demo-dev');
  const federated = await opened;
  await expect(federated.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/bob');
  await expect(popup.getByRole('status')).toHaveText('Signed in as demo-dev (Developer · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/Developer\/bob/);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/carol');
});
