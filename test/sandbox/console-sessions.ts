/**
 * Console sessions and the cookie that names them.
 *
 * Single-session mode (the console's default): the browser holds one session per partition; a new federated
 * login replaces it in every tab. The cookie lives on the partition's parent domain (`.aws.amazon.com`), so
 * `signin.`, `console.` and `<region>.console.` all see it, as the real console's cookies do.
 * Multi-session (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html, up to 5 sessions,
 * one URL subdomain each) is not served yet: `sessionSubdomain` in the host route and `differentiator` on the
 * session are where it plugs in.
 */
import type { SandboxRequest } from './http.js';
import { consoleSessionId, differentiator } from './ids.js';
import { PARTITION_INFO, type Partition } from './partitions.js';
import { parseRoleArn } from './seed-lookup.js';
import type { ConsoleSession, SandboxState, SigninTokenRecord } from './state.js';

export const CONSOLE_COOKIE = 'aws-sandbox-console-session';

export interface StartOptions {
  issuer?: string;
  destination: string;
}

/** Creates the session a login produces, ending the one this browser had in single-session mode. */
export function startConsoleSession(
  state: SandboxState,
  req: SandboxRequest,
  token: SigninTokenRecord,
  options: StartOptions,
): ConsoleSession {
  const now = state.now();
  const previous = sessionNamedByCookie(state, req, token.partition);
  if (previous && previous.endedAt === undefined) {
    previous.endedAt = now;
    previous.endReason = 'replaced';
  }
  const parsed = parseRoleArn(token.roleArn);
  const session: ConsoleSession = {
    id: consoleSessionId(),
    partition: token.partition,
    account: token.account,
    roleArn: token.roleArn,
    roleName: parsed?.name ?? token.roleArn,
    assumedRoleArn: token.assumedRoleArn,
    sessionName: token.assumedRoleArn.split('/').pop() ?? '',
    differentiator: differentiator(),
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    destination: options.destination,
    createdAt: now,
    expiresAt: token.consoleExpiresAt,
  };
  state.consoleSessions.set(session.id, session);
  return session;
}

/** The session the request's cookie names, if it exists and belongs to this partition (whatever its state). */
export function sessionNamedByCookie(
  state: SandboxState,
  req: SandboxRequest,
  partition: Partition,
): ConsoleSession | undefined {
  const id = req.cookies.get(CONSOLE_COOKIE);
  const session = id === undefined ? undefined : state.consoleSessions.get(id);
  return session?.partition === partition ? session : undefined;
}

export type SessionStatus =
  | { status: 'live'; session: ConsoleSession }
  | { status: 'expired'; session: ConsoleSession }
  | { status: 'none' };

export function consoleSessionStatus(state: SandboxState, req: SandboxRequest, partition: Partition): SessionStatus {
  const session = sessionNamedByCookie(state, req, partition);
  if (!session || session.endedAt !== undefined) return { status: 'none' };
  if (session.expiresAt <= state.now()) return { status: 'expired', session };
  return { status: 'live', session };
}

export function endConsoleSession(state: SandboxState, session: ConsoleSession, reason: 'logout' | 'replaced'): void {
  if (session.endedAt !== undefined) return;
  session.endedAt = state.now();
  session.endReason = reason;
}

/**
 * A session cookie (no Expires/Max-Age): it lives in memory only, so no session id is written into the
 * browser profile on disk.
 */
export function sessionCookie(partition: Partition, id: string): string {
  return `${CONSOLE_COOKIE}=${id}; Domain=${PARTITION_INFO[partition].cookieDomain}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(partition: Partition): string {
  return `${CONSOLE_COOKIE}=; Domain=${PARTITION_INFO[partition].cookieDomain}; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;
}
