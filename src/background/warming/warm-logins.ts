/**
 * Warms the connections a console login navigates to (issue 16): the federation's sign-in host it is posted to and
 * the console host it lands on. A navigation's connections belong to the site it goes to (amazon.com), so nothing
 * the worker or an extension page opens can serve it (ARCHITECTURE.md, "Warming"); a console page of that site can.
 * When one is open (after a first sign-in, usually), its content script is asked to `preconnect` to those hosts
 * (content/preconnect.ts): a TCP and a TLS handshake, no request. One tab per site is enough: connections are the
 * site's, whichever tab opened them. Only tabs in the browser's one cookie jar: a Firefox container keeps its own
 * connections, as it keeps its own cookies. Without a console tab, the login's first connection stays on the click's
 * path.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { loginSite } from '../../core/launch-fragment';
import { consoleUrlPatterns } from '../../core/partitions';
import { WARM_AGAIN_AFTER_MS } from '../../core/warm-hosts';
import { notifyTab } from '../../platform/tab-control';

/** Hosts a console page was asked to connect to lately, and when; memory only, like warm-connections.ts's. */
const askedAt = new Map<string, number>();

/** Asks one console tab per site to connect ahead to that site's hosts; returns the tab ids asked. */
export async function warmLogins(hosts: readonly string[], now: number = Date.now()): Promise<number[]> {
  const due = hosts.filter((host) => now - (askedAt.get(host) ?? -Infinity) >= WARM_AGAIN_AFTER_MS);
  if (due.length === 0) return [];
  const tabs = (await browser.tabs.query({ url: consoleUrlPatterns() })).filter(inDefaultJar);
  const asked: number[] = [];
  for (const site of new Set(due.map(loginSite))) {
    const tab = mostRecent(tabs.filter((candidate) => candidate.url !== undefined && loginSite(new URL(candidate.url).hostname) === site));
    if (site === undefined || tab?.id === undefined) continue;
    const ofSite = due.filter((host) => loginSite(host) === site);
    for (const host of ofSite) askedAt.set(host, now);
    notifyTab(tab.id, { event: 'connections.preconnect', hosts: ofSite });
    asked.push(tab.id);
  }
  return asked;
}

function inDefaultJar(tab: Tabs.Tab): boolean {
  const store = (tab as { cookieStoreId?: string }).cookieStoreId;
  return store === undefined || store === 'firefox-default';
}

/** The tab in front if one is, else the one looked at last. */
function mostRecent(tabs: Tabs.Tab[]): Tabs.Tab | undefined {
  return [...tabs].sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
