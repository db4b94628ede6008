/**
 * The Sessions view's actions besides renew: bring a session's tab to the front, sign it out, forget it.
 */
import { consolePlace, samePageOn } from '../../core/sessions/console-place';
import { forgetSession } from '../../core/sessions/registry-ops';
import type { SessionRecord } from '../../core/sessions/model';
import { consoleHost, signinHost } from '../../core/partitions';
import { closeTabs, focusTab, navigateTab, openTab, tabState } from '../../platform/tab-control';
import { showChanges } from './badges';
import { clearWarning } from './notices';
import { scheduleTimers } from './schedule';
import { changeRegistry, loadSessionSettings, readRegistry } from './store';
import { SignInError } from '../sign-in/sign-in-error';

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
 * Ends the session in the console, then forgets it: logged out in its first tab, its other tabs closed. Only when
 * the logout can reach this session alone: its own multi-session host, or the browser's one session while it is
 * still this one (live, landed single-session). Otherwise (replaced: logging out would end the session that
 * replaced it; a login not landed yet, whose mode is unknown: the federation logout would end every multi-session
 * session) its tabs are only closed.
 */
export async function signOutSession(id: string): Promise<void> {
  const session = await find(id);
  const open = (await Promise.all(session.tabs.map((tab) => tabState(tab)))).filter((tab) => tab !== undefined);
  const [first, ...rest] = open;
  // A container's cookie jar is reached only from a tab of that container.
  const logout = ownLogout(session) && (first !== undefined || session.isolation !== 'container') ? logoutUrl(session) : undefined;
  await forget(id);
  if (logout === undefined) {
    await closeTabs(open.map((tab) => tab.id));
    return;
  }
  await closeTabs(rest.map((tab) => tab.id));
  await (first ? navigateTab(first.id, logout) : openTab(logout, false));
}

/**
 * "Sign out of all sessions" (the popup's menu, after a confirm): every session in the list signed out as above, one
 * after another (each changes the registry), so each logs out only where that reaches it alone: a replaced session's
 * tabs are closed, the live one logs the browser's session out, each container its own. A session that left the
 * list meanwhile is skipped. Answers how many were signed out.
 */
export async function signOutAll(): Promise<number> {
  const { sessions } = await readRegistry();
  let count = 0;
  for (const session of sessions) {
    const gone = await signOutSession(session.id).then(() => false, () => true);
    if (!gone) count += 1;
  }
  return count;
}

function ownLogout(session: SessionRecord): boolean {
  if (session.subdomain !== undefined) return session.status === 'live' || session.status === 'expired';
  return session.status === 'live' && (session.isolation === 'single' || session.isolation === 'container');
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
