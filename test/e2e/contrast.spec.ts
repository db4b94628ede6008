/**
 * Every text the popup shows is readable, in the light and the dark theme: WCAG contrast computed from the
 * browser's own colours (test/e2e/support/contrast.ts) in each state a person meets: no configuration, the role
 * list (searched, a row selected, a sign-in that failed), and the Sessions view with a session in each state
 * (live, signing in, expired, replaced by a long-named profile, replaced from outside, refused), Renew included.
 * The sessions are written into the registry the way the background keeps it, so no console is needed.
 */
import type { Page } from '@playwright/test';
import { expect, sendFrom, test } from './fixtures';
import { measureContrast } from './support/contrast';
import { DEMO_ROLES_CONFIG, LONG_PROFILE as LONG, LONG_ROLE_CONFIG, seedSessions, tabIdOf } from './support/sessions';

const CONFIG = `${DEMO_ROLES_CONFIG}${LONG_ROLE_CONFIG}`;

async function expectReadable(page: Page, state: string): Promise<void> {
  const report = await measureContrast(page);
  expect(report.checked, `${state}: no text measured`).toBeGreaterThan(0);
  expect(report.failures, `${state}: text under the WCAG minimum contrast`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every text in the popup is readable, ${scheme} theme`, async ({ extension }) => {
    const popup = await extension.openPage('popup/index.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });

    // No configuration yet.
    await expect(popup.getByRole('region')).toBeVisible();
    await expectReadable(popup, 'no configuration');

    // The role list; searched; a row selected.
    expect(await sendFrom(popup, 'config.save', { text: CONFIG })).toMatchObject({ ok: true, value: { saved: true } });
    await popup.reload();
    await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toBeVisible();
    await expectReadable(popup, 'role list');
    const search = popup.getByRole('combobox').or(popup.getByRole('searchbox')).first();
    await search.fill('dev');
    await expect(popup.locator('mark').first()).toBeVisible();
    await expectReadable(popup, 'role list, searched');
    await search.fill('');
    await search.press('ArrowDown');
    await expect(popup.locator('[aria-selected="true"]').first()).toBeVisible();
    await expectReadable(popup, 'role list, a row selected');

    // A sign-in that cannot go on (no keys for alice yet): the panel with its alert and actions. A click on such a
    // row now opens the keys form (marked before any click), so the failure comes from Alt+C (credentials for a
    // terminal), which asks the worker and gets the same "no access keys" error.
    await search.fill('demo-ro');
    await search.press('Alt+KeyC');
    await expect(popup.getByRole('alert')).toBeVisible();
    await expectReadable(popup, 'sign-in failed');
    await search.fill('');

    // Sessions in every state: the strip and markers in the role list, then the Sessions view.
    // Their tabs: pages of ours, whose URLs the popup may read (it has no `tabs` permission for other pages).
    const consoleTab = await extension.openPage('src/options/index.html');
    const landingTab = await extension.context.newPage();
    await landingTab.goto(`chrome-extension://${extension.extensionId}/src/options/index.html?landing`);
    await seedSessions(popup, await tabIdOf(popup, consoleTab), await tabIdOf(popup, landingTab));
    await popup.goto(popup.url().replace(/#.*$/, ''));
    // The strip counts the live ones only (2 of the 7: the others ended, replaced or refused).
    await expect(popup.getByRole('button', { name: /Console sessions: 2/ })).toBeVisible();
    await expectReadable(popup, 'role list with sessions');

    await popup.goto(`${popup.url().replace(/#.*$/, '')}#sessions`);
    await popup.reload();
    // The ended, replaced and refused ones are folded into one line: opened, they are read too.
    await popup.getByRole('button', { name: 'Ended (5)' }).click();
    const replaced = popup.getByRole('listitem', { name: LONG }).filter({ hasText: 'Replaced: signed in as' });
    await expect(replaced).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Renew demo-ro' }).first()).toBeVisible();
    await expectReadable(popup, 'Sessions view');
    // The whole profile name shows beside a long "Replaced: …" line, not cut with an ellipsis.
    const name = replaced.locator('.session-head .name');
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await replaced.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: test.info().outputPath(`sessions-${scheme}.png`), fullPage: true });

    // Renewing an ended session asks for the vault: the renewal panel.
    await popup.getByRole('listitem', { name: 'demo-ro' }).filter({ hasText: 'Expired' }).getByRole('button', { name: 'Renew demo-ro' }).click();
    await expect(popup.getByRole('alert').or(popup.getByRole('form')).first()).toBeVisible();
    await expectReadable(popup, 'Sessions view, renewing');
  });
}
