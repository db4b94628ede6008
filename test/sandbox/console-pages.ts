/**
 * The console's HTML pages. Plain, with `data-testid` hooks for the end-to-end tests (listed in README.md).
 * Every console page ends with the browser's session mode (`data-testid="session-mode"`: single / multi).
 */
import { accountInfoOf, identityOf } from './console-identity.js';
import { isExpired, sessionOrigin, sessionSubdomain, type HeldSession } from './console-sessions.js';
import { escapeHtml, page } from './html.js';
import { PARTITION_INFO } from './partitions.js';
import type { ConsoleSession, SandboxState } from './state.js';
import { isoSeconds } from './sts-xml.js';

export const SETTINGS_PATH = '/settings/multisession';

/** A console page: the body, then the mode footer. */
export function consolePage(title: string, body: string, multi: boolean, head = ''): string {
  const footer = `<footer>Session mode: <span data-testid="session-mode">${multi ? 'multi' : 'single'}</span>
  · <a href="${SETTINGS_PATH}">Multi-session settings</a></footer>`;
  return page(title, `${body}\n${footer}`, head);
}

/**
 * What the real console puts in `<meta name="awsc-session-data">` and what DESIGN.md relies on (undocumented;
 * fields as seen in AWS Extend Switch Roles' v6 source). Account and role are deliberately not in it.
 */
export interface AwscSessionData {
  prismModeEnabled: boolean;
  sessionDifferentiator: string;
  signInEndpoint: string;
  infrastructureRegion: string;
}

/**
 * What a switch-role reads from the page, in the head: the `awsc-session-data` meta tag (readable from the DOM), and
 * in a page script the signed-in identity (`ConsoleNavService.AccountInfo`) and the anti-forgery token
 * (`AWSC.Auth.getMbtc()`), which live in the page's own JavaScript context: an extension reads them with
 * `scripting.executeScript({ world: 'MAIN' })`; a content script's isolated world does not see page variables.
 * None of it with `state.consoleWithoutSessionData` (the "this console page changed" fault).
 */
function sessionHead(state: SandboxState, session: ConsoleSession, options: { region: string; multi: boolean }): string {
  if (state.consoleWithoutSessionData) return '';
  const sessionData: AwscSessionData = {
    prismModeEnabled: options.multi,
    sessionDifferentiator: session.differentiator,
    signInEndpoint: PARTITION_INFO[session.partition].signinHost,
    infrastructureRegion: options.region,
  };
  // JSON inside <script>: `<` escaped so no value can close the element.
  const js = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<meta name="awsc-session-data" content="${escapeHtml(JSON.stringify(sessionData))}">
<script>
window.ConsoleNavService = { AccountInfo: ${js(accountInfoOf(session))} };
window.AWSC = { Auth: { getMbtc: function () { return ${js(session.csrf)}; } } };
</script>
`;
}

/** A switched session's display name in its colour, as the console's header shows it; '' for other sessions. */
function switchedBadge(session: ConsoleSession): string {
  const switched = session.switchedRole;
  if (!switched) return '';
  const style = switched.color ? ` style="background-color: #${switched.color}"` : '';
  return `\n  · <span data-testid="switched-display-name" data-color="${escapeHtml(switched.color)}"${style}>${escapeHtml(switched.displayName)}</span>`;
}

export function signedInPage(
  state: SandboxState,
  session: ConsoleSession,
  options: { region: string; requested: string; multi: boolean },
): string {
  const alias = state.seed.accounts.find((a) => a.id === session.account)?.alias;
  const head = sessionHead(state, session, options);
  const who = identityOf(session);
  const label = who.kind === 'user' ? who.name : `${session.roleName}/${session.sessionName}`;
  const switched = session.switchedRole;
  const switchedRows = switched
    ? `
    <dt>Switched from</dt><dd data-testid="switched-from">${escapeHtml(switched.fromArn)}</dd>
    <dt>Signed in as</dt><dd data-testid="login-arn">${escapeHtml(switched.login.arn)}</dd>`
    : '';
  const body = `<header data-testid="console-header">
  <span data-testid="signed-in-role">${escapeHtml(label)}</span>
  @ <span data-testid="signed-in-account-alias">${escapeHtml(alias ?? session.account)}</span>${switchedBadge(session)}
  · <a data-testid="sign-out" href="/oauth?Action=logout">Sign out</a>
</header>
<main>
  <h1>AWS Management Console (sandbox)</h1>
  <dl>
    <dt>Signed in as</dt><dd data-testid="signed-in-arn">${escapeHtml(session.assumedRoleArn)}</dd>
    <dt>Account</dt><dd data-testid="signed-in-account">${escapeHtml(session.account)}</dd>
    <dt>Region</dt><dd data-testid="console-region">${escapeHtml(options.region)}</dd>
    <dt>Session expires</dt><dd data-testid="console-expires">${isoSeconds(session.expiresAt)}</dd>
    <dt>Session</dt><dd data-testid="session-differentiator">${escapeHtml(session.differentiator)}</dd>
    <dt>Page</dt><dd data-testid="console-path">${escapeHtml(options.requested)}</dd>${switchedRows}
  </dl>
</main>`;
  return consolePage(`AWS Console - ${session.roleName}`, body, options.multi, head);
}

export function expiredPage(session: ConsoleSession, multi: boolean): string {
  return consolePage(
    'Session expired',
    `<h1 data-testid="session-expired">Your session has expired</h1>
<p>Please sign in again. Session of <span data-testid="expired-arn">${escapeHtml(session.assumedRoleArn)}</span>
ended at <span data-testid="console-expires">${isoSeconds(session.expiresAt)}</span>.</p>`,
    multi,
  );
}

/** Not signed in (no session, or this subdomain's session is not this browser's any more). */
export function signedOutPage(multi: boolean, reason?: string): string {
  return consolePage(
    'Sign in',
    `<h1 data-testid="signed-out">Sign in</h1>
<p>${escapeHtml(reason ?? 'You are not signed in to the AWS Management Console.')}</p>`,
    multi,
  );
}

/** After a logout. */
export function loggedOutPage(multi: boolean): string {
  return consolePage('Signed out', '<h1 data-testid="signed-out">You have signed out</h1>', multi);
}

/** One session as a link to the same page on its own subdomain. */
function choiceItem(state: SandboxState, session: ConsoleSession, region: string, requested: string): string {
  const expired = isExpired(state, session);
  const href = `${sessionOrigin(session, region)}${requested}`;
  return `  <li data-testid="session-choice" data-session="${escapeHtml(sessionSubdomain(session))}" data-status="${expired ? 'expired' : 'live'}">
    <a href="${escapeHtml(href)}"><span data-testid="choice-arn">${escapeHtml(session.assumedRoleArn)}</span></a>
    (<span data-testid="choice-account">${escapeHtml(session.account)}</span>,
    <span data-testid="choice-status">${expired ? 'expired' : `until ${isoSeconds(session.expiresAt)}`}</span>)
  </li>`;
}

/** Multi-session mode on a host without a session subdomain: pick one of the browser's sessions. */
export function chooserPage(state: SandboxState, held: readonly HeldSession[], region: string, requested: string): string {
  const items = held.map((h) => choiceItem(state, h.session, region, requested)).join('\n');
  return consolePage(
    'Choose a session',
    `<main data-testid="session-chooser">
<h1>Choose a session</h1>
<ul>
${items}
</ul>
<p><a data-testid="sign-out-all" href="/oauth?Action=logout">Sign out of all sessions</a></p>
</main>`,
    true,
  );
}

/** A login refused because the browser already holds the limit of live sessions (HTTP 200, as the console's). */
export function sessionLimitPage(
  state: SandboxState,
  sessions: readonly ConsoleSession[],
  refusedArn: string,
  region: string,
): string {
  const items = sessions.map((s) => choiceItem(state, s, region, '/console/home')).join('\n');
  return consolePage(
    'Session limit reached',
    `<main>
<h1 data-testid="session-limit">You can't add another session</h1>
<p>You are signed in to <span data-testid="session-count">${sessions.length}</span> sessions in this browser,
the most the AWS Management Console allows at once. Sign out of one of them, then sign in as
<span data-testid="refused-arn">${escapeHtml(refusedArn)}</span> again.</p>
<ul>
${items}
</ul>
</main>`,
    true,
  );
}
