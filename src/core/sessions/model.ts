/**
 * The session registry's shape: every console session the extension opened, the tabs it lives in, and what the
 * console said about the browser's session mode. Stored in storage.session (src/platform/storage.ts); no secret
 * is ever part of it (no credentials, no sign-in token), so it can feed the popup, the badge and the content script.
 */
import type { Partition } from '../arn';

/**
 * - `live`: signed in, counting down;
 * - `expired`: its console time is over (shown until dismissed);
 * - `replaced`: another login took the browser's console session (single-session mode), or the same identity
 *   signed in again (multi-session mode);
 * - `refused`: the console did not accept the login (the 5-session limit of multi-session mode, above all).
 */
export type SessionStatus = 'live' | 'expired' | 'replaced' | 'refused';

/**
 * How the session is kept apart from others in the browser:
 * - `multi-session`: the console's multi-session mode, its own subdomain `<account>-<differentiator>.<region>.console…`;
 * - `single`: the browser's one console session (multi-session off), which the next login replaces;
 * - `container`: a Firefox container (its own cookie store), set by the Firefox build.
 */
export type Isolation = 'multi-session' | 'single' | 'container';

export type RefusalReason = 'session-limit' | 'login-failed';

export interface SessionRecord {
  /** Random, stable across renewals. */
  id: string;
  profile: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  assumedRoleArn: string;
  partition: Partition;
  region: string;
  /** `#rrggbb`. */
  color?: string;
  /** The profile's `marker = strong`: the console is framed in the role's colour (src/content/bar.ts). */
  marker?: 'strong';
  /** The console URL the login was sent to: where a renewal with no open tab opens. */
  destination: string;
  /** When the (latest) login began: a page loaded before it cannot be where that login landed. */
  startedAt: number;
  /** Epoch ms. */
  credentialExpiresAt: number;
  /** Epoch ms: when the console session ends. The timers and countdowns follow this one. */
  consoleExpiresAt: number;
  /** The cookie store the console session lives in: `default` in Chrome and Edge, a container's `cookieStoreId` in Firefox. */
  store: string;
  /** Unknown until the login lands (a session subdomain means multi-session), unless set at sign-in (container). */
  isolation?: Isolation;
  /** `<account>-<differentiator>`: the first label of the session's multi-session host. */
  subdomain?: string;
  /** The console's `sessionDifferentiator` of this session, when seen (URL or `awsc-session-data`). */
  differentiator?: string;
  /** Tabs showing this session, oldest first. */
  tabs: number[];
  /** The tab whose login is still on its way (launch page, federation endpoint) until it lands on a console page. */
  landingTab?: number;
  /** A renewal's other tabs: sent to the same pages of the renewed session once the login lands. */
  followers?: number[];
  status: SessionStatus;
  /** `replaced`: the session that took over; absent when a login outside the extension did. */
  replacedBy?: string;
  refusal?: RefusalReason;
  /** The warning before expiry was given (or skipped): alarms firing twice or late never warn twice. */
  warned: boolean;
}

export interface SessionRegistry {
  sessions: SessionRecord[];
  /** What the console last said about multi-session support, per cookie store and partition (`modeKey`). */
  modes: Record<string, 'multi' | 'single'>;
}

export interface SessionSettings {
  /** Minutes before expiry the warning notification comes; 0 = no warning. */
  warnMinutes: number;
  /** Profiles renewed without asking when the warning is due, if no passphrase or MFA code is needed. */
  autoRenew: string[];
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { warnMinutes: 5, autoRenew: [] };
export const MAX_WARN_MINUTES = 60;

/** The console allows this many identities at once in multi-session mode (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html). */
export const MULTI_SESSION_LIMIT = 5;

/** Chrome and Edge have one cookie store for normal windows. */
export const DEFAULT_STORE = 'default';

export const EMPTY_REGISTRY: SessionRegistry = { sessions: [], modes: {} };

/** Firefox containers have their own cookie jar (`firefox-container-<n>`): a session there is isolated by it. */
export function storeIsolation(store: string): Isolation | undefined {
  return store.startsWith('firefox-container-') ? 'container' : undefined;
}

export function modeKey(store: string, partition: Partition): string {
  return `${store} ${partition}`;
}

/** Sessions that share a cookie jar: a login in one can replace or crowd out another. */
export function sameJar(a: Pick<SessionRecord, 'store' | 'partition'>, b: Pick<SessionRecord, 'store' | 'partition'>): boolean {
  return a.store === b.store && a.partition === b.partition;
}

/** The profile of the session that replaced this one, when the extension made that login too. */
export function replacedByProfile(registry: SessionRegistry, session: SessionRecord): string | undefined {
  return session.replacedBy === undefined ? undefined : registry.sessions.find((s) => s.id === session.replacedBy)?.profile;
}

export function sessionOfTab(registry: SessionRegistry, tabId: number): SessionRecord | undefined {
  return registry.sessions.find((session) => session.tabs.includes(tabId));
}

/** Settings read from storage, with anything unset or out of range replaced by its default. */
export function normalizeSessionSettings(value: Partial<SessionSettings> | undefined): SessionSettings {
  const warn = Number(value?.warnMinutes);
  return {
    warnMinutes: Number.isInteger(warn) && warn >= 0 && warn <= MAX_WARN_MINUTES ? warn : DEFAULT_SESSION_SETTINGS.warnMinutes,
    autoRenew: Array.isArray(value?.autoRenew) ? [...new Set(value.autoRenew.filter((p) => typeof p === 'string'))] : [],
  };
}
