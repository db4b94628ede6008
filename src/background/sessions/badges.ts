/**
 * What a registry change shows outside the popup: each console tab's badge (minutes left, in the role's colour)
 * and its content script's bar, told to ask again. Tabs that left every session get their badge cleared.
 */
import { badgeColour, badgeText, spokenCountdown, timeUnknown } from '../../core/sessions/countdown';
import { sessionOfTab, type SessionRecord, type SessionRegistry } from '../../core/sessions/model';
import { clearTabBadge, setTabBadge } from '../../platform/badge';
import { message } from '../../platform/i18n';
import { notifyTab } from '../../platform/tab-control';

/** Refreshes the tabs whose session changed between `before` and `after`, and tells their content scripts. */
export async function showChanges(before: SessionRegistry, after: SessionRegistry, now: number = Date.now()): Promise<void> {
  const touched = new Set<number>();
  const previous = new Map(before.sessions.map((s) => [s.id, JSON.stringify(s)]));
  for (const session of after.sessions) {
    if (previous.get(session.id) !== JSON.stringify(session)) for (const tab of session.tabs) touched.add(tab);
  }
  // A replacement changes what the replaced sessions' tabs say about the new one ("signed in as X").
  for (const session of before.sessions) {
    const current = after.sessions.find((s) => s.id === session.id);
    if (!current || JSON.stringify(current) !== JSON.stringify(session)) for (const tab of session.tabs) touched.add(tab);
  }
  await Promise.all([...touched].map((tab) => showTab(after, tab, now)));
  // A tab whose login is on its way is leaving its page: asking that page again would only report the old one.
  const landing = new Set(after.sessions.flatMap((s) => (s.landingTab === undefined ? [] : [s.landingTab])));
  for (const tab of touched) if (!landing.has(tab)) notifyTab(tab, { event: 'tabSession.changed' });
}

/** Every tracked tab's badge, as of `now`: the per-minute refresh. */
export async function showAllBadges(registry: SessionRegistry, now: number = Date.now()): Promise<void> {
  await Promise.all(registry.sessions.flatMap((s) => s.tabs.map((tab) => showTab(registry, tab, now))));
}

export async function showTab(registry: SessionRegistry, tabId: number, now: number = Date.now()): Promise<void> {
  const session = sessionOfTab(registry, tabId);
  if (!session || session.landingTab === tabId) {
    await clearTabBadge(tabId);
    return;
  }
  const left = session.consoleExpiresAt - now;
  await setTabBadge(tabId, { text: badgeText(session.status, left), color: badgeColour(session.status, session.color, left), title: badgeTitle(registry, session, left) });
}

function badgeTitle(registry: SessionRegistry, session: SessionRecord, left: number): string {
  const who = `${session.profile} (${session.accountId})`;
  if (session.status === 'replaced') {
    const by = registry.sessions.find((s) => s.id === session.replacedBy);
    return by ? message('sessionReplacedBy', who, by.profile) : message('sessionReplacedOutside', who);
  }
  if (session.status !== 'live' || left <= 0) return message('sessionExpiredTitle', who);
  return timeUnknown(left) ? who : message('sessionTimeLeft', who, spokenCountdown(left));
}
