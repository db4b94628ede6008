/**
 * Registry changes that follow the person and the browser: a new sign-in, a renewal, a tab closed or swapped, a
 * session forgotten. Pure: each takes the registry and returns the next one.
 */
import type { SessionRecord, SessionRegistry } from './model';

/** A successful sign-in: the session, its login on its way in `landingTab` (a tab that was another session's leaves it). */
export function addSession(registry: SessionRegistry, session: SessionRecord): SessionRegistry {
  const tabs = new Set(session.tabs);
  const others = registry.sessions.filter((s) => s.id !== session.id).map((s) => withoutTabs(s, tabs));
  return { ...registry, sessions: [...others, session] };
}

export interface Renewal {
  assumedRoleArn: string;
  credentialExpiresAt: number;
  consoleExpiresAt: number;
  destination: string;
  /** The tab the new login opened in (one of the session's, or a new one). */
  landingTab?: number;
  now: number;
}

/**
 * The session signed in again: new expiries, live again, and a fresh console session to learn (a multi-session
 * login gets a new subdomain). Its other tabs follow once the login lands.
 */
export function renewSession(registry: SessionRegistry, id: string, renewal: Renewal): SessionRegistry {
  const landing = renewal.landingTab;
  const moved = landing === undefined ? registry : { ...registry, sessions: registry.sessions.map((s) => (s.id === id ? s : withoutTabs(s, new Set([landing])))) };
  return updateSession(moved, id, (s) => {
    const { subdomain: _s, differentiator: _d, replacedBy: _r, refusal: _f, landingTab: _l, followers: _o, ...rest } = s;
    const followers = s.tabs.filter((tab) => tab !== landing);
    return {
      ...rest,
      assumedRoleArn: renewal.assumedRoleArn,
      credentialExpiresAt: renewal.credentialExpiresAt,
      consoleExpiresAt: renewal.consoleExpiresAt,
      destination: renewal.destination,
      startedAt: renewal.now,
      status: 'live',
      warned: false,
      tabs: landing === undefined ? s.tabs : [landing, ...followers],
      ...(landing !== undefined && { landingTab: landing }),
      ...(landing !== undefined && followers.length > 0 && { followers }),
    };
  });
}

export function forgetSession(registry: SessionRegistry, id: string): SessionRegistry {
  return { ...registry, sessions: registry.sessions.filter((s) => s.id !== id) };
}

export function tabClosed(registry: SessionRegistry, tabId: number): SessionRegistry {
  const gone = new Set([tabId]);
  return { ...registry, sessions: registry.sessions.map((s) => withoutTabs(s, gone)) };
}

/** Chrome swapped a tab for a prerendered one (`tabs.onReplaced`): same page, new id. */
export function tabSwapped(registry: SessionRegistry, added: number, removed: number): SessionRegistry {
  const swap = (tab: number) => (tab === removed ? added : tab);
  return {
    ...registry,
    sessions: registry.sessions.map((s) => {
      if (!s.tabs.includes(removed) && s.landingTab !== removed && !s.followers?.includes(removed)) return s;
      return {
        ...s,
        tabs: [...new Set(s.tabs.map(swap))],
        ...(s.landingTab !== undefined && { landingTab: swap(s.landingTab) }),
        ...(s.followers !== undefined && { followers: s.followers.map(swap) }),
      };
    }),
  };
}

export function updateSession(registry: SessionRegistry, id: string, change: (session: SessionRecord) => SessionRecord): SessionRegistry {
  return { ...registry, sessions: registry.sessions.map((s) => (s.id === id ? change(s) : s)) };
}

/** The session without these tabs (as shown, landing, or following). */
export function withoutTabs(session: SessionRecord, tabs: ReadonlySet<number>): SessionRecord {
  const touched = session.tabs.some((t) => tabs.has(t)) || (session.landingTab !== undefined && tabs.has(session.landingTab)) || session.followers?.some((t) => tabs.has(t));
  if (!touched) return session;
  const { landingTab, followers, ...rest } = session;
  const keptFollowers = followers?.filter((t) => !tabs.has(t)) ?? [];
  return {
    ...rest,
    tabs: session.tabs.filter((t) => !tabs.has(t)),
    ...(landingTab !== undefined && !tabs.has(landingTab) && { landingTab }),
    ...(keptFollowers.length > 0 && { followers: keptFollowers }),
  };
}
