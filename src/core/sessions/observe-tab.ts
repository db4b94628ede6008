/**
 * Which session a tab shows, from what the tab tells: its URL (`tabs.onUpdated`) and, from the content script,
 * what the console page says about itself (`awsc-session-data`: multi-session on, the session differentiator).
 * The extension's own record (which tab it opened for which role, where that login landed) is the primary truth;
 * the page confirms it or shows that something else took the tab's place.
 */
import { consolePlace, isLoginStep, type ConsolePlace } from './console-place';
import { DEFAULT_STORE, modeKey, MULTI_SESSION_LIMIT, sameJar, sessionOfTab, type SessionRecord, type SessionRegistry } from './model';
import { tabClosed, updateSession, withoutTabs } from './registry-ops';

export interface TabFacts {
  url: string;
  /** The page finished loading (`tabs.onUpdated` with status `complete`). */
  loaded?: boolean;
  /** The tab's cookie store (Firefox containers); Chrome and Edge have one. */
  store?: string;
  /**
   * What the page said about itself (the content script's report); absent when it was not asked. `since`: when
   * the page's document started loading (epoch ms), which tells a stale page from the one a login landed on.
   */
  page?: { prismModeEnabled?: boolean; differentiator?: string; since?: number };
}

export type TabEffect =
  /** A renewal landed: send these tabs to the same pages on `origin` (a multi-session host), or reload them. */
  | { kind: 'follow'; tabs: number[]; origin?: string }
  /** The console did not take the login (the tab stayed on the federation endpoint's answer). */
  | { kind: 'refused'; id: string };

export interface Observation {
  registry: SessionRegistry;
  effects: TabEffect[];
}

export function observeTab(registry: SessionRegistry, tabId: number, facts: TabFacts, launchPage: string): Observation {
  const current = sessionOfTab(registry, tabId) ?? registry.sessions.find((s) => s.landingTab === tabId);
  if (isLoginStep(facts.url, launchPage)) {
    // The federation endpoint answered with a page instead of redirecting to the console: the login was refused.
    const stuck = facts.loaded === true && current?.landingTab === tabId && !facts.url.startsWith(launchPage);
    return stuck && current ? refuse(registry, current, tabId) : { registry, effects: [] };
  }
  const place = consolePlace(facts.url);
  if (!place) return { registry: tabClosed(registry, tabId), effects: [] };

  const store = facts.store ?? current?.store ?? DEFAULT_STORE;
  const prism = facts.page?.prismModeEnabled;
  let next = registry;
  if (prism !== undefined) next = { ...next, modes: { ...next.modes, [modeKey(store, place.partition)]: prism ? 'multi' : 'single' } };

  if (current?.landingTab === tabId && current.partition === place.partition) {
    // The page the tab showed before the login was opened in it can still report while it unloads: not a landing.
    const stale = facts.page?.since !== undefined && facts.page.since < current.startedAt;
    return stale ? { registry, effects: [] } : land(next, current, place, facts);
  }

  const differentiator = place.differentiator ?? facts.page?.differentiator;
  const shown = next.sessions.find(
    (s) => sameJar(s, { store, partition: place.partition }) && (place.subdomain !== undefined ? s.subdomain === place.subdomain : differentiator !== undefined && s.differentiator === differentiator),
  );
  if (shown) return { registry: moveTab(next, tabId, shown.id), effects: [] };
  if (place.subdomain !== undefined) return { registry: tabClosed(next, tabId), effects: [] };
  if (differentiator !== undefined && prism !== true) return { registry: unknownSingleSession(next, tabId, store, place, differentiator), effects: [] };
  // A page that names no session: the chooser or a signed-out page. In multi-session mode it is none of them.
  if (facts.page !== undefined && (prism === true || current?.isolation === 'multi-session')) return { registry: tabClosed(next, tabId), effects: [] };
  return { registry: next, effects: [] };
}

/** The login reached the console: learn how the session is isolated, and end what the console ended. */
function land(registry: SessionRegistry, session: SessionRecord, place: ConsolePlace, facts: TabFacts): Observation {
  const multi = place.subdomain !== undefined;
  const key = modeKey(session.store, session.partition);
  const differentiator = place.differentiator ?? facts.page?.differentiator;
  const { landingTab: _landing, followers, subdomain: _subdomain, differentiator: _old, ...rest } = session;
  const landed: SessionRecord = {
    ...rest,
    isolation: session.isolation === 'container' ? 'container' : multi ? 'multi-session' : 'single',
    ...(place.subdomain !== undefined && { subdomain: place.subdomain }),
    ...(differentiator !== undefined && { differentiator }),
  };
  // Multi-session: a login as an identity already signed in replaces that identity's session. Single-session: a
  // login replaces the browser's one session, whoever it was.
  const ended = (other: SessionRecord) =>
    other.id !== session.id && other.status === 'live' && sameJar(other, session) && (!multi || other.assumedRoleArn === session.assumedRoleArn);
  const sessions = registry.sessions.map((s) => (s.id === session.id ? landed : ended(s) ? { ...s, status: 'replaced' as const, replacedBy: session.id } : s));
  const effects: TabEffect[] = followers && followers.length > 0 ? [{ kind: 'follow', tabs: followers, ...(multi && { origin: place.origin }) }] : [];
  return { registry: { sessions, modes: { ...registry.modes, [key]: multi ? 'multi' : 'single' } }, effects };
}

function refuse(registry: SessionRegistry, session: SessionRecord, tabId: number): Observation {
  const liveMulti = registry.sessions.filter((s) => s.status === 'live' && s.isolation === 'multi-session' && sameJar(s, session)).length;
  const limit = registry.modes[modeKey(session.store, session.partition)] === 'multi' || liveMulti >= MULTI_SESSION_LIMIT;
  const next = updateSession(registry, session.id, (s) => ({ ...withoutTabs(s, new Set([tabId])), status: 'refused', refusal: limit ? 'session-limit' : 'login-failed' }));
  return { registry: next, effects: [{ kind: 'refused', id: session.id }] };
}

/**
 * A single-session page whose session the registry does not know by its differentiator. The newest live session
 * of the jar whose differentiator was not seen yet is it (single-session mode holds one); otherwise a login outside
 * the extension replaced the browser's session, and ours are over.
 */
function unknownSingleSession(registry: SessionRegistry, tabId: number, store: string, place: ConsolePlace, differentiator: string): SessionRegistry {
  const jar = { store, partition: place.partition };
  const live = registry.sessions.filter((s) => s.status === 'live' && s.isolation === 'single' && sameJar(s, jar));
  const unnamed = live.filter((s) => s.differentiator === undefined).at(-1);
  if (unnamed) return moveTab(updateSession(registry, unnamed.id, (s) => ({ ...s, differentiator })), tabId, unnamed.id);
  const cleared = tabClosed(registry, tabId);
  return {
    ...cleared,
    sessions: cleared.sessions.map((s) => (live.some((l) => l.id === s.id) ? { ...s, status: 'replaced' as const } : s)),
  };
}

function moveTab(registry: SessionRegistry, tabId: number, id: string): SessionRegistry {
  const gone = new Set([tabId]);
  return {
    ...registry,
    sessions: registry.sessions.map((s) => (s.id === id ? (s.tabs.includes(tabId) ? s : { ...s, tabs: [...s.tabs, tabId] }) : withoutTabs(s, gone))),
  };
}
