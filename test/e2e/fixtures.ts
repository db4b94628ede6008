/** Each test gets a fresh sandbox and a fresh Chromium profile with the extension loaded. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../launch/browser';
import { startSandbox, type Sandbox } from '../sandbox/index';

interface Fixtures {
  sandbox: Sandbox;
  extension: ExtensionBrowser;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring to see the fixture's dependencies.
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.close();
  },
  extension: async ({ sandbox }, use) => {
    const extension = await launchExtensionBrowser({ sandbox });
    await use(extension);
    await extension.close();
  },
});

export { expect };

/** Types a configuration into the options page and saves it, as a person would. */
export async function saveConfiguration(options: Page, text: string): Promise<void> {
  const editor = options.getByRole('textbox', { name: 'Configuration', exact: true });
  await editor.fill(text);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
}

/** The vault passphrase the end-to-end tests choose. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** A key id as the options page shows saved keys: its first and last four characters (`AKIA…0001`). */
export function maskedKeyId(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/**
 * Saves the access keys of one source on the options page in its one step, "Save keys" (checked with AWS's
 * GetCallerIdentity, saved only when AWS takes them), replacing keys already saved; a first-time vault gets
 * `passphrase`, typed twice. The form then folds to its one line, `AKIA…0001 · user/alice`.
 */
export async function saveKeys(options: Page, source: string, accessKeyId: string, secretAccessKey: string, passphrase = TEST_PASSPHRASE): Promise<void> {
  const form = options.getByRole('form', { name: `Keys for ${source}` });
  const keyField = form.getByLabel('Access key id');
  const replace = form.getByRole('button', { name: `Replace the keys of ${source}` });
  await expect(keyField.or(replace)).toBeVisible();
  if (await replace.isVisible()) await replace.click();
  await keyField.fill(accessKeyId);
  await form.getByLabel('Secret access key').fill(secretAccessKey);
  const firstTime = form.getByLabel('Vault passphrase');
  if (await firstTime.isVisible()) {
    await firstTime.fill(passphrase);
    await form.getByLabel('Confirm passphrase').fill(passphrase);
  }
  await form.getByRole('button', { name: 'Save keys' }).click();
  await expect(form.getByText(maskedKeyId(accessKeyId), { exact: true })).toBeVisible();
}

/** Opens the editor's "Storage details" disclosure (where the configuration is stored, how big it is) and returns it. */
export async function storageDetails(options: Page): Promise<Locator> {
  const toggle = options.getByRole('button', { name: 'Storage details', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return options.locator('.disclosure').filter({ has: toggle });
}

/** The slice of the extension API used inside pages below (the tests do not load @types/chrome). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Sends a message from an extension page as the popup or options page would (`send` in src/messages.ts), and
 * returns the background's answer: `{ ok, value }` or `{ ok: false, error: { code, message } }`.
 */
export async function sendFrom(page: Page, type: string, request: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; mfaSerial?: string } }> {
  return page.evaluate(
    async (envelope) => (await chrome.runtime.sendMessage(envelope)) as { ok: boolean },
    { type, request },
  );
}
