/**
 * Logout, on three kinds of URL:
 * - `https://<account>-<id>.<region>.console…/oauth?Action=logout` (or `/logout`): that session only;
 * - `https://[<region>.]console…/oauth?Action=logout` (or `/logout`): the browser's session in single-session
 *   mode; in multi-session mode these hosts stand for no one session, so it is "Sign out of all sessions";
 * - `https://signin.aws.amazon.com/oauth?Action=logout[&redirect_uri=…]`, what federation tools call to sign the
 *   browser out: every console session the browser holds in that partition, in either mode.
 * The sessions end on the sandbox side and their cookies are cleared. `redirect_uri` is followed only to a
 * console URL of the same partition; otherwise the answer is the "You have signed out" page.
 */
import { loggedOutPage } from './console-pages.js';
import {
  browserSessions,
  clearedSessionCookie,
  CONSOLE_COOKIE,
  endConsoleSession,
  multiSessionOn,
  sessionSubdomain,
} from './console-sessions.js';
import { isConsoleHost } from './hosts.js';
import { htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import type { Partition } from './partitions.js';
import type { SandboxState } from './state.js';

export interface LogoutScope {
  partition: Partition;
  /** Set on a multi-session console host: only that session ends. */
  sessionSubdomain?: string;
}

export function logout(req: SandboxRequest, state: SandboxState, scope: LogoutScope, params: URLSearchParams): SandboxReply {
  const held = browserSessions(state, req, scope.partition);
  const targets =
    scope.sessionSubdomain === undefined ? held : held.filter((h) => sessionSubdomain(h.session) === scope.sessionSubdomain);
  for (const h of targets) endConsoleSession(state, h.session, 'logout');

  const cookies = new Set<string>(scope.sessionSubdomain === undefined ? [CONSOLE_COOKIE] : []);
  for (const h of targets) cookies.add(h.cookie);
  const headers: Record<string, string | string[]> = {};
  if (cookies.size > 0) headers['set-cookie'] = [...cookies].map((name) => clearedSessionCookie(scope.partition, name));

  const log = { action: 'logout' };
  const redirect = params.get('redirect_uri');
  if (redirect !== null && isSafeRedirect(redirect, scope.partition)) {
    return { status: 302, headers: { ...headers, location: redirect, 'cache-control': 'no-store' }, body: '', log };
  }
  return { ...htmlReply(200, loggedOutPage(multiSessionOn(state, req)), headers), log };
}

function isSafeRedirect(target: string, partition: Partition): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && !url.username && !url.password && isConsoleHost(url.hostname, partition);
  } catch {
    return false;
  }
}
