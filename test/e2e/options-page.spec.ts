/**
 * The options page, finished (issue 14), in the browser: the popup's look in both themes (every text readable, by
 * the browser's own colours), the keys saved in one step and folded to one line, Remove asked inline, the settings
 * gathered and saved as they change, Ctrl+S in the editor, and the help link and version at the foot. Each state is
 * screenshotted in both themes into test-results/screenshots/ (options-*-light.png, options-*-dark.png).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ALICE } from '../sandbox/seed';
import { expect, maskedKeyId, test, TEST_PASSPHRASE } from './fixtures';
import { measureContrast } from './support/contrast';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const CONFIG = `[alice]\n\n[demo-dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n\n[demo-ro]\nrole_arn = arn:aws:iam::333333333333:role/ReadOnly\nsource_profile = alice\nregoin = us-east-1\n`;

/** The page in both themes, whole; each theme's texts measured for contrast on the way. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const report = await measureContrast(page);
    expect(report.checked, `${name}, ${colorScheme}: no text measured`).toBeGreaterThan(0);
    expect(report.failures, `${name}, ${colorScheme}: text under the WCAG minimum contrast`).toEqual([]);
    await page.screenshot({ path: resolve(SCREENSHOTS, `options-${name}-${colorScheme}.png`), fullPage: true, animations: 'disabled' });
  }
}

test('the options page: saved keys fold to one line, settings save as they change, Ctrl+S saves, readable in both themes', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await options.setViewportSize({ width: 1000, height: 800 });
  await expect(options).toHaveTitle('Options · Role Switcher for AWS');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Role Switcher for AWS');
  const footer = options.getByRole('contentinfo');
  // Help is the welcome page bundled with the extension (src/platform/help.ts).
  await expect(footer.getByRole('link', { name: 'Help' })).toHaveAttribute('href', `chrome-extension://${extension.extensionId}/src/welcome/index.html`);
  const version = await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
  await expect(footer).toContainText(`Version ${version}`);
  await screenshot(options, 'empty');

  // Ctrl+S saves the editor; the save line says it once, the rest is behind "Storage details".
  const editor = options.getByRole('textbox', { name: 'Configuration', exact: true });
  await editor.fill(CONFIG);
  await editor.press('Control+s');
  await expect(options.getByRole('status')).toHaveText('Saved: 2 roles, synced to your other browsers. 1 warning below.');
  await expect(options.getByText('Stored in sync storage: follows you to other browsers.')).toBeHidden();
  await screenshot(options, 'saved');

  // Keys AWS refuses: one sentence, nothing saved, nothing typed lost.
  const form = options.getByRole('form', { name: 'Keys for alice' });
  await form.getByLabel('Access key id').fill(ALICE.accessKeyId);
  await form.getByLabel('Secret access key').fill('not-the-secret-access-key-of-alice-000000');
  await form.getByLabel('Vault passphrase').fill(TEST_PASSPHRASE);
  await form.getByLabel('Confirm passphrase').fill(TEST_PASSPHRASE);
  await form.getByRole('button', { name: 'Save keys' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('Access key id')).toHaveValue(ALICE.accessKeyId);
  await screenshot(options, 'keys-refused');

  // The right keys, saved in one step: the form folds to "AKIA…0001 · user/alice · Replace · Remove".
  await form.getByLabel('Secret access key').fill(ALICE.secretAccessKey);
  await form.getByRole('button', { name: 'Save keys' }).click();
  await expect(form.getByText(maskedKeyId(ALICE.accessKeyId), { exact: true })).toBeVisible();
  await expect(form.locator('.key-summary')).toHaveText(`${maskedKeyId(ALICE.accessKeyId)}user/aliceReplaceRemove`);
  await expect(form.getByLabel('Access key id')).toHaveCount(0);
  expect(await options.content()).not.toContain(ALICE.accessKeyId);
  await screenshot(options, 'keys-saved');

  // Remove asks first, in the page.
  let dialogs = 0;
  options.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await form.getByRole('button', { name: 'Remove the keys of alice' }).click();
  const question = form.getByRole('group', { name: 'Remove the keys of alice?' });
  await expect(question).toBeVisible();
  await screenshot(options, 'keys-remove');
  expect(dialogs, 'Remove asks in the page, not with a browser dialog').toBe(0);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(form.getByText(maskedKeyId(ALICE.accessKeyId), { exact: true })).toBeVisible();

  // Settings: saved as they change, "Saved" beside the one that changed.
  const settings = options.getByRole('region', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Open the console in' }).selectOption('current-tab');
  // The mark's row, found from the mark itself (a filter's inner locator is relative to the row).
  const savedRow = settings.locator('.setting').filter({ has: options.getByText('Saved', { exact: true }) });
  await expect(settings.getByText('Saved', { exact: true })).toHaveCount(1);
  await expect(savedRow).toContainText('Open the console in');
  const warn = settings.getByRole('spinbutton', { name: 'Warn this many minutes before a console session ends (0: never)' });
  await warn.fill('10');
  await warn.press('Tab');
  await expect(savedRow).toContainText('Warn this many minutes');
  await expect(settings.getByText('Saved', { exact: true })).toHaveCount(1);
  await expect.poll(() => options.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, { warnMinutes?: number }>> } } } }).chrome.storage.sync.get('sessions.settings'))['sessions.settings']?.warnMinutes))).toBe(10);
  await screenshot(options, 'settings-saved');
  expect(sandbox.state.requests.filter((r) => r.action === 'GetCallerIdentity').length).toBeGreaterThan(0);
});
