/**
 * Every successful sign-in becomes a session in the registry: role, account, expiries, and the tab its login is
 * on its way in. Where the login lands (a session subdomain or not) is learnt from the tab (sessions-tabs.ts).
 */
import { parseAssumedRoleArn } from '../../core/sessions/assumed-role';
import { DEFAULT_STORE, storeIsolation, type SessionRecord } from '../../core/sessions/model';
import { addSession } from '../../core/sessions/registry-ops';
import { isPartition } from '../../core/arn';
import type { SignInResult } from '../../messages';
import { tabState } from '../../platform/tab-control';
import { loadConfig } from '../config/store';
import { showChanges } from './badges';
import { scheduleTimers } from './schedule';
import { changeRegistry, loadSessionSettings } from './store';
import { observe } from './tabs';

/**
 * Registers the session of a sign-in (called as it starts, so the session knows when its login began) and returns
 * the sign-in's answer unchanged. The console is already opening by then, so a failure here must not turn the
 * sign-in into an error: the session is just not tracked.
 */
export async function registerSignIn(signingIn: Promise<SignInResult> | SignInResult, begun: number = Date.now()): Promise<SignInResult> {
  const result = await signingIn;
  const now = Date.now();
  try {
    const record = await sessionRecord(result, begun);
    if (record) {
      const { before, after } = await changeRegistry((registry) => ({ registry: addSession(registry, record) }));
      await showChanges(before, after, now);
      await scheduleTimers(after, (await loadSessionSettings()).warnMinutes);
      // The sign-in waited for its login to land (login-check.ts): what the tab shows now may already be the
      // console's answer (a refusal stays on the sign-in host), and no tab event will tell it again.
      const tab = result.tabId !== undefined ? await tabState(result.tabId) : undefined;
      if (tab?.url !== undefined) {
        await observe(tab.id, { url: tab.url, loaded: tab.status === 'complete', ...(tab.cookieStoreId !== undefined && { store: tab.cookieStoreId }) });
      }
    }
  } catch {
    // Not tracked; the sign-in itself succeeded.
  }
  return result;
}

async function sessionRecord(result: SignInResult, now: number): Promise<SessionRecord | undefined> {
  const assumed = parseAssumedRoleArn(result.assumedRoleArn);
  if (!assumed || !isPartition(result.partition)) return undefined;
  const role = (await loadConfig()).roles.find((r) => r.name === result.profile);
  const store = (result.tabId !== undefined ? (await tabState(result.tabId))?.cookieStoreId : undefined) ?? DEFAULT_STORE;
  const isolation = storeIsolation(store);
  return {
    id: crypto.randomUUID(),
    profile: result.profile,
    accountId: assumed.accountId,
    roleName: role?.roleName ?? assumed.roleName,
    assumedRoleArn: result.assumedRoleArn,
    partition: result.partition,
    region: result.region,
    destination: result.destination,
    startedAt: now,
    credentialExpiresAt: result.expiresAt,
    consoleExpiresAt: result.consoleExpiresAt,
    store,
    tabs: result.tabId !== undefined ? [result.tabId] : [],
    status: 'live',
    warned: false,
    ...(result.tabId !== undefined && { landingTab: result.tabId }),
    ...(isolation !== undefined && { isolation }),
    // A role switched to by its account alias has the alias as its account: shown once, not twice.
    ...(role?.accountAlias !== undefined && role.accountAlias !== assumed.accountId && { accountAlias: role.accountAlias }),
    ...(role?.color !== undefined && { color: role.color }),
    ...(role?.marker === 'strong' && { marker: 'strong' }),
  };
}
