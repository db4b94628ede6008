/**
 * Helpers for end-to-end tests that start from a console session the person already has (issue 13): signing in to
 * the sandbox console with the IAM-user form, as a person would, and clicking a role in the popup over that tab.
 */
import { expect, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../launch/browser';
import { IDENTITY_ACCOUNT, iamUserConsoleSignIn, type ConsoleUser } from '../../launch/console-login';

/**
 * Signs in to the sandbox console (account 111111111111) with the IAM-user form (test/launch/console-login.ts, as
 * `npm start` does); waits until the console says who: the user, or `landsAs` where the extension switches the tab on
 * its own (auto-assume).
 */
export async function consoleSignIn(
  extension: ExtensionBrowser,
  user: ConsoleUser,
  mfaCode?: string,
  landsAs = `arn:aws:iam::${IDENTITY_ACCOUNT}:user/${user.name}`,
): Promise<Page> {
  const tab = await iamUserConsoleSignIn(extension, user, mfaCode);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(landsAs);
  return tab;
}

/**
 * The popup over the console tab: the console tab is the active one; the person types the role's name and clicks it
 * (with `modifiers` held: Alt takes the other way of a role that could go either way).
 */
export async function clickRole(popup: Page, consoleTab: Page, profile: string, modifiers: Array<'Alt' | 'Shift' | 'ControlOrMeta'> = []): Promise<void> {
  await consoleTab.bringToFront();
  await popup.getByRole('combobox').fill(profile);
  await popup.getByRole('option', { name: profile, exact: true }).click({ modifiers });
}

/** The popup's Sessions view in a tab of its own. */
export async function sessionsView(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup/index.html#sessions`);
  return page;
}
