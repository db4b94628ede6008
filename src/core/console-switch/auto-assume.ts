/**
 * Auto-assume (issue 13, AWS Extend Switch Roles' `autoAssumeLastRole`, opt-in): after the console signs in again
 * as a base identity, the tab is switched to the role last switched to from that identity. These are the rules;
 * the glue is src/background/sources/console/auto-assume.ts.
 *
 * Once per console sign-in, never a loop, and only where the person signed in:
 * - A console sign-in is told by what the page says: its session differentiator (`awsc-session-data`) changed, in a
 *   tab that showed a sign-in page (`signin.aws.amazon.com`, `<account>.signin…`) since its last console page. A
 *   tab restored with the browser, a second tab, a reload, a page of a switched session never qualify.
 * - Each differentiator is decided on once, whatever came of it (a switch, a refusal, nothing to switch to): a
 *   failed switch sends the tab back to the base page, and the person switching back to the base by hand shows the
 *   same differentiator again, so neither switches a second time. The next sign-in brings a new differentiator.
 * - The memory: per base identity (partition, account as the console shows it, user or role name: consoleBase),
 *   the profile last switched to from it with the console's switch-role. Forgotten when that profile is gone.
 * Pure: no browser API.
 */
import { PARTITIONS, type Partition } from '../arn';
import { signinHost } from '../partitions';
import type { ConsoleBase, SwitchOffer } from './offer';
import { httpsHost, type ConsolePage } from './switch-request';

/** What the worker knows about one tab (storage.session, by tab id). */
export interface TabMark {
  /** A sign-in page was shown in the tab since its last console page. */
  signingIn?: true;
  /** The session differentiator the tab's last console page showed, once decided on; '' for a page without one. */
  seen?: string;
}

export interface AutoAssumeState {
  tabs: Record<string, TabMark>;
  /** Differentiators decided on, oldest first. */
  done: string[];
}

/** Base identity key → profile name. */
export type LastRoles = Record<string, string>;

export const EMPTY_AUTO_ASSUME: AutoAssumeState = { tabs: {}, done: [] };

/** Enough for every sign-in of a long day; the oldest go first (a sign-in that old has long been decided). */
const MAX_DONE = 100;
const MAX_TABS = 100;
const MAX_BASES = 200;
const DIFFERENTIATOR = /^[a-z0-9-]{1,64}$/;

/** A stored state read defensively: anything malformed reads as empty (nothing is switched on bad data). */
export function readAutoAssumeState(value: unknown): AutoAssumeState {
  if (typeof value !== 'object' || value === null) return EMPTY_AUTO_ASSUME;
  const { tabs, done } = value as { tabs?: unknown; done?: unknown };
  const marks: Record<string, TabMark> = {};
  if (typeof tabs === 'object' && tabs !== null) {
    for (const [id, mark] of Object.entries(tabs as Record<string, unknown>)) {
      if (!/^\d{1,12}$/.test(id) || typeof mark !== 'object' || mark === null) continue;
      const { signingIn, seen } = mark as { signingIn?: unknown; seen?: unknown };
      marks[id] = {
        ...(signingIn === true && { signingIn: true as const }),
        ...(typeof seen === 'string' && (seen === '' || DIFFERENTIATOR.test(seen)) && { seen }),
      };
    }
  }
  return {
    tabs: marks,
    done: Array.isArray(done) ? done.filter((d): d is string => typeof d === 'string' && DIFFERENTIATOR.test(d)).slice(-MAX_DONE) : [],
  };
}

/**
 * A page of a sign-in host: where a person signs in to the console (the IAM-user form, SAML, a federation link).
 * Not the Switch Role page (`/switchrole`: a switch, or AWS's refusal of one) nor the multi-session API.
 */
export function isSignInPage(url: string): boolean {
  const host = httpsHost(url);
  if (host === undefined) return false;
  if (!PARTITIONS.some((partition) => host === signinHost(partition) || host.endsWith(`.${signinHost(partition)}`))) return false;
  const path = new URL(url).pathname.toLowerCase();
  return !path.startsWith('/switchrole') && !path.startsWith('/sessions/');
}

/** The tab shows a sign-in page: its next console page with a new differentiator is a sign-in. */
export function signInPageShown(state: AutoAssumeState, tabId: number): AutoAssumeState {
  const key = String(tabId);
  if (state.tabs[key]?.signingIn) return state;
  return { ...state, tabs: capTabs({ ...state.tabs, [key]: { ...state.tabs[key], signingIn: true } }) };
}

export function tabGone(state: AutoAssumeState, tabId: number): AutoAssumeState {
  const key = String(tabId);
  if (!Object.hasOwn(state.tabs, key)) return state;
  const { [key]: _gone, ...tabs } = state.tabs;
  return { ...state, tabs };
}

export interface PageVerdict {
  /** This page is a console sign-in the worker has not decided on: read it, and switch when the rules say. */
  decide: boolean;
  /** Written before anything is done: the differentiator claimed, the sign-in page used up (never twice). */
  claimed: AutoAssumeState;
  /** Written when the work for this page is over: what the tab showed. */
  settled: AutoAssumeState;
}

/** A console page loaded in `tabId`, showing `differentiator` (undefined: the page says of no session). */
export function consolePageShown(state: AutoAssumeState, tabId: number, differentiator: string | undefined): PageVerdict {
  const key = String(tabId);
  const mark = state.tabs[key];
  if (differentiator === undefined || !DIFFERENTIATOR.test(differentiator)) {
    // Signed out, or a page without session data: whatever comes next in this tab is not this session.
    const settled = mark?.seen === '' ? state : { ...state, tabs: capTabs({ ...state.tabs, [key]: { ...mark, seen: '' } }) };
    return { decide: false, claimed: settled, settled };
  }
  const isNew = !state.done.includes(differentiator);
  const decide = isNew && mark?.signingIn === true && mark.seen !== differentiator;
  const claimed: AutoAssumeState = {
    tabs: capTabs({ ...state.tabs, [key]: mark?.seen !== undefined ? { seen: mark.seen } : {} }),
    // Every new differentiator is claimed, qualifying or not: a sign-in is decided in the first tab that shows it.
    done: isNew ? [...state.done, differentiator].slice(-MAX_DONE) : state.done,
  };
  const settled: AutoAssumeState = { ...claimed, tabs: { ...claimed.tabs, [key]: { seen: differentiator } } };
  return { decide, claimed, settled };
}

/** A state with its tabs in the same order, the oldest dropped past the limit (closed tabs are removed anyway). */
function capTabs(tabs: Record<string, TabMark>): Record<string, TabMark> {
  const entries = Object.entries(tabs);
  return entries.length <= MAX_TABS ? tabs : Object.fromEntries(entries.slice(-MAX_TABS));
}

/** The console shows no switched role: the identity the person signed in as (in multi-session mode, a base session). */
export function isBasePage(page: Pick<ConsolePage, 'roleAccount' | 'roleUser'>): boolean {
  return page.roleAccount === undefined && page.roleUser === undefined;
}

/** The memory's key for a base identity: partition, account (12 digits, or the alias as typed), user or role name. */
export function baseKey(partition: Partition, base: ConsoleBase): string {
  return `${partition}|${base.account}|${base.name}`;
}

export function readLastRoles(value: unknown): LastRoles {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** After a switch from `key` to `profile`: the newest last, the oldest dropped past the limit. */
export function rememberRole(memory: LastRoles, key: string, profile: string): LastRoles {
  if (memory[key] === profile) return memory;
  const { [key]: _old, ...rest } = memory;
  const entries = Object.entries({ ...rest, [key]: profile });
  return Object.fromEntries(entries.slice(-MAX_BASES));
}

/** Without the entries whose profile is no longer in the configuration; `memory` itself when none is gone. */
export function forgetGone(memory: LastRoles, profiles: readonly string[]): LastRoles {
  const present = new Set(profiles);
  const kept = Object.entries(memory).filter(([, profile]) => present.has(profile));
  return kept.length === Object.keys(memory).length ? memory : Object.fromEntries(kept);
}

/** The profile to switch to from this base: the one remembered, while the console still offers it. */
export function roleToAssume(memory: LastRoles, key: string, offer: SwitchOffer): string | undefined {
  const profile = Object.hasOwn(memory, key) ? memory[key] : undefined;
  return profile !== undefined && (offer.targets.includes(profile) || offer.singles.includes(profile)) ? profile : undefined;
}
