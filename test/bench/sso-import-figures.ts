/**
 * IAM Identity Center import for `npm run bench`: on the options page, from the click on "Import accounts and
 * roles" (its event's time in the page) to the editor holding the 400 profiles of the sandbox's "big" directory
 * (200 accounts × 2 permission sets), against the zero-latency sandbox, with a token already there (the device
 * code is approved once, before timing), and the number of requests each import took.
 * Run alone: `npm run build && npx tsx test/bench/sso-import.ts`.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import type { Sandbox } from '../sandbox/index';
import { BIG, SSO_PASSWORD } from '../sandbox/sso-seed';
import { summarize, type Figure } from './stats';

const CONFIG = `[sso-session big]\nsso_start_url = ${BIG.startUrl}\nsso_region = ${BIG.region}\n`;
/** The last profile the import writes (accounts in name order, permission sets sorted). */
const LAST = '[profile team-200-prod/ReadOnlyAccess]';

export async function ssoImportFigures(extension: ExtensionBrowser, sandbox: Sandbox, runs: number): Promise<Figure[]> {
  const options = await extension.openPage('src/options/index.html');
  const editor = options.getByRole('textbox', { name: 'Configuration' });
  await editor.fill(CONFIG);
  const big = options.getByRole('region', { name: 'IAM Identity Center', exact: true }).getByRole('group', { name: 'sso-session big' });
  const button = big.getByRole('button', { name: 'Import accounts and roles' });

  // Once, untimed: the device code, approved on the AWS page as a person would.
  const approval = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.'));
  await button.click();
  const verification = await approval;
  const username = verification.getByLabel('Username');
  if (await username.isVisible()) {
    await username.fill(BIG.username);
    await verification.getByLabel('Password').fill(SSO_PASSWORD);
  }
  await verification.getByRole('button', { name: 'Allow' }).click();
  await options.waitForFunction((last) => document.querySelector('textarea')?.value.includes(last), LAST, { timeout: 60_000 });

  const times: number[] = [];
  const requests: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await editor.fill(CONFIG);
    await armTimer(options);
    const before = sandbox.state.requests.length;
    await button.click();
    const elapsed = await options.waitForFunction(() => (globalThis as { importTook?: number }).importTook, undefined, { timeout: 60_000 });
    times.push((await elapsed.jsonValue()) ?? Number.NaN);
    const count = (await editor.inputValue()).split('\n[profile ').length - 1;
    if (count !== 400) throw new Error(`The import wrote ${count} profiles, not 400.`);
    requests.push(sandbox.state.requests.length - before);
  }
  await options.close();
  return [
    summarize('Identity Center import, 200 accounts × 2 roles, zero-latency sandbox: click → profiles in the editor', 'ms', times, 2000),
    summarize('  requests it took (2 ListAccounts pages + 200 ListAccountRoles)', 'requests', requests, 250),
  ];
}

/**
 * In the page: the click's own time (its event, so Playwright's steps before it do not count), then the first DOM
 * change after which the editor holds the last imported profile (the editor and the status line render together).
 */
async function armTimer(options: Page): Promise<void> {
  await options.evaluate((last) => {
    const state = globalThis as { importTook?: number };
    delete state.importTook;
    let clickedAt = Number.NaN;
    document.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
    const area = document.querySelector('textarea');
    const observer = new MutationObserver(() => {
      if (!area?.value.includes(last)) return;
      state.importTook = performance.now() - clickedAt;
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, LAST);
}
