/**
 * Keeps each session's tabs current as tabs navigate, close and are swapped, from `tabs.onUpdated` (the URL:
 * where a login landed, which session subdomain a tab is on) and from the content script's report (what the page
 * says about itself). The rules are in src/core/sessions/observe-tab.ts; this file runs their effects.
 */
import { samePageOn } from '../../core/sessions/console-place';
import { observeTab, type TabEffect, type TabFacts } from '../../core/sessions/observe-tab';
import { tabClosed, tabSwapped } from '../../core/sessions/registry-ops';
import type { SessionRegistry } from '../../core/sessions/model';
import { extensionUrl } from '../../platform/runtime';
import { navigateTab, reloadTab, tabState } from '../../platform/tab-control';
import { LAUNCH_PAGE } from '../sign-in/login-launch';
import { showChanges, showTab } from './badges';
import { showRefused } from './notices';
import { scheduleTimers } from './schedule';
import { changeRegistry, loadSessionSettings } from './store';

export interface TabUpdate {
  url?: string;
  status?: string;
}

export async function onTabUpdated(tabId: number, change: TabUpdate, tab: { url?: string; cookieStoreId?: string }): Promise<void> {
  const loaded = change.status === 'complete';
  if (change.url === undefined && !loaded) return;
  // No URL: a page outside host_permissions, so not the console (the extension sees no other URLs).
  const url = change.url ?? tab.url ?? '';
  const registry = await observe(tabId, { url, loaded, ...(tab.cookieStoreId !== undefined && { store: tab.cookieStoreId }) });
  // Chrome clears a tab's own badge on every page load.
  if (loaded) await showTab(registry, tabId);
}

export async function onTabRemoved(tabId: number): Promise<void> {
  const { before, after } = await changeRegistry((registry) => ({ registry: tabClosed(registry, tabId) }));
  await settle(before, after);
}

export async function onTabReplaced(added: number, removed: number): Promise<void> {
  const { before, after } = await changeRegistry((registry) => ({ registry: tabSwapped(registry, added, removed) }));
  await settle(before, after);
}

/** Applies what a tab tells, runs the effects, and returns the registry after it. */
export async function observe(tabId: number, facts: TabFacts): Promise<SessionRegistry> {
  const launchPage = extensionUrl(LAUNCH_PAGE);
  const { before, after, value } = await changeRegistry((registry) => {
    const seen = observeTab(registry, tabId, facts, launchPage);
    return { registry: seen.registry, value: seen.effects };
  });
  await settle(before, after);
  for (const effect of value ?? []) await run(effect, after);
  return after;
}

async function settle(before: SessionRegistry, after: SessionRegistry): Promise<void> {
  if (before === after) return;
  await showChanges(before, after);
  await scheduleTimers(after, (await loadSessionSettings()).warnMinutes);
}

async function run(effect: TabEffect, registry: SessionRegistry): Promise<void> {
  if (effect.kind === 'refused') {
    const session = registry.sessions.find((s) => s.id === effect.id);
    if (session) await showRefused(session);
    return;
  }
  // A renewal landed: the session's other tabs go to the same pages of the renewed session.
  await Promise.all(
    effect.tabs.map(async (tabId) => {
      const url = (await tabState(tabId))?.url;
      const next = effect.origin !== undefined && url !== undefined ? samePageOn(effect.origin, url) : undefined;
      await (next !== undefined ? navigateTab(tabId, next).catch(() => undefined) : reloadTab(tabId));
    }),
  );
}
