/**
 * The Sessions view's actions besides renew: bring a session's tab to the front, sign it out, forget it.
 */
import { consolePlace, samePageOn } from '../core/sessions/console-place';
import { forgetSession } from '../core/sessions/registry-ops';
import type { SessionRecord } from '../core/sessions/model';
import { consoleHost, signinHost } from '../core/partitions';
import { closeTabs, focusTab, navigateTab, openTab, tabState } from '../platform/tab-control';
import { showChanges } from './sessions-badges';
import { clearWarning } from './sessions-notices';
import { scheduleTimers } from './sessions-schedule';
import { changeRegistry, loadSessionSettings, readRegistry } from './sessions-store';
import { SignInError } from './sign-in-error';

async function find(id: string): Promise<SessionRecord> {
  const session = (await readRegistry()).sessions.find((s) => s.id === id);
  if (!session) throw new SignInError('bad-request', 'This session is no longer in the list.');
  return session;
}

/** Its tab (or `tabId`, one of them) to the front; with none left, its console opens in a new tab. */
export async function focusSession(id: string, tabId?: number): Promise<void> {
  const session = await find(id);
  const order = tabId !== undefined && session.tabs.includes(tabId) ? [tabId, ...session.tabs] : session.tabs;
  for (const tab of order) if (await focusTab(tab)) return;
  await openTab(sessionPage(session, session.destination));
}

/**
 * Ends the session in the console, then forgets it. A live session (or a multi-session one, whose subdomain is
 * its own) is logged out in its first tab and its other tabs close; a session the console already ended
 * (replaced in single-session mode: logging out would end the session that replaced it) only has its tabs closed.
 */
export async function signOutSession(id: string): Promise<void> {
  const session = await find(id);
  const logout = session.status === 'live' || (session.status === 'expired' && session.subdomain !== undefined) ? logoutUrl(session) : undefined;
  const open = (await Promise.all(session.tabs.map((tab) => tabState(tab)))).filter((tab) => tab !== undefined);
  const [first, ...rest] = open;
  await forget(id);
  if (logout === undefined) {
    await closeTabs(open.map((tab) => tab.id));
    return;
  }
  await closeTabs(rest.map((tab) => tab.id));
  await (first ? navigateTab(first.id, logout) : openTab(logout, false));
}

export async function forget(id: string): Promise<void> {
  const { before, after } = await changeRegistry((registry) => ({ registry: forgetSession(registry, id) }));
  await clearWarning(id);
  await showChanges(before, after);
  await scheduleTimers(after, (await loadSessionSettings()).warnMinutes);
}

/**
 * Multi-session: the session's own host logs out that session only. Single-session: the federation endpoint's
 * logout, what federation tools call, ends the browser's one console session of the partition.
 */
function logoutUrl(session: SessionRecord): string {
  if (session.subdomain !== undefined) return sessionPage(session, `https://${consoleHost(session.partition)}/oauth?Action=logout`);
  return `https://${signinHost(session.partition)}/oauth?Action=logout`;
}

/** A console page on the session's own host when it has one (multi-session), else as given. */
function sessionPage(session: SessionRecord, url: string): string {
  if (session.subdomain === undefined) return url;
  const region = consolePlace(url)?.region ?? session.region;
  return samePageOn(`https://${session.subdomain}.${consoleHost(session.partition, region)}`, url) ?? url;
}
