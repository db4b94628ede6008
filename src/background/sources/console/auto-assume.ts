/**
 * Auto-assume (issue 13, opt-in: the sign-in setting `autoAssumeLastRole`): when the console signs in again as a
 * base identity, the worker switches that tab to the role last switched to from it (last-role.ts), as a click in the
 * popup over that tab would: the console's own switch-role, keep-my-page, the session registered. The rules (what
 * counts as a sign-in, once only) are src/core/console-switch/auto-assume.ts; this file feeds them what the browser
 * tells:
 * - a tab showing a sign-in page (`tabs.onUpdated`, sign-in hosts only: the extension sees no other URLs);
 * - a console page and its session differentiator (the content script's `sessions.tabInfo`, sessions/handlers.ts);
 * - a tab closed.
 * With the setting off nothing is read or written beyond the setting itself. A switch that fails is one
 * notification; switch-role.ts sends a refused tab back to its page, never half-switched. The work runs one page at
 * a time through a promise chain (the only module variable, as in sessions/store.ts): a reload or a second report of
 * the same page waits for the first decision and finds it taken.
 */
import browser from 'webextension-polyfill';
import { isBasePage, isSignInPage, readAutoAssumeState, roleToAssume, signInPageShown, consolePageShown, tabGone, baseKey, type AutoAssumeState } from '../../../core/console-switch/auto-assume';
import { consolePlace } from '../../../core/sessions/console-place';
import { onConfigChanged } from '../../../platform/config-changes';
import { message } from '../../../platform/i18n';
import { showNotice } from '../../../platform/notifications';
import { readStored, writeStored } from '../../../platform/storage';
import { tabById } from '../../../platform/tabs';
import { loadConfig } from '../../config/store';
import { registerSignIn } from '../../sessions/register';
import { loadSignInSettings } from '../../sign-in/settings';
import { SignInError } from '../../sign-in/sign-in-error';
import { switchConsole } from './console-sign-in';
import { readConsoleInFront } from './console-in-front';
import { forgetGoneProfiles, lastRoles } from './last-role';

let queue: Promise<unknown> = Promise.resolve();

function serialized(work: () => Promise<void>): Promise<void> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** The notification of a failed auto-assume in a tab (one per tab: a newer one replaces it). */
export const AUTO_ASSUME_NOTICE = 'console.autoAssume:';

/** Called once from the worker's top level (index.ts). */
export function registerAutoAssumeListeners(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined && isSignInPage(change.url)) void signInPageIn(tabId).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabClosed(tabId).catch(() => undefined);
  });
  onConfigChanged(() => {
    void forgetGoneProfiles().catch(() => undefined);
  });
}

async function readState(): Promise<AutoAssumeState> {
  return readAutoAssumeState(await readStored('console.autoAssume'));
}

async function enabled(): Promise<boolean> {
  return (await loadSignInSettings()).autoAssumeLastRole;
}

export function signInPageIn(tabId: number): Promise<void> {
  return serialized(async () => {
    if (!(await enabled())) return;
    const state = await readState();
    const next = signInPageShown(state, tabId);
    if (next !== state) await writeStored('console.autoAssume', next);
  });
}

export function tabClosed(tabId: number): Promise<void> {
  return serialized(async () => {
    const state = await readState();
    const next = tabGone(state, tabId);
    if (next !== state) await writeStored('console.autoAssume', next);
  });
}

/**
 * A console page in `tabId` (its URL from the browser's sender record) says which session it shows. When it is a
 * console sign-in not yet decided on, the decision is claimed first, then the switch made, then the page settled.
 */
export function consolePageIn(tabId: number, url: string, differentiator: string | undefined): Promise<void> {
  return serialized(async () => {
    const settings = await loadSignInSettings();
    if (!settings.autoAssumeLastRole) return;
    const state = await readState();
    const verdict = consolePageShown(state, tabId, differentiator);
    if (!verdict.decide || differentiator === undefined) {
      if (verdict.settled !== state) await writeStored('console.autoAssume', verdict.settled);
      return;
    }
    await writeStored('console.autoAssume', verdict.claimed);
    try {
      await assumeLastRole(tabId, url, differentiator, settings.keepPage);
    } finally {
      await writeStored('console.autoAssume', verdict.settled);
    }
  });
}

async function assumeLastRole(tabId: number, url: string, differentiator: string, keepPage: boolean): Promise<void> {
  const partition = consolePlace(url)?.partition;
  const tab = await tabById(tabId);
  if (partition === undefined || tab?.url === undefined) return;
  const config = await loadConfig();
  // The page as it is now: still this sign-in's base identity (not switched, not left), or nothing is done.
  const front = await readConsoleInFront(config, { ...tab, url: tab.url }, partition).catch(() => undefined);
  if (!front || front.page.differentiator !== differentiator || !isBasePage(front.page)) return;
  const profile = roleToAssume(await lastRoles(), baseKey(partition, front.base), front.offer);
  const target = config.roles.find((role) => role.name === profile);
  if (profile === undefined || !target) return;
  try {
    await registerSignIn(switchConsole(config, target, front.tab, { keepPage, openIn: 'current-tab' }, front));
  } catch (error) {
    await showNotice(`${AUTO_ASSUME_NOTICE}${tabId}`, {
      title: message('autoAssumeFailedTitle', profile),
      message: error instanceof SignInError ? error.message : message('autoAssumeFailed'),
    });
  }
}
