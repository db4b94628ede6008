/** Each test gets a fresh sandbox and a fresh Chromium profile with the extension loaded. */
import { test as base, expect, type Page } from '@playwright/test';
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

/**
 * Fills the access keys of one source on the options page, checks them with AWS (GetCallerIdentity: the identity
 * ARN must show), and saves them; a first-time vault gets `passphrase`, typed twice.
 */
export async function saveKeys(options: Page, source: string, accessKeyId: string, secretAccessKey: string, passphrase = TEST_PASSPHRASE): Promise<void> {
  const form = options.getByRole('form', { name: `Keys for ${source}` });
  await form.getByLabel('Access key id').fill(accessKeyId);
  await form.getByLabel('Secret access key').fill(secretAccessKey);
  await form.getByRole('button', { name: 'Check keys' }).click();
  await expect(form.getByText(/^These keys belong to arn:/)).toBeVisible();
  const firstTime = form.getByLabel('Vault passphrase');
  if (await firstTime.isVisible()) {
    await firstTime.fill(passphrase);
    await form.getByLabel('Confirm passphrase').fill(passphrase);
  }
  await form.getByRole('button', { name: /Save keys|Replace keys/ }).click();
  await expect(form.getByText(`Key in use: ${accessKeyId}`)).toBeVisible();
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
