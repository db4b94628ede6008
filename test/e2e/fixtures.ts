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
  const editor = options.getByRole('textbox', { name: 'Configuration' });
  await editor.fill(text);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Fills the access keys of one source on the options page. */
export async function saveKeys(options: Page, source: string, accessKeyId: string, secretAccessKey: string): Promise<void> {
  const form = options.getByRole('form', { name: `Keys for ${source}` });
  await form.getByLabel('Access key id').fill(accessKeyId);
  await form.getByLabel('Secret access key').fill(secretAccessKey);
  await form.getByRole('button', { name: /Save keys|Replace keys/ }).click();
  await expect(form.getByText(`Key in use: ${accessKeyId}`)).toBeVisible();
}
