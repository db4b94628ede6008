/**
 * "Open in…" (issue 14): a role's menu signs in with the console in a chosen region and on a chosen service, as
 * Granted's `assume -c --region eu-west-1 -s ec2` does. The profile says us-east-1 and nothing of a service; the
 * console lands on eu-west-1's EC2, the STS call still goes where the profile says. Screenshots of the menu and
 * its form go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ALICE } from '../sandbox/seed';
import { expectAccessible } from './support/axe';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const CONFIG = `
[alice]

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = us-east-1
color = #2e7d32
`;

async function screenshot(popup: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.locator('main').screenshot({ path: resolve(SCREENSHOTS, `popup-${name}-${colorScheme}.png`), animations: 'disabled' });
  }
  // Each state shown is also checked with axe-core, in both themes (support/axe.ts).
  await expectAccessible(popup, `popup ${name}`);
}

test('the role menu opens the console in the region and on the service chosen', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText(/^Saved: 1 role/);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await extension.openPage('popup/index.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click({ button: 'right' });
  await expect(popup.getByRole('menu', { name: 'Actions for demo-dev' })).toBeVisible();
  await screenshot(popup, 'role-menu');
  await popup.getByRole('menuitem', { name: 'Open in region or service…' }).click();
  const form = popup.getByRole('dialog', { name: 'Open demo-dev in…' });
  await expect(form.getByLabel('Region')).toHaveValue('us-east-1');
  await form.getByLabel('Region').selectOption('eu-west-1');
  await form.getByLabel('Service (optional)').fill('ec2');
  await screenshot(popup, 'open-in');

  const consolePage = extension.context.waitForEvent('page');
  await form.getByLabel('Service (optional)').press('Enter');
  const tab = await consolePage;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(tab.getByTestId('console-region')).toHaveText('eu-west-1');
  const landed = new URL(tab.url());
  expect(`${landed.origin}${landed.pathname}`).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/ec2\//);
  await expect(popup.getByRole('status')).toHaveText(/^Signed in as /);
  // The login's destination was built by the worker from the choice; STS stays where the profile says.
  const hosts = sandbox.state.requests.map((request) => `${request.host} ${request.action ?? request.path}`);
  expect(hosts).toContain('sts.us-east-1.amazonaws.com AssumeRole');
});

test('the popup\u2019s menu: options, help, grouping, sign out of all (asked first), version and shortcut', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText(/^Saved: 1 role/);
  const popup = await extension.openPage('popup/index.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toBeVisible();
  // The key hints: one line, each hint whole (one that does not fit is left out, never cut).
  const hints = popup.locator('footer.hints');
  const line = await hints.boundingBox();
  for (const hint of await hints.locator('span').all()) {
    const box = await hint.boundingBox();
    if (box && line && box.y < line.y + line.height - 5) expect(box.x + box.width).toBeLessThanOrEqual(line.x + line.width);
  }
  expect(line?.height).toBeLessThan(30);
  await screenshot(popup, 'hints');
  await popup.getByRole('button', { name: 'More: options, help, sign out of all' }).click();
  await expect(popup.getByText(/^Version \d/)).toBeVisible();
  // As the browser has it: a browser started for tests may leave the manifest's suggested key unassigned.
  await expect(popup.getByText(/^(Alt\+Shift\+R opens this popup|No shortcut opens this popup: set one in the browser's extension shortcuts)$/)).toBeVisible();
  await screenshot(popup, 'menu');
  await popup.getByRole('menuitem', { name: 'Sign out of all sessions…' }).click();
  await expect(popup.getByRole('alertdialog')).toBeVisible();
  await screenshot(popup, 'sign-out-all');
  await popup.getByRole('button', { name: 'Sign out of all', exact: true }).click();
  await expect(popup.getByRole('alertdialog')).toBeHidden();
});
