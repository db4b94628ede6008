/**
 * Renew: sign in again as the session's role and reload its tabs in place. The login opens through the launch
 * page in the session's tab (the one in front, else its first console tab), with that tab's console page as the
 * destination, so the person lands where they were. The other tabs follow once the login lands
 * (sessions-tabs.ts): the same pages on the renewed session's host. With no tab left, a new tab opens.
 */
import { consolePlace } from '../../core/sessions/console-place';
import { renewSession as renewed } from '../../core/sessions/registry-ops';
import type { SessionRecord } from '../../core/sessions/model';
import type { SessionSummary } from '../../core/sessions/summary';
import { tabState } from '../../platform/tab-control';
import { showChanges } from './badges';
import { clearWarning } from './notices';
import { scheduleTimers } from './schedule';
import { changeRegistry, loadSessionSettings, readRegistry } from './store';
import { summaryOf } from './summary';
import { signIn } from '../sign-in/sign-in';
import { SignInError } from '../sign-in/sign-in-error';

export interface RenewOptions {
  mfaCode?: string;
  requestId?: string;
  /** False for an automatic renewal: nothing may be asked (no Identity Center approval page opens). */
  interactive?: boolean;
}

export async function renewSession(id: string, options: RenewOptions = {}): Promise<SessionSummary> {
  const session = (await readRegistry()).sessions.find((s) => s.id === id);
  if (!session) throw new SignInError('bad-request', 'This session is no longer in the list. Sign in again from the role list.');
  const into = await renewTab(session);
  const begun = Date.now();
  const result = await signIn(
    {
      profile: session.profile,
      openIn: 'new-tab',
      ...(options.mfaCode !== undefined && { mfaCode: options.mfaCode }),
      ...(options.requestId !== undefined && { requestId: options.requestId }),
      ...(options.interactive !== undefined && { interactive: options.interactive }),
    },
    into,
  );
  const now = Date.now();
  const { before, after } = await changeRegistry((registry) => ({
    registry: renewed(registry, id, {
      assumedRoleArn: result.assumedRoleArn,
      credentialExpiresAt: result.expiresAt,
      consoleExpiresAt: result.consoleExpiresAt,
      destination: result.destination,
      ...(result.tabId !== undefined && { landingTab: result.tabId }),
      now: begun,
    }),
  }));
  await clearWarning(id);
  await showChanges(before, after, now);
  await scheduleTimers(after, (await loadSessionSettings()).warnMinutes);
  const updated = after.sessions.find((s) => s.id === id);
  if (!updated) throw new SignInError('internal', 'The session was forgotten while it was renewed.');
  return summaryOf(updated, after);
}

/** The tab the renewed login opens in: the session's tab in front, else its first tab still on a console page. */
async function renewTab(session: SessionRecord): Promise<{ tabId: number; url: string } | undefined> {
  const tabs = await Promise.all(session.tabs.map((tab) => tabState(tab)));
  const onConsole = tabs.flatMap((tab) => (tab?.url !== undefined && consolePlace(tab.url)?.partition === session.partition ? [{ tabId: tab.id, url: tab.url, active: tab.active }] : []));
  const pick = onConsole.find((tab) => tab.active) ?? onConsole[0];
  return pick && { tabId: pick.tabId, url: pick.url };
}
