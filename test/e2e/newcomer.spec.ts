/**
 * The first five minutes (issue 14), as a newcomer lives them: a fresh profile installs the extension, which opens the
 * welcome page; they paste AWS Extend Switch Roles' README configuration (with the sandbox's accounts in AESR's
 * format: demo-identity is alice's account, demo-dev a role her keys can assume) and step 1 ticks; they add alice's
 * keys in step 2 and it ticks; they open the popup and pick demo-dev, the console opens, and step 3 ticks on the
 * welcome page. Screenshots of the welcome page at each step, light and dark (test-results/screenshots/), each checked
 * with axe-core.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser } from '../launch/browser';
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { AESR_CONFIG } from './support/aesr-config';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** The welcome page as it is now, in both themes: a screenshot, and axe-core finds nothing. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: resolve(SCREENSHOTS, `welcome-${name}-${colorScheme}.png`), fullPage: true, animations: 'disabled' });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `${name}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('install → welcome → paste the AESR configuration → add keys → sign in, the steps ticking off', async ({ sandbox }) => {
  // Six full-page screenshots of a long page, a vault created and a sign-in: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const extension = await launchExtensionBrowser({ sandbox, keepWelcome: true });
  try {
    // The install opened the welcome page by itself.
    const welcome = extension.welcome;
    if (!welcome) throw new Error('The install opened no welcome page.');
    const step = (title: string) => welcome.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\. ${title} (Done|To do)$`) });
    await expect(welcome.getByRole('heading', { level: 1, name: 'Welcome to Role Switcher for AWS' })).toBeVisible();
    await expect(step('Your roles')).toHaveAccessibleName('1. Your roles To do');
    await expect(step('How you get in')).toHaveAccessibleName('2. How you get in To do');
    await expect(step('Pick a role')).toHaveAccessibleName('3. Pick a role To do');
    // Step 3 reads the popup's shortcut from the browser: Chromium gives an extension loaded from the command line no
    // suggested key, so the page says where to set one (the shortcut itself is shown in the unit test).
    await expect(welcome.getByText(/^No keyboard shortcut opens the popup yet: set one at chrome:\/\/extensions\/shortcuts/)).toBeVisible();
    await screenshot(welcome, 'start');

    // Step 1: AESR's README configuration pasted as it is, and saved.
    await saveConfiguration(welcome, AESR_CONFIG);
    await expect(welcome.getByText(/^Saved: \d+ roles, synced to your other browsers/)).toBeVisible();
    await expect(step('Your roles')).toHaveAccessibleName('1. Your roles Done');
    await expect(welcome.getByText(/^\d+ roles ready\.$/)).toBeVisible();
    await expect(step('How you get in')).toHaveAccessibleName('2. How you get in To do');
    await screenshot(welcome, 'roles');

    // Step 2: alice's keys for demo-identity, the source demo-dev starts from (a first vault: its passphrase too).
    await saveKeys(welcome, 'demo-identity', ALICE.accessKeyId, ALICE.secretAccessKey);
    await expect(step('How you get in')).toHaveAccessibleName('2. How you get in Done');
    await expect(welcome.getByText('Access keys for demo-identity are in the vault.')).toBeVisible();
    await expect(step('Pick a role')).toHaveAccessibleName('3. Pick a role To do');
    await screenshot(welcome, 'keys');

    // Step 3: the popup, a few letters of the role, Enter, the console.
    const popup = await extension.openPage('popup/index.html');
    const search = popup.getByRole('combobox', { name: 'Search roles' });
    await search.fill('demo-dev');
    await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toBeVisible();
    const opened = extension.context.waitForEvent('page');
    await search.press('Enter');
    const consoleTab = await opened;
    await expect(consoleTab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');

    await welcome.bringToFront();
    await expect(step('Pick a role')).toHaveAccessibleName('3. Pick a role Done');
    await expect(welcome.getByText('You are set up.', { exact: false })).toBeVisible();
    await screenshot(welcome, 'done');
  } finally {
    await extension.close();
  }
});
