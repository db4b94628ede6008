/**
 * The Sessions view's data: each session as the popup shows it (no secret: the registry holds none), with its
 * tabs' titles, and the facts the view explains (the browser's session mode, the 5-session limit).
 */
import type { Partition } from '../arn';
import type { SessionRecord, SessionRegistry } from './model';
import { DEFAULT_STORE, modeKey, MULTI_SESSION_LIMIT, replacedByProfile } from './model';
import { PARTITIONS } from '../arn';

export interface SessionTab {
  id: number;
  title?: string;
}

/** The record's fields the Sessions view shows as they are (not its destination, cookie store or tab bookkeeping). */
type ShownAsRecorded =
  | 'id' | 'profile' | 'accountId' | 'accountAlias' | 'roleName' | 'assumedRoleArn' | 'partition' | 'region' | 'color'
  | 'startedAt' | 'credentialExpiresAt' | 'consoleExpiresAt' | 'status' | 'isolation' | 'refusal';

export interface SessionSummary extends Pick<SessionRecord, ShownAsRecorded> {
  /** `replaced`: the profile that took over, when the extension made that login. */
  replacedBy?: string;
  tabs: SessionTab[];
  autoRenew: boolean;
}

export interface SessionsOverview {
  sessions: SessionSummary[];
  warnMinutes: number;
  /** What the console said about multi-session support in this browser, per partition (Chrome's one cookie store). */
  modes: Partial<Record<Partition, 'multi' | 'single'>>;
  /** Partitions where the live multi-session sessions the extension knows of reach the console's limit. */
  full: Partition[];
}

export function summarize(session: SessionRecord, registry: SessionRegistry, tabs: SessionTab[], autoRenew: boolean): SessionSummary {
  const by = replacedByProfile(registry, session);
  return {
    id: session.id,
    profile: session.profile,
    accountId: session.accountId,
    roleName: session.roleName,
    assumedRoleArn: session.assumedRoleArn,
    partition: session.partition,
    region: session.region,
    startedAt: session.startedAt,
    credentialExpiresAt: session.credentialExpiresAt,
    consoleExpiresAt: session.consoleExpiresAt,
    status: session.status,
    tabs,
    autoRenew,
    ...(session.accountAlias !== undefined && { accountAlias: session.accountAlias }),
    ...(session.color !== undefined && { color: session.color }),
    ...(session.isolation !== undefined && { isolation: session.isolation }),
    ...(by !== undefined && { replacedBy: by }),
    ...(session.refusal !== undefined && { refusal: session.refusal }),
  };
}

export function modesOf(registry: SessionRegistry, store = DEFAULT_STORE): SessionsOverview['modes'] {
  const modes: SessionsOverview['modes'] = {};
  for (const partition of PARTITIONS) {
    const mode = registry.modes[modeKey(store, partition)];
    if (mode !== undefined) modes[partition] = mode;
  }
  return modes;
}

/** Partitions whose live multi-session identities reach the limit: the next new identity will be refused. */
export function fullPartitions(registry: SessionRegistry, store = DEFAULT_STORE): Partition[] {
  return PARTITIONS.filter((partition) => {
    const identities = new Set(
      registry.sessions
        .filter((s) => s.store === store && s.partition === partition && s.status === 'live' && s.isolation === 'multi-session')
        .map((s) => s.assumedRoleArn),
    );
    return identities.size >= MULTI_SESSION_LIMIT;
  });
}
