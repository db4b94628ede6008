/**
 * Who is calling STS: the Authorization header checked against seeded long-term keys or issued temporary keys.
 * The checks and their order follow what STS answers (see sts-errors.ts for the wording).
 */
import { header, type SandboxRequest } from './http.js';
import { userId } from './ids.js';
import type { Partition } from './partitions.js';
import type { SeedUser } from './seed.js';
import { userArn, userPartition } from './seed-lookup.js';
import { formatAmzDate, parseAmzDate, parseAuthorization, verifySignature } from './sigv4.js';
import type { IssuedCredentials, SandboxState } from './state.js';
import {
  expiredToken,
  incompleteSignature,
  invalidClientTokenId,
  missingAuthenticationToken,
  signatureDoesNotMatch,
} from './sts-errors.js';

export type Caller =
  | { kind: 'user'; user: SeedUser; arn: string; userId: string; account: string; partition: Partition; accessKeyId: string }
  | { kind: 'temporary'; creds: IssuedCredentials };

/** SigV4 allows 5 minutes between the signing time and the server's clock, either way. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export interface StsEndpoint {
  partition: Partition;
  /** The region requests to this host must be signed for. */
  region: string;
}

export async function authenticate(req: SandboxRequest, state: SandboxState, endpoint: StsEndpoint): Promise<Caller> {
  const authorization = header(req, 'authorization');
  if (!authorization) {
    // Query-string (presigned) authentication is not served: no client of ours uses it for STS.
    throw missingAuthenticationToken();
  }
  const auth = parseAuthorization(authorization);

  // The credential scope must name this service and this endpoint's region.
  if (auth.service !== 'sts') {
    throw signatureDoesNotMatch(`Credential should be scoped to correct service: 'sts'. `);
  }
  if (auth.region !== endpoint.region) {
    throw signatureDoesNotMatch(`Credential should be scoped to a valid region. `);
  }

  const amzDate = header(req, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || signingDate === undefined) {
    throw incompleteSignature(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`,
    );
  }
  if (amzDate.slice(0, 8) !== auth.scopeDate) {
    throw signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }

  const caller = lookupKey(state, auth.accessKeyId, endpoint.partition, header(req, 'x-amz-security-token'));

  // Clock skew, with STS's own wording.
  const now = state.now();
  if (signingDate < now - MAX_SKEW_MS) {
    throw signatureDoesNotMatch(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
    );
  }
  if (signingDate > now + MAX_SKEW_MS) {
    throw signatureDoesNotMatch(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
    );
  }

  if (caller.kind === 'temporary' && caller.creds.expiresAt <= now) throw expiredToken();

  const secret =
    caller.kind === 'user'
      ? { secretAccessKey: secretOf(caller.user, auth.accessKeyId) }
      : { secretAccessKey: caller.creds.secretAccessKey, sessionToken: caller.creds.sessionToken };
  await verifySignature(req, auth, secret, signingDate);
  return caller;
}

function lookupKey(
  state: SandboxState,
  accessKeyId: string,
  partition: Partition,
  sessionTokenHeader: string | undefined,
): Caller {
  const temp = state.credentials.get(accessKeyId);
  if (temp) {
    // Temporary keys are only valid with their own session token, and only in the partition that issued them.
    if (sessionTokenHeader !== temp.sessionToken || temp.partition !== partition) throw invalidClientTokenId();
    return { kind: 'temporary', creds: temp };
  }
  for (const user of state.seed.users) {
    const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (!key) continue;
    // IAM keys exist in one partition only; a deactivated key is as good as unknown.
    const userPart = userPartition(state.seed, user);
    if (!key.active || userPart !== partition) throw invalidClientTokenId();
    // A session token sent with long-term keys is a token STS did not issue.
    if (sessionTokenHeader !== undefined) throw invalidClientTokenId();
    const arn = userArn(state.seed, user);
    return { kind: 'user', user, arn, userId: userId(arn), account: user.account, partition: userPart, accessKeyId };
  }
  throw invalidClientTokenId();
}

function secretOf(user: SeedUser, accessKeyId: string): string {
  return user.accessKeys.find((k) => k.accessKeyId === accessKeyId)?.secretAccessKey ?? '';
}

// ---- facts about a caller, used by the actions ----

/** The ARN STS shows for the caller (GetCallerIdentity, and in AccessDenied messages). */
export function callerArn(caller: Caller): string {
  if (caller.kind === 'user') return caller.arn;
  return caller.creds.assumedRoleArn ?? caller.creds.userArn ?? '';
}

/** The principal a trust policy is matched against: the user, or for role sessions the role itself. */
export function callerPrincipalArn(caller: Caller): string {
  if (caller.kind === 'user') return caller.arn;
  return caller.creds.roleArn ?? caller.creds.userArn ?? '';
}

export function callerAccount(caller: Caller): string {
  return caller.kind === 'user' ? caller.account : caller.creds.account;
}

export function callerPartition(caller: Caller): Partition {
  return caller.kind === 'user' ? caller.partition : caller.creds.partition;
}

export function callerAccessKeyId(caller: Caller): string {
  return caller.kind === 'user' ? caller.accessKeyId : caller.creds.accessKeyId;
}
