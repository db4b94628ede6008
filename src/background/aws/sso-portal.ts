/**
 * IAM Identity Center's portal API (`portal.sso.<region>.amazonaws.com`) through the AWS SDK, with the access
 * token as a bearer header: role credentials, and the accounts and roles a person can reach.
 * API: https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/Welcome.html
 */
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import type { TemporaryCredentials } from '../../core/federation';
import { AWS_REQUEST } from './request-options';

/**
 * `cache: 'no-store'`: the portal's calls are GETs, and Chromium writes GET answers to its disk cache, so
 * GetRoleCredentials' secret key and session token ended up in the profile's Cache_Data (the secret scan found them).
 */
function client(region: string): SSOClient {
  return new SSOClient({ region, maxAttempts: 3, requestHandler: { ...AWS_REQUEST, cache: 'no-store' } });
}

/**
 * One client for a whole discovery (hundreds of calls): a client per call resolves its configuration each time.
 * The sign-in's 3 attempts: the SDK's backoff between them (up to ~3 s on a 429) fits each call's 20-second step
 * deadline; a longer rate limit is discover.ts's to wait out, between calls. (With 6 attempts the SDK's own waits
 * ran past the deadline under the sandbox's rate limit, and the import failed as if AWS had not answered.)
 */
export function discoveryClient(region: string): SSOClient {
  return client(region);
}

export interface RoleCredentials {
  credentials: TemporaryCredentials;
  /** Epoch milliseconds (GetRoleCredentials answers `expiration` in epoch milliseconds). */
  expiresAt: number;
}

export async function getRoleCredentials(
  region: string, accessToken: string, accountId: string, roleName: string, abortSignal: AbortSignal,
): Promise<RoleCredentials> {
  const answer = await client(region).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }), { abortSignal });
  const found = answer.roleCredentials;
  if (!found?.accessKeyId || !found.secretAccessKey || !found.sessionToken || found.expiration === undefined) {
    throw new Error('IAM Identity Center answered GetRoleCredentials without credentials.');
  }
  return {
    credentials: { accessKeyId: found.accessKeyId, secretAccessKey: found.secretAccessKey, sessionToken: found.sessionToken },
    expiresAt: found.expiration,
  };
}

export interface PortalAccount {
  accountId: string;
  accountName: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** One page of accounts. The SDK's own retries back off briefly on 429 TooManyRequestsException. */
export async function listAccounts(portal: SSOClient, accessToken: string, nextToken: string | undefined, abortSignal: AbortSignal): Promise<Page<PortalAccount>> {
  const answer = await portal.send(new ListAccountsCommand({ accessToken, maxResults: 100, ...(nextToken !== undefined && { nextToken }) }), { abortSignal });
  const items = (answer.accountList ?? []).flatMap((a) => (a.accountId ? [{ accountId: a.accountId, accountName: a.accountName ?? a.accountId }] : []));
  return { items, ...(answer.nextToken ? { nextToken: answer.nextToken } : {}) };
}

export async function listAccountRoles(
  portal: SSOClient, accessToken: string, accountId: string, nextToken: string | undefined, abortSignal: AbortSignal,
): Promise<Page<string>> {
  const answer = await portal.send(new ListAccountRolesCommand({
    accessToken, accountId, maxResults: 100, ...(nextToken !== undefined && { nextToken }),
  }), { abortSignal });
  const items = (answer.roleList ?? []).flatMap((r) => (r.roleName ? [r.roleName] : []));
  return { items, ...(answer.nextToken ? { nextToken: answer.nextToken } : {}) };
}
