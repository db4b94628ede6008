/**
 * Fake console pages on `console.aws.amazon.com`, `<region>.console.aws.amazon.com`, the multi-session hosts
 * `<account>-<differentiator>.<region>.console.aws.amazon.com` and the cn / us-gov twins. They show who is
 * signed in, in elements with `data-testid`s, and carry an `awsc-session-data` meta tag shaped like the real
 * console's (undocumented; fields as seen in AWS Extend Switch Roles' v6 source, see DESIGN.md).
 *
 * Which session a page shows (console-sessions.ts has the cookies):
 * - a session subdomain: that session, if this browser holds it (live, or the expired page); else signed out;
 * - any other host, multi-session mode: the session chooser (signed out when the browser holds none);
 * - any other host, single-session mode: the browser's session (the newest it holds).
 */
import { chooserPage, expiredPage, SETTINGS_PATH, signedInPage, signedOutPage } from './console-pages.js';
import { browserSessions, isExpired, multiSessionOn, sessionSubdomain } from './console-sessions.js';
import { htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { logout } from './logout.js';
import { handleSettings } from './multi-session.js';
import { PARTITION_INFO, partitionOfRegion, type Partition } from './partitions.js';
import type { ConsoleSession, SandboxState } from './state.js';

export interface ConsoleRoute {
  partition: Partition;
  region?: string;
  sessionSubdomain?: string;
}

export function handleConsole(req: SandboxRequest, state: SandboxState, route: ConsoleRoute): SandboxReply {
  if (req.path === '/logout' || (req.path === '/oauth' && req.query.get('Action') === 'logout')) {
    return logout(req, state, route, req.query);
  }
  // Keep browsers' automatic favicon fetches from rendering (and logging) as console pages.
  if (req.path === '/favicon.ico') return { status: 404, headers: { 'content-type': 'text/plain' }, body: '' };
  if (req.path === SETTINGS_PATH || req.path === `${SETTINGS_PATH}/`) return handleSettings(req, state, route.partition);
  // A multi-session switch-role's `destination` carries `login_hint=<account>-<differentiator>` (as the console's
  // opt-in redirect does); the page takes it and shows the same URL without it.
  if (req.method === 'GET' && req.query.has('login_hint')) return withoutLoginHint(req);

  const multi = multiSessionOn(state, req);
  const held = browserSessions(state, req, route.partition);
  const region = consoleRegion(route, req.query);
  const requested = req.rawQuery ? `${req.path}?${req.rawQuery}` : req.path;
  const show = (session: ConsoleSession): SandboxReply =>
    htmlReply(
      200,
      isExpired(state, session) ? expiredPage(session, multi) : signedInPage(state, session, { region, requested, multi }),
    );

  if (route.sessionSubdomain !== undefined) {
    const own = held.find((h) => sessionSubdomain(h.session) === route.sessionSubdomain);
    if (own) return show(own.session);
    return htmlReply(200, signedOutPage(multi, 'This session is not signed in in this browser. It may have been signed out or replaced.'));
  }
  if (multi) {
    if (held.length === 0) return htmlReply(200, signedOutPage(multi));
    return htmlReply(200, chooserPage(state, held, region, requested));
  }
  const current = held.at(-1);
  return current ? show(current.session) : htmlReply(200, signedOutPage(multi));
}

function withoutLoginHint(req: SandboxRequest): SandboxReply {
  const rest = req.rawQuery
    .split('&')
    .filter((part) => part !== '' && part !== 'login_hint' && !part.startsWith('login_hint='))
    .join('&');
  return { status: 302, headers: { location: `https://${req.host}${req.path}${rest ? `?${rest}` : ''}`, 'cache-control': 'no-store' }, body: '' };
}

/** The host's region (`<region>.console…`), else `?region=`, else the partition's default. */
export function consoleRegion(route: ConsoleRoute, query: URLSearchParams): string {
  if (route.region) return route.region;
  const asked = query.get('region');
  if (asked && partitionOfRegion(asked) === route.partition) return asked;
  return PARTITION_INFO[route.partition].defaultRegion;
}
