/**
 * Signs in to the sandbox console as an IAM user with its sign-in form, as a person would (account, user name,
 * password, MFA code when the user has a device): the console session the console-session source switches from.
 * Used by `npm start` and the end-to-end tests.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

export interface ConsoleUser {
  name: string;
  password: string;
}

/** The sandbox's identity account, where its IAM users live (test/sandbox/seed.ts). */
export const IDENTITY_ACCOUNT = '111111111111';

/** Opens a tab, signs in, and returns it once the console shows the user; throws with the page's sentence if not. */
export async function iamUserConsoleSignIn(extension: ExtensionBrowser, user: ConsoleUser, mfaCode?: string): Promise<Page> {
  const tab = await extension.context.newPage();
  await tab.goto('https://signin.aws.amazon.com/console');
  await tab.getByLabel('Account ID (12 digits) or account alias').fill(IDENTITY_ACCOUNT);
  await tab.getByLabel('IAM user name').fill(user.name);
  await tab.getByLabel('Password').fill(user.password);
  if (mfaCode !== undefined) await tab.getByLabel('MFA code').fill(mfaCode);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  const signedIn = tab.getByTestId('signed-in-arn');
  const refused = tab.getByTestId('signin-error').or(tab.getByTestId('mfa-required'));
  await signedIn.or(refused).first().waitFor();
  if (await refused.count()) throw new Error(`The console sign-in as ${user.name} failed: ${(await refused.first().textContent())?.trim() ?? ''}`);
  return tab;
}
