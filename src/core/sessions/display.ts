/**
 * What the content script and the badge may know about a tab's session: display data only. Built from the
 * registry, which holds no secret; the assumed-role ARN and the tab list stay out too, as the page has no use for them.
 */
import type { Partition } from '../arn';
import { replacedByProfile, sessionOfTab, type SessionRecord, type SessionRegistry, type SessionStatus } from './model';

export interface TabDisplay {
  profile: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  region: string;
  partition: Partition;
  color?: string;
  /** `strong`: the profile asked for the strong marker (a frame of its colour round the console). */
  marker?: 'strong';
  consoleExpiresAt: number;
  status: SessionStatus;
  /** `replaced`: the profile that took over, when the extension made that login. */
  replacedBy?: string;
}

export function tabDisplay(registry: SessionRegistry, tabId: number): TabDisplay | undefined {
  const session = sessionOfTab(registry, tabId);
  // A tab whose login is still on its way shows no console page yet.
  if (!session || session.landingTab === tabId) return undefined;
  return displayOf(registry, session);
}

export function displayOf(registry: SessionRegistry, session: SessionRecord): TabDisplay {
  const by = replacedByProfile(registry, session);
  return {
    profile: session.profile,
    accountId: session.accountId,
    roleName: session.roleName,
    region: session.region,
    partition: session.partition,
    consoleExpiresAt: session.consoleExpiresAt,
    status: session.status,
    ...(session.accountAlias !== undefined && { accountAlias: session.accountAlias }),
    ...(session.color !== undefined && { color: session.color }),
    ...(session.marker !== undefined && { marker: session.marker }),
    ...(session.status === 'replaced' && by !== undefined && { replacedBy: by }),
  };
}
