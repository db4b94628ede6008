/**
 * "Copy credentials for the terminal" (issue 15): Alt+C on a role, or its menu, assumes the role as a sign-in does
 * (no console opens) and puts its temporary credentials on the clipboard in the shell's syntax; the test reads the
 * clipboard and uses them against the sandbox's STS, where GetCallerIdentity answers as the role.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { stsClientFor } from '../sandbox/node-client';
import type { Sandbox } from '../sandbox/index';
import { ALICE, ALICE_DEV_CONFIG } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { readClipboard } from './support/clipboard';

const CONFIG = ALICE_DEV_CONFIG;
const DEV_ARN = /^arn:aws:sts::222222222222:assumed-role\/Developer\/alice$/;

async function popupWithKeys(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  const popup = await extension.openPage('popup/index.html');
  await popup.getByRole('combobox').fill('demo-dev');
  return popup;
}

/** Who AWS says the copied credentials are. */
async function callerOf(sandbox: Sandbox, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<string | undefined> {
  const sts = stsClientFor(sandbox, { region: 'eu-west-1', credentials });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    sts.destroy();
  }
}

test('Alt+C copies the role\u2019s credentials as bash exports, without opening a console; AWS answers as the role', async ({ extension, sandbox }) => {
  const popup = await popupWithKeys(extension);
  await popup.getByRole('combobox').press('Alt+KeyC');
  await expect(popup.getByRole('status')).toContainText('Copied credentials for demo-dev (bash / zsh) to the clipboard, valid until');

  const text = await readClipboard(extension);
  const value = (name: string) => new RegExp(`^export ${name}='([^']+)'$`, 'm').exec(text)?.[1] ?? '';
  const credentials = { accessKeyId: value('AWS_ACCESS_KEY_ID'), secretAccessKey: value('AWS_SECRET_ACCESS_KEY'), sessionToken: value('AWS_SESSION_TOKEN') };
  expect(credentials.accessKeyId).toMatch(/^ASIA/);
  expect(await callerOf(sandbox, credentials)).toMatch(DEV_ARN);
  // No console opened: no sign-in token was asked for.
  expect(sandbox.state.signinTokens.size).toBe(0);
});

test('the role\u2019s menu (right click or Shift+F10) copies them for PowerShell, and the choice is what Alt+C uses next', async ({ extension, sandbox }) => {
  const popup = await popupWithKeys(extension);
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click({ button: 'right' });
  const menu = popup.getByRole('menu', { name: 'Actions for demo-dev' });
  await expect(menu).toBeVisible();
  await popup.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await popup.getByRole('combobox').press('Shift+F10');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Copy credentials for the terminal: PowerShell' }).click();
  await expect(popup.getByRole('status')).toContainText('(PowerShell)');
  const text = await readClipboard(extension);
  const value = (name: string) => new RegExp(`^\\$Env:${name} = '([^']+)'$`, 'm').exec(text)?.[1] ?? '';
  expect(await callerOf(sandbox, { accessKeyId: value('AWS_ACCESS_KEY_ID'), secretAccessKey: value('AWS_SECRET_ACCESS_KEY'), sessionToken: value('AWS_SESSION_TOKEN') })).toMatch(DEV_ARN);

  // Copied: nothing to dismiss (the status line says so, nothing lies over the list); Alt+C copies new credentials.
  await expect(popup.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  await popup.getByRole('combobox').press('Alt+KeyC');
  await expect.poll(() => readClipboard(extension)).not.toBe(text);
  expect(await readClipboard(extension)).toMatch(/^\$Env:AWS_ACCESS_KEY_ID = /m);
  await expect(popup.getByRole('status')).toContainText('(PowerShell)');
});
