/**
 * Console sessions, the cookies that name them, and the browser's session mode.
 *
 * Everything is per browser: the sandbox keeps no list of "the browser's sessions"; the browser's cookie jar is
 * that list. All cookies live on the partition's parent domain (`.aws.amazon.com`), so `signin.`, `console.`,
 * `<region>.console.` and `<account>-<id>.<region>.console.` all see them, as the real console's cookies do. Two
 * Chromium profiles (two cookie jars) are therefore independent.
 *
 * - Single-session mode (the console's default): one cookie `aws-sandbox-console-session=<id>`. A new federated
 *   login replaces the browser's session, so every console tab shows the new identity on reload.
 * - Multi-session mode (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html, opt-in per
 *   browser, up to 5 identities): one cookie per session, `aws-sandbox-console-session-<differentiator>=<id>`
 *   (one cookie each, so two logins racing in two tabs cannot overwrite each other). A login adds a session on
 *   its own subdomain `<account>-<differentiator>.<region>.console…`; a login as an identity (assumed-role ARN)
 *   that is already signed in replaces that identity's session; a 6th identity is refused.
 * - The mode: cookie `aws-sandbox-multi-session=on|off` (see multi-session.ts); without it,
 *   `state.multiSessionDefault`. Switching the mode ends no session: the next login does what the new mode says.
 */
import type { SandboxRequest } from './http.js';
import { consoleSessionId, csrfToken, differentiator } from './ids.js';
import { PARTITION_INFO, type Partition } from './partitions.js';
import { parseRoleArn } from './seed-lookup.js';
import type { ConsoleEndReason, ConsoleSession, SandboxState, SigninTokenRecord, SwitchedRole } from './state.js';

/** The single-session cookie; multi-session cookies are `${CONSOLE_COOKIE}-<differentiator>`. */
export const CONSOLE_COOKIE = 'aws-sandbox-console-session';
/** The browser's multi-session choice: `on` or `off`. Absent: `state.multiSessionDefault`. */
export const MULTI_SESSION_COOKIE = 'aws-sandbox-multi-session';

const PER_SESSION_COOKIE = new RegExp(`^${CONSOLE_COOKIE}-([a-z0-9]+)$`);

/** A session the browser holds, and the cookie it holds it by. */
export interface HeldSession {
  cookie: string;
  session: ConsoleSession;
}

/** Is multi-session support on for this browser? */
export function multiSessionOn(state: SandboxState, req: SandboxRequest): boolean {
  const choice = req.cookies.get(MULTI_SESSION_COOKIE);
  if (choice === 'on') return true;
  if (choice === 'off') return false;
  return state.multiSessionDefault;
}

/** `<account>-<differentiator>`: the first label of the session's multi-session host. */
export function sessionSubdomain(session: ConsoleSession): string {
  return `${session.account}-${session.differentiator}`;
}

/** `https://<account>-<differentiator>.<region>.console.aws.amazon.com` (no trailing slash). */
export function sessionOrigin(session: ConsoleSession, region: string): string {
  return `https://${sessionSubdomain(session)}.${region}.${PARTITION_INFO[session.partition].consoleHost}`;
}

/**
 * The sessions this browser's cookies name that have not ended (live or expired), of this partition, oldest
 * first. Cookies naming unknown, ended or foreign sessions are ignored.
 */
export function browserSessions(state: SandboxState, req: SandboxRequest, partition: Partition): HeldSession[] {
  const held: HeldSession[] = [];
  for (const [name, value] of req.cookies) {
    const perSession = PER_SESSION_COOKIE.exec(name);
    if (name !== CONSOLE_COOKIE && !perSession) continue;
    const session = state.consoleSessions.get(value);
    if (!session || session.partition !== partition || session.endedAt !== undefined) continue;
    if (perSession && perSession[1] !== session.differentiator) continue;
    if (held.some((h) => h.session === session)) continue;
    held.push({ cookie: name, session });
  }
  return held.sort((a, b) => a.session.createdAt - b.session.createdAt);
}

/** Names of the console-session cookies the browser sent that name no session it still holds. */
function staleCookies(req: SandboxRequest, held: readonly HeldSession[]): string[] {
  return [...req.cookies.keys()].filter(
    (name) => (name === CONSOLE_COOKIE || PER_SESSION_COOKIE.test(name)) && !held.some((h) => h.cookie === name),
  );
}

export function isExpired(state: SandboxState, session: ConsoleSession): boolean {
  return session.expiresAt <= state.now();
}

export type LoginOutcome =
  | {
      kind: 'signed-in';
      session: ConsoleSession;
      /** Sessions this login ended (single-session: all the browser had; multi-session: the same identity's). */
      replaced: ConsoleSession[];
      /** Set-Cookie values: the new session's cookie first, then the cookies to clear. */
      setCookies: string[];
    }
  | {
      kind: 'limit';
      /** The browser's live sessions, which stay signed in. */
      sessions: ConsoleSession[];
    };

export interface StartOptions {
  issuer?: string;
  destination: string;
}

/**
 * Who a login signs in as: a federation sign-in token, an IAM user's password sign-in, or a console switch-role.
 * `roleArn`/`assumedRoleArn` hold the user's ARN for an IAM user (`principalKind: 'user'`).
 */
export type ConsoleLogin = Pick<SigninTokenRecord, 'partition' | 'account' | 'roleArn' | 'assumedRoleArn' | 'consoleExpiresAt'> & {
  principalKind?: 'user';
  mfa?: boolean;
  accountLabel?: string;
  switchedRole?: SwitchedRole;
};

/**
 * A login in this browser (federated, IAM-user sign-in, or switch-role): adds a session (multi-session mode, up to
 * `state.consoleSessionLimit` live identities) or replaces the browser's session (single-session mode).
 */
export function loginToConsole(
  state: SandboxState,
  req: SandboxRequest,
  token: ConsoleLogin,
  options: StartOptions,
): LoginOutcome {
  const partition = token.partition;
  const multi = multiSessionOn(state, req);
  const held = browserSessions(state, req, partition);
  const ending = multi ? held.filter((h) => h.session.assumedRoleArn === token.assumedRoleArn) : held;
  if (multi) {
    const others = held.filter((h) => !ending.includes(h) && !isExpired(state, h.session));
    if (others.length >= state.consoleSessionLimit) return { kind: 'limit', sessions: others.map((h) => h.session) };
  }
  for (const h of ending) endConsoleSession(state, h.session, 'replaced');

  const session = createSession(state, token, options, multi);
  const cookie = multi ? `${CONSOLE_COOKIE}-${session.differentiator}` : CONSOLE_COOKIE;
  const kept = held.filter((h) => !ending.includes(h));
  const clear = new Set([...ending.map((h) => h.cookie), ...staleCookies(req, held)]);
  clear.delete(cookie);
  for (const h of kept) clear.delete(h.cookie);
  return {
    kind: 'signed-in',
    session,
    replaced: ending.map((h) => h.session),
    setCookies: [sessionCookie(partition, session.id, cookie), ...[...clear].map((name) => clearedSessionCookie(partition, name))],
  };
}

function createSession(state: SandboxState, token: ConsoleLogin, options: StartOptions, multi: boolean): ConsoleSession {
  const parsed = parseRoleArn(token.roleArn);
  const sessionName = token.assumedRoleArn.split('/').pop() ?? '';
  const session: ConsoleSession = {
    id: consoleSessionId(),
    partition: token.partition,
    account: token.account,
    roleArn: token.roleArn,
    roleName: token.principalKind === 'user' ? sessionName : (parsed?.name ?? token.roleArn),
    assumedRoleArn: token.assumedRoleArn,
    sessionName,
    differentiator: differentiator(),
    multiSession: multi,
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    destination: options.destination,
    createdAt: state.now(),
    expiresAt: token.consoleExpiresAt,
    csrf: csrfToken(),
    ...(token.principalKind !== undefined ? { principalKind: token.principalKind } : {}),
    ...(token.mfa !== undefined ? { mfa: token.mfa } : {}),
    ...(token.accountLabel !== undefined ? { accountLabel: token.accountLabel } : {}),
    ...(token.switchedRole !== undefined ? { switchedRole: token.switchedRole } : {}),
  };
  state.consoleSessions.set(session.id, session);
  return session;
}

export function endConsoleSession(state: SandboxState, session: ConsoleSession, reason: ConsoleEndReason): void {
  if (session.endedAt !== undefined) return;
  session.endedAt = state.now();
  session.endReason = reason;
}

/**
 * A session cookie (no Expires/Max-Age): it lives in memory only, so no session id is written into the
 * browser profile on disk.
 */
export function sessionCookie(partition: Partition, id: string, name: string = CONSOLE_COOKIE): string {
  return `${name}=${id}; Domain=${PARTITION_INFO[partition].cookieDomain}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(partition: Partition, name: string = CONSOLE_COOKIE): string {
  return `${name}=; Domain=${PARTITION_INFO[partition].cookieDomain}; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;
}
