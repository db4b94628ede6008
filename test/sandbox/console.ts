/**
 * Fake console pages on `console.aws.amazon.com`, `<region>.console.aws.amazon.com` and the cn / us-gov twins.
 * They show who is signed in, in elements with `data-testid`s, and carry an `awsc-session-data` meta tag shaped
 * like the real console's (undocumented; fields as seen in AWS Extend Switch Roles' v6 source, see DESIGN.md).
 */
import { consoleSessionStatus } from './console-sessions.js';
import { logout } from './federation.js';
import { escapeHtml, page } from './html.js';
import { htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { PARTITION_INFO, partitionOfRegion, type Partition } from './partitions.js';
import type { ConsoleSession, SandboxState } from './state.js';
import { isoSeconds } from './sts-xml.js';

export interface ConsoleRoute {
  partition: Partition;
  region?: string;
  sessionSubdomain?: string;
}

export function handleConsole(req: SandboxRequest, state: SandboxState, route: ConsoleRoute): SandboxReply {
  if (req.path === '/logout' || (req.path === '/oauth' && req.query.get('Action') === 'logout')) {
    return logout(req, state, route.partition, req.query);
  }
  // Keep browsers' automatic favicon fetches from rendering (and logging) as console pages.
  if (req.path === '/favicon.ico') return { status: 404, headers: { 'content-type': 'text/plain' }, body: '' };
  const region = consoleRegion(route, req.query);
  const current = consoleSessionStatus(state, req, route.partition);
  if (current.status === 'live') return htmlReply(200, signedInPage(state, req, route, current.session, region));
  if (current.status === 'expired') {
    return htmlReply(
      200,
      page(
        'Session expired',
        `<h1 data-testid="session-expired">Your session has expired</h1>
<p>Please sign in again. Session of <span data-testid="expired-arn">${escapeHtml(current.session.assumedRoleArn)}</span>
ended at <span data-testid="console-expires">${isoSeconds(current.session.expiresAt)}</span>.</p>`,
      ),
    );
  }
  return htmlReply(
    200,
    page('Sign in', `<h1 data-testid="signed-out">Sign in</h1>\n<p>You are not signed in to the AWS Management Console.</p>`),
  );
}

/** The host's region (`<region>.console…`), else `?region=`, else the partition's default. */
export function consoleRegion(route: ConsoleRoute, query: URLSearchParams): string {
  if (route.region) return route.region;
  const asked = query.get('region');
  if (asked && partitionOfRegion(asked) === route.partition) return asked;
  return PARTITION_INFO[route.partition].defaultRegion;
}

function signedInPage(
  state: SandboxState,
  req: SandboxRequest,
  route: ConsoleRoute,
  session: ConsoleSession,
  region: string,
): string {
  const alias = state.seed.accounts.find((a) => a.id === session.account)?.alias;
  const sessionData = {
    prismModeEnabled: false,
    sessionDifferentiator: session.differentiator,
    signInEndpoint: PARTITION_INFO[route.partition].signinHost,
    infrastructureRegion: region,
  };
  const requested = req.rawQuery ? `${req.path}?${req.rawQuery}` : req.path;
  const head = `<meta name="awsc-session-data" content="${escapeHtml(JSON.stringify(sessionData))}">\n`;
  const body = `<header data-testid="console-header">
  <span data-testid="signed-in-role">${escapeHtml(session.roleName)}/${escapeHtml(session.sessionName)}</span>
  @ <span data-testid="signed-in-account-alias">${escapeHtml(alias ?? session.account)}</span>
</header>
<main>
  <h1>AWS Management Console (sandbox)</h1>
  <dl>
    <dt>Signed in as</dt><dd data-testid="signed-in-arn">${escapeHtml(session.assumedRoleArn)}</dd>
    <dt>Account</dt><dd data-testid="signed-in-account">${escapeHtml(session.account)}</dd>
    <dt>Region</dt><dd data-testid="console-region">${escapeHtml(region)}</dd>
    <dt>Session expires</dt><dd data-testid="console-expires">${isoSeconds(session.expiresAt)}</dd>
    <dt>Page</dt><dd data-testid="console-path">${escapeHtml(requested)}</dd>
  </dl>
</main>`;
  return page(`AWS Console - ${session.roleName}`, body, head);
}
