/**
 * The configuration, as a person uses it: typed or pasted into the options page, saved, listed in the popup;
 * a broken profile skipped with its line number while the rest is saved and works; a text over the limits refused
 * whole while the last good one stays; real-world files; 5,000 profiles in
 * sync storage or, when too large even compressed, on this computer with a message; a save arriving from another
 * browser through storage.sync; import from and export to a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { decodeGeneration, encodeConfig, parseHead } from '../../src/core/config-storage';
import { bigConfig } from '../unit/config/big-config';
import { noisyConfig } from '../unit/config-storage/noisy-config';
import { expect, saveConfiguration, storageDetails, test } from './fixtures';
import { screenshotThemes } from './support/screenshot';

declare const chrome: {
  storage: Record<'sync' | 'local', { set(items: Record<string, unknown>): Promise<void>; get(keys: null): Promise<Record<string, unknown>> }>;
};

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'configs');
const OPTIONS = 'src/options/index.html';

const GOOD = `[organization1]
aws_account_id = 000011112222

[Org1-Account1-Role1]
role_arn = arn:aws:iam::123456789012:role/Role1
source_profile = organization1

[Org1-Account2-Role1]
aws_account_id = 210987654321
role_name = Role1
source_profile = organization1
`;

// Line 5 has an account id with a digit lost; line 8 is fine.
const BROKEN = `[organization1]
aws_account_id = 000011112222

[Broken-Role]
aws_account_id = 21098765432
role_name = Admin

[Org1-Account9-Role9]
role_arn = arn:aws:iam::999999999999:role/Role9
`;

function editor(options: Page) {
  return options.getByRole('textbox', { name: 'Configuration', exact: true });
}

test('a typed configuration is saved and listed in the popup; a broken profile is skipped, the rest saved and listed', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  await expect(options.getByText('Nothing saved yet.')).toBeVisible();
  await editor(options).click();
  await editor(options).pressSequentially(GOOD);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Saved: 2 roles, synced to your other browsers.');
  await expect((await storageDetails(options)).getByText('Stored in sync storage: follows you to other browsers.')).toBeVisible();
  await expect((await storageDetails(options)).getByText(/^2 roles saved\./)).toBeVisible();

  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByText('Org1-Account1-Role1', { exact: true }).first()).toBeVisible();
  await expect(popup.getByText('Org1-Account2-Role1', { exact: true }).first()).toBeVisible();

  await saveConfiguration(options, BROKEN);
  await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers; 1 profile skipped (fix the error below). 1 warning below.');
  const problems = options.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('Line 5');
  await expect(problems).toContainText('[Broken-Role]');
  // Clicking a line number selects that line in the editor, ready to fix.
  await problems.getByRole('button', { name: 'Line 5' }).click();
  await expect(editor(options)).toBeFocused();
  const selected = await editor(options).evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
  expect(selected).toBe('aws_account_id = 21098765432');
  // What was typed is saved as it is, to fix.
  await expect(editor(options)).toHaveValue(BROKEN);

  // The popup lists the new text: its working role, and the broken one greyed out with its reason.
  const again = await extension.openPage('popup/index.html');
  await expect(again.getByRole('option', { name: 'Org1-Account9-Role9', exact: true })).toBeVisible();
  await expect(again.getByRole('option', { name: 'Broken-Role', exact: true })).toHaveAccessibleDescription(/^Skipped: aws_account_id = 21098765432 has 11 digits/);
  await expect(again.getByText('Org1-Account1-Role1')).toHaveCount(0);
});

test('a text over the limits is refused whole: not saved, and the last good configuration stays in use', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  await saveConfiguration(options, GOOD);
  await expect(options.getByRole('status')).toHaveText('Saved: 2 roles, synced to your other browsers.');
  await importAndSave(options, `${GOOD}${'[p]\n'.repeat(20_000)}`);
  await expect(options.getByRole('status')).toHaveText('Not saved: the whole text was refused (see below). The last good configuration stays in use.');
  await expect(options.getByRole('list', { name: 'Problems' })).toContainText('This configuration has 20,003 sections');
  await expect((await storageDetails(options)).getByText(/^2 roles saved\./)).toBeVisible();
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByRole('option', { name: 'Org1-Account1-Role1', exact: true })).toBeVisible();
});

/** Each file's roles, and what its mistakes skip: every one of them saves. */
const EXPECTED_ROLES: Record<string, { roles: number; skipped?: string }> = {
  'aesr-readme-simple.ini': { roles: 3 },
  'aesr-readme-complex.ini': { roles: 11 },
  'aesr-options-page.ini': { roles: 3 },
  'aesr-config-sender.ini': { roles: 3 },
  'aws-cli-config.ini': { roles: 8 },
  'aws-cli-sso.ini': { roles: 6, skipped: '2 profiles skipped, 1 sso-session skipped (fix the errors below)' },
};

test('every real-world configuration saves, with its count of roles', async ({ extension }) => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.ini')).sort();
  expect(files).toEqual(Object.keys(EXPECTED_ROLES).sort());
  const options = await extension.openPage(OPTIONS);
  for (const file of files) {
    const { roles, skipped } = EXPECTED_ROLES[file]!;
    await saveConfiguration(options, readFileSync(resolve(FIXTURES, file), 'utf8'));
    await expect(options.getByRole('status'), file).toHaveText(new RegExp(`^Saved: ${roles} roles, synced to your other browsers${skipped === undefined ? '' : `; ${escape(skipped)}`}\\.`));
  }
});

function escape(text: string): string {
  return text.replace(/[()]/g, '\\$&');
}

/**
 * Imports a file as a person with thousands of profiles would. (Playwright's `fill` inserts text the way an IME
 * does, which Chromium handles in time quadratic in the number of lines: minutes for 25,000 lines, whereas a
 * paste or a file import is instant. microsoft/playwright#33761.)
 */
async function importAndSave(options: Page, text: string): Promise<void> {
  await options.getByLabel('Import file…').setInputFiles({ name: 'config', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(options.getByRole('status')).toHaveText('Loaded config: review it, then Save.');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
}

test('5,000 profiles go to sync storage compressed, or stay on this computer when too large', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  await importAndSave(options, bigConfig(5000));
  await expect(options.getByRole('status')).toHaveText('Saved: 4998 roles, synced to your other browsers.', { timeout: 30_000 });
  await expect((await storageDetails(options)).getByText('Stored in sync storage: follows you to other browsers.')).toBeVisible();
  await expect((await storageDetails(options)).getByText(/^4998 roles saved\. 5\d\d\.\d KB of text, 5\d\.\d KB compressed/)).toBeVisible();

  // Random account ids and role names hardly compress: 5,000 of them need ~155 KB, over the 100 KB sync quota.
  await importAndSave(options, noisyConfig(5000));
  await expect(options.getByRole('status')).toHaveText('Saved: 5000 roles, on this computer only (too large to sync).', { timeout: 30_000 });
  await expect(options.getByText(/^Too large for sync \(1\d\d\.\d KB compressed\); stored on this computer only\.$/)).toBeVisible();
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByText('noisy-0', { exact: true }).first()).toBeVisible();
});

/** Writes a configuration into storage.sync as Chrome sync does when another browser saved it: item by item. */
async function arriveFromAnotherBrowser(extension: { worker(): Promise<import('@playwright/test').Worker> }, text: string): Promise<void> {
  const { head, chunks } = await encodeConfig(text, `remote${Date.now()}`, Date.now());
  const worker = await extension.worker();
  await worker.evaluate(
    async ({ head, chunks }) => {
      // The header first: the page must wait for the chunks rather than show half a configuration.
      await chrome.storage.sync.set({ 'config.head': head });
      for (const [key, value] of Object.entries(chunks)) await chrome.storage.sync.set({ [key]: value });
    },
    { head, chunks },
  );
}

const REMOTE = `[from-another-browser]
role_arn = arn:aws:iam::444444444444:role/Remote
`;

test('a save on another browser shows up in an open options page', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  await saveConfiguration(options, GOOD);
  await expect(options.getByRole('status')).toHaveText('Saved: 2 roles, synced to your other browsers.');

  await arriveFromAnotherBrowser(extension, REMOTE);
  await expect(editor(options)).toHaveValue(REMOTE);
  await expect(options.getByRole('status')).toHaveText('The saved configuration was changed in another browser or tab; the editor shows it now.');
  await expect((await storageDetails(options)).getByText(/^1 role saved\./)).toBeVisible();

  // With unsaved edits in the editor, a change from elsewhere does not replace them: it is offered instead.
  await editor(options).fill(`${REMOTE}\n; my unsaved edit\n`);
  await arriveFromAnotherBrowser(extension, GOOD);
  await expect(options.getByRole('status')).toContainText('Your unsaved edits are kept.');
  await expect(editor(options)).toHaveValue(`${REMOTE}\n; my unsaved edit\n`);
  await options.getByRole('button', { name: 'Load the saved configuration' }).click();
  await expect(editor(options)).toHaveValue(GOOD);
});

// The popup listens through onConfigChanged (popup/use-popup-data.ts) and asks for the roles again.
test('a save on another browser shows up in an open popup', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  await saveConfiguration(options, GOOD);
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByText('Org1-Account1-Role1', { exact: true }).first()).toBeVisible();

  await arriveFromAnotherBrowser(extension, REMOTE);
  await expect(popup.getByText('from-another-browser', { exact: true }).first()).toBeVisible();
  await expect(popup.getByText('Org1-Account1-Role1', { exact: true })).toHaveCount(0);
});

test('a configuration of an earlier version (config.text in storage.local) moves to sync and keeps working', async ({ extension }) => {
  const worker = await extension.worker();
  await worker.evaluate(async (text) => chrome.storage.local.set({ 'config.text': text }), GOOD);
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByText('Org1-Account1-Role1', { exact: true }).first()).toBeVisible();
  const sync = await worker.evaluate(async () => Object.keys(await chrome.storage.sync.get(null)));
  expect(sync).toContain('config.head');
  const options = await extension.openPage(OPTIONS);
  await expect(editor(options)).toHaveValue(GOOD);
  await expect((await storageDetails(options)).getByText('Stored in sync storage: follows you to other browsers.')).toBeVisible();
});

test('import a ~/.aws/config file for review, save it, and export the saved configuration', async ({ extension }) => {
  const options = await extension.openPage(OPTIONS);
  const file = resolve(FIXTURES, 'aws-cli-config.ini');
  await options.getByLabel('Import file…').setInputFiles(file);
  await expect(options.getByRole('status')).toHaveText('Loaded aws-cli-config.ini: review it, then Save.');
  await expect(editor(options)).toHaveValue(readFileSync(file, 'utf8'));
  await expect(options.getByText('Nothing saved yet.')).toBeVisible(); // nothing is saved until the user says so

  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText(/^Saved: 8 roles, synced to your other browsers\./);

  const downloading = options.waitForEvent('download');
  await options.getByRole('link', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('aws-config.ini');
  expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(file, 'utf8'));
});

test('access keys pasted into the configuration are never stored, synced or exported; they fill in the vault form', async ({ extension }) => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const typed = `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n\n` +
    '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n';
  const options = await extension.openPage(OPTIONS);
  await editor(options).fill(typed);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText(
    'Saved: 1 role, synced to your other browsers. 2 lines with access keys taken out: keys are never stored in the configuration. What to do with them: see Access keys.',
  );
  // The editor shows what was saved: the two lines became comments in the same place.
  await expect(editor(options)).toHaveValue(/^\[base\]\n# aws_access_key_id removed: .*\n# aws_secret_access_key removed: .*\n\n\[prod\]/);
  await expect(editor(options)).toHaveAttribute('autocomplete', 'off');
  // Offered to the vault: the Access keys form of that source holds them, to check and save with a passphrase.
  const keys = options.getByRole('region', { name: 'Access keys' });
  await expect(keys.getByRole('note')).toHaveText(
    'The keys written in the configuration for base are filled in below: choose a vault passphrase and Save keys to keep them in the encrypted vault.',
  );
  await expect(options.getByLabel('Secret access key')).toHaveValue(secret);
  await screenshotThemes(options, 'options-keys-taken-out');

  const worker = await extension.worker();
  const sync = await worker.evaluate(async () => chrome.storage.sync.get(null));
  const head = parseHead(sync['config.head']);
  if (!head) throw new Error('the configuration was not saved to sync');
  // What the browser uploads to its sync service, decompressed as any reader would.
  const uploaded = await decodeGeneration(sync, head);
  expect(uploaded).toContain('role_arn = arn:aws:iam::123456789012:role/Admin');
  expect(uploaded).not.toContain(secret);
  expect(uploaded).not.toContain('AKIAIOSFODNN7EXAMPLE');
  const local = await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(local).toContain('role_arn = arn:aws:iam::123456789012:role/Admin'); // the sync copy kept here, in clear
  expect(local).not.toContain(secret);

  const downloading = options.waitForEvent('download');
  await options.getByRole('link', { name: 'Export' }).click();
  const exported = readFileSync(await (await downloading).path(), 'utf8');
  expect(exported).toContain('role_arn = arn:aws:iam::123456789012:role/Admin');
  expect(exported).not.toContain(secret);
  expect(exported).not.toContain('AKIAIOSFODNN7EXAMPLE');
});

test('a configuration stored with access keys (by an older version, or synced from one) is scrubbed as soon as it arrives', async ({ extension }) => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYOLDVERSION';
  const worker = await extension.worker();
  // What an older version left: the text as typed, in storage.local (as it stored configurations too large for sync).
  await worker.evaluate(async (text) => {
    await chrome.storage.local.set({ 'config.local': { text, savedAt: Date.now(), reason: 'too-large', syncBytes: 1 } });
  }, `[base]\naws_secret_access_key = ${secret}\n[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n`);
  // A configuration change (here, its arrival in storage) rewrites it without the key. The browser's start and the
  // extension's update do the same through their own events: test/unit/background/worker-start.test.ts.
  await expect.poll(async () => worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).not.toContain(secret);
  const options = await extension.openPage(OPTIONS);
  await expect(editor(options)).toHaveValue(/# aws_secret_access_key removed/);
});
