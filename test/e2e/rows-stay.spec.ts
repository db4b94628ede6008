/**
 * Nothing moves the rows while the popup is open (issue 14): a quick second click must land on the role the person
 * aimed at, never on the one a status line, the sessions strip or an alert pushed under the pointer. Each row's box
 * is measured before a sign-in and after each thing a sign-in shows: its progress and success line, the "Console
 * sessions" strip arriving, an error alert, an MFA prompt. Screenshots of each state go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { rowNames } from './support/role-rows';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

// One group, so the rows stay in one place in the list; demo-denied's role does not trust alice (AccessDenied) and
// demo-admin's asks for an MFA code.
const CONFIG = `
[alice]

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
color = #2e7d32
group = Sandbox

[demo-denied]
role_arn = arn:aws:iam::444444444444:role/BreakGlass
source_profile = alice
color = #c62828
group = Sandbox

[demo-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}
group = Sandbox

[demo-readonly]
role_arn = arn:aws:iam::222222222222:role/ReadOnly
source_profile = alice
group = Sandbox
`;

type Boxes = Record<string, { x: number; y: number; width: number; height: number } | null>;

/** Every rendered row's box on the page, by accessible name. */
async function rowBoxes(popup: Page): Promise<Boxes> {
  const boxes: Boxes = {};
  for (const option of await popup.getByRole('option').all()) boxes[(await rowNames(option))[0] ?? ''] = await option.boundingBox();
  return boxes;
}

async function screenshot(popup: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.locator('main').screenshot({ path: resolve(SCREENSHOTS, `popup-rows-stay-${name}-${colorScheme}.png`), animations: 'disabled' });
  }
}

test('no row moves from before a sign-in to after it: status, sessions strip, alert and prompt have places of their own', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByText(/^Saved/)).toBeVisible();
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await extension.openPage('popup/index.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('listbox', { name: 'Roles' })).toHaveAttribute('aria-busy', 'false');
  await expect(popup.getByRole('option', { name: 'demo-readonly', exact: true })).toBeVisible();
  const before = await rowBoxes(popup);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['demo-dev', 'demo-denied', 'demo-admin', 'demo-readonly']));
  await screenshot(popup, 'before');

  // A sign-in: its progress, then its success line, then the sessions strip once the session is registered.
  const consolePage = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click();
  expect(await rowBoxes(popup)).toEqual(before);
  await expect((await consolePage).getByTestId('signed-in-arn')).toContainText('assumed-role/Developer');
  await popup.bringToFront();
  await expect(popup.getByRole('status')).toHaveText(/^Signed in as /);
  expect(await rowBoxes(popup)).toEqual(before);
  await expect(popup.getByRole('button', { name: /Console sessions: 1/ })).toBeVisible();
  expect(await rowBoxes(popup)).toEqual(before);
  await screenshot(popup, 'signed-in');

  // A refusal: the alert lies over the list's top, and the rows under it stay where they were.
  await popup.getByRole('option', { name: 'demo-denied', exact: true }).click();
  await expect(popup.getByRole('alert')).toContainText('You are not allowed to assume');
  expect(await rowBoxes(popup)).toEqual(before);
  await screenshot(popup, 'alert');
  await popup.getByRole('button', { name: 'Dismiss' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(await rowBoxes(popup)).toEqual(before);

  // A prompt (the MFA code) is in front of the list too, not above it.
  await popup.getByRole('option', { name: 'demo-admin', exact: true }).click();
  await expect(popup.getByRole('form', { name: 'MFA code' })).toBeVisible();
  expect(await rowBoxes(popup)).toEqual(before);
  await screenshot(popup, 'prompt');
});
