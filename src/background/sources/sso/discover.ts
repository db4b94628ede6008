/**
 * Discovery: every account and permission set a person can reach through a start URL (ListAccounts, then
 * ListAccountRoles per account), with a bounded number of requests in flight so that hundreds of accounts finish
 * in seconds without tripping the portal's rate limit. The SDK backs off briefly on 429 TooManyRequestsException; a
 * request still refused after its attempts waits longer and goes again (rounds of growing waits), so a tight rate limit
 * slows an import of hundreds of accounts down instead of throwing away what was already listed.
 */
import { scopesOf } from '../../../core/sso/token-rules';
import { isRegion } from '../../../core/config/values';
import { emit } from '../../../platform/events';
import type { DiscoveredAccount } from '../../../messages';
import { discoveryClient, listAccountRoles, listAccounts } from '../../aws/sso-portal';
import { SignInError } from '../../sign-in/sign-in-error';
import { withStepTimeout } from '../../sign-in/step-timeout';
import { sleep, ssoError } from './device-sign-in';
import { accessToken } from './sso-credentials';

/** Requests in flight at once: enough to hide latency, few enough for the portal's per-token rate limit. */
const CONCURRENCY = 6;
/**
 * Waits before a request the portal still limits after the SDK's own 3 attempts: doubling to 16 s, each under the
 * worker's 30-second idle limit, with a progress event (an extension API call) before each so the worker stays alive.
 * Each wait is cut by up to half at random, so the requests in flight do not all come back at once.
 */
const THROTTLED_WAITS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 16_000, 16_000] as const;

export interface DiscoverInput {
  startUrl: string;
  region: string;
  scopes?: string;
  requestId?: string;
}

export async function discoverAccounts(input: DiscoverInput): Promise<{ accounts: DiscoveredAccount[]; requests: number }> {
  const startUrl = checkedStartUrl(input.startUrl);
  if (!isRegion(input.region)) throw new SignInError('bad-request', `sso_region = ${input.region} is not an AWS region.`);
  const start = { startUrl, region: input.region, scopes: scopesOf(input.scopes) };
  const requestId = input.requestId ?? '';
  const token = await accessToken(start, {
    interactive: true,
    onCode: (userCode) => emit('sso.discover.progress', { requestId, accounts: 0, rolesListed: 0, userCode }),
  });
  const portal = discoveryClient(start.region);
  let requests = 0;
  const accounts: DiscoveredAccount[] = [];
  let listed = 0;
  const call = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    for (let round = 0; ; round++) {
      requests++;
      try {
        return await withStepTimeout('getting-role-credentials', work);
      } catch (error) {
        const wait = THROTTLED_WAITS_MS[round];
        if (wait === undefined || !(error instanceof Error) || error.name !== 'TooManyRequestsException') throw ssoError(error, startUrl);
        emit('sso.discover.progress', { requestId, accounts: accounts.length, rolesListed: listed });
        await sleep(wait * (1 - Math.random() / 2));
      }
    }
  };

  let next: string | undefined;
  do {
    const page = await call((signal) => listAccounts(portal, token, next, signal));
    for (const account of page.items) accounts.push({ ...account, roles: [] });
    next = page.nextToken;
    emit('sso.discover.progress', { requestId, accounts: accounts.length, rolesListed: 0 });
  } while (next !== undefined);

  let cursor = 0;
  const worker = async (): Promise<void> => {
    while (cursor < accounts.length) {
      const account = accounts[cursor++];
      if (!account) return;
      let rolesNext: string | undefined;
      do {
        const page = await call((signal) => listAccountRoles(portal, token, account.accountId, rolesNext, signal));
        account.roles.push(...page.items);
        rolesNext = page.nextToken;
      } while (rolesNext !== undefined);
      account.roles.sort();
      listed++;
      if (listed % 10 === 0 || listed === accounts.length) emit('sso.discover.progress', { requestId, accounts: accounts.length, rolesListed: listed });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, accounts.length) }, worker));
  } finally {
    portal.destroy();
  }
  return { accounts, requests };
}

function checkedStartUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '') return url;
  } catch {
    // below
  }
  throw new SignInError('bad-request', `sso_start_url = ${url} is not an https URL: write the AWS access portal URL, like https://<name>.awsapps.com/start.`);
}
