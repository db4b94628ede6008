/**
 * The popup reflows at 320 CSS px (WCAG 1.4.10 Reflow): what a 400 px popup shows at 250 % zoom, where Chrome's
 * largest popup (800 device px) is 320 CSS px wide. Nothing scrolls sideways and nothing is cut off: the page is no
 * wider than the window, and the toolbar's buttons, the sessions strip and the key hints lie inside it. Checked
 * with the list (a long profile name, a live session), a search, and the empty state; screenshots of each
 * (test-results/screenshots/popup-320-*).
 * https://www.w3.org/WAI/WCAG22/Understanding/reflow.html
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sendFrom, test } from './fixtures';
import { DEMO_ROLES_CONFIG, LONG_PROFILE, LONG_ROLE_CONFIG, seedSessions, tabIdOf } from './support/sessions';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const CONFIG = `${DEMO_ROLES_CONFIG}${LONG_ROLE_CONFIG}`;

/** What sticks out of the window: the page's sideways overflow, and each control or line whose box leaves it. */
async function outside(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    for (const element of document.querySelectorAll('button, input, [role="option"], .status-bar, .hints span')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < 0 || box.right > width) found.push(`${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
    }
    return found;
  });
}

async function expectReflows(popup: Page, state: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await popup.screenshot({ path: resolve(SCREENSHOTS, `popup-320-${state}.png`), animations: 'disabled' });
  expect(await outside(popup), `${state} at 320 px`).toEqual([]);
  // The toolbar: the search box and its three buttons, side by side, none squeezed out.
  const toolbar = popup.locator('header.bar').getByRole('button');
  await expect(toolbar).toHaveCount(3);
  for (const button of await toolbar.all()) await expect(button).toBeInViewport({ ratio: 1 });
  await expect(popup.getByRole('combobox', { name: 'Search roles' })).toBeInViewport({ ratio: 1 });
}

test('at 320 CSS px (a 400 px popup at 250 % zoom) the popup reflows: nothing overflows sideways or is cut off', async ({ extension }) => {
  const popup = await extension.openPage('popup/index.html');
  await popup.setViewportSize({ width: 320, height: 600 });
  await expect(popup.getByText('No roles yet.')).toBeVisible();
  await expectReflows(popup, 'empty');

  expect(await sendFrom(popup, 'config.save', { text: CONFIG })).toMatchObject({ ok: true, value: { saved: true } });
  const consoleTab = await extension.openPage('src/options/index.html');
  const landingTab = await extension.context.newPage();
  await landingTab.goto(`chrome-extension://${extension.extensionId}/src/options/index.html?landing`);
  await seedSessions(popup, await tabIdOf(popup, consoleTab), await tabIdOf(popup, landingTab));
  await popup.reload();
  await expect(popup.getByRole('option', { name: LONG_PROFILE, exact: true })).toBeVisible();
  await expect(popup.getByRole('button', { name: /Console sessions/ })).toBeVisible();
  await expectReflows(popup, 'list');

  await popup.getByRole('combobox', { name: 'Search roles' }).fill('demo');
  await expect(popup.getByRole('option', { name: LONG_PROFILE, exact: true })).toHaveCount(0);
  await expectReflows(popup, 'search');
});
