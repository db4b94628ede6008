/**
 * The console's own switch-role requests, on the sign-in hosts (global `signin.aws.amazon.com` and regional
 * `<region>.signin.aws.amazon.com`, and the cn / us-gov twins). Undocumented by AWS; the shapes are those AWS
 * Extend Switch Roles (v6, MIT) sends, see README.md "Console switch-role: what the real console does".
 *
 * - Classic: `POST /switchrole`, a form (`action=switchFromBasis`, `src=nav`, `csrf`, `roleName`, `account`,
 *   `color`, `displayName`, `redirect_uri`, `mfaNeeded=0`) posted by the console page in the same tab. The `csrf`
 *   must be the token of one of the browser's live sessions (the page's `AWSC.Auth.getMbtc()`); the switch starts
 *   from that session's signed-in identity (the IAM user, or the federated / Identity Center role session), never
 *   from a role switched to before. Answer: 302 to `redirect_uri` with the new session's cookie; refused: the
 *   Switch Role page with AWS's message (`switchrole-error`), 200 for a role that does not exist or does not trust
 *   the identity, 400 for a malformed request, a wrong token or no session.
 * - Multi-session: `POST /sessions/<sessionDifferentiator>/v1/switchrole`, JSON `{account, color, displayName,
 *   redirectUri, roleName}` with header `X-CSRF-PROTECTION: 1` and the browser's cookies (a `fetch` from the
 *   console page, `credentials: 'include'`; CORS answered for console origins). The switch chains from that
 *   session's current identity and adds a session (its own subdomain and cookie); the session switched from stays.
 *   Answer: 200 `{"destination": "https://<account>-<id>.<region>.console…<path>?…&login_hint=<account>-<id>"}`;
 *   errors: JSON `{"error", "message"}` with 400 / 401 / 403 / 409.
 * - `GET /sessions/<sessionDifferentiator>/v1/logout`: signs that one session out.
 *
 * The new session is the role's `arn:<p>:sts::<account>:assumed-role/<role>/<session name of the identity switched
 * from>` for 1 hour (role chaining from a console session), with the display name and colour the console shows.
 */
import { sessionLimitPage } from './console-pages.js';
import { identityOf, loginIdentityOf } from './console-identity.js';
import { browserSessions, isExpired, loginToConsole, multiSessionOn, sessionSubdomain, type HeldSession } from './console-sessions.js';
import { landing, regionOf } from './federation.js';
import { isConsoleHost } from './hosts.js';
import { escapeHtml, page } from './html.js';
import { formParams, header, htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { isConsoleUrl } from './iam-signin.js';
import { logout } from './logout.js';
import type { Partition } from './partitions.js';
import { accountByIdOrAlias, findRole, parseRoleArn } from './seed-lookup.js';
import type { ConsoleIdentity, ConsoleSession, SandboxState, SwitchedRole } from './state.js';
import { checkTrustOf } from './trust.js';

/** What the real Switch Role page says when the role does not exist or may not be assumed (observed, see README). */
export const SWITCH_REFUSED_MESSAGE = 'Invalid information in one or more fields. Check your information or contact your administrator.';
/** A console session made by a switch-role lasts one hour (role chaining from a console session). */
export const SWITCHED_SESSION_SECONDS = 3600;

export interface SwitchRoute {
  partition: Partition;
}

/** The request, whichever of the two forms it came in. */
interface SwitchAsk {
  account: string;
  roleName: string;
  color: string;
  displayName: string;
  redirectUri: string;
}

/** A refusal: `status`, the reason for the log and the sandbox's own explanation, and what AWS says. */
interface Refusal {
  status: number;
  reason: string;
  error: string;
  message: string;
}

function refusal(status: number, reason: string, error: string, message: string): Refusal {
  return { status, reason, error, message };
}

/** Checks the request and the role's trust for `base`; the login to make, or why not. */
function decide(
  state: SandboxState,
  partition: Partition,
  ask: SwitchAsk,
  base: ConsoleIdentity,
  switched: Omit<SwitchedRole, 'accountAsGiven' | 'displayName' | 'color'>,
): { refused: Refusal } | { roleArn: string; account: string; assumedRoleArn: string; switchedRole: SwitchedRole } {
  if (ask.account.trim() === '' || ask.roleName.trim() === '') {
    return { refused: refusal(400, 'missing account or roleName', 'BadRequest', 'account and roleName are required.') };
  }
  if (!isConsoleUrl(ask.redirectUri, partition)) {
    return { refused: refusal(400, 'redirect is not a console URL of this partition', 'BadRequest', 'The redirect URI is not a console URL.') };
  }
  const denied = (reason: string) => ({ refused: refusal(403, reason, 'AccessDenied', SWITCH_REFUSED_MESSAGE) });
  const account = accountByIdOrAlias(state.seed, partition, ask.account);
  if (account === undefined) return denied('unknown account');
  const roleName = ask.roleName.trim().replace(/^\/+/, '');
  const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
  const role = findRole(state.seed, roleArn);
  const parsed = parseRoleArn(roleArn);
  if (!role || !parsed) return denied('no such role');
  const failure = checkTrustOf(role, base, undefined, base.mfa);
  if (failure) return denied(`trust: ${failure}`);
  return {
    roleArn,
    account,
    assumedRoleArn: `arn:${partition}:sts::${account}:assumed-role/${parsed.name}/${base.sessionName}`,
    switchedRole: {
      ...switched,
      accountAsGiven: ask.account.trim(),
      displayName: (ask.displayName.trim() || `${parsed.name} @ ${ask.account.trim()}`).slice(0, 64),
      color: /^[0-9a-f]{6}$/i.test(ask.color.trim()) ? ask.color.trim().toLowerCase() : '',
    },
  };
}

function liveSessions(state: SandboxState, req: SandboxRequest, partition: Partition): HeldSession[] {
  return browserSessions(state, req, partition).filter((h) => !isExpired(state, h.session));
}

// ---- classic: POST /switchrole ----

export function handleClassicSwitch(req: SandboxRequest, state: SandboxState, route: SwitchRoute): SandboxReply {
  const params = formParams(req);
  const ask: SwitchAsk = {
    account: params.get('account') ?? '',
    roleName: params.get('roleName') ?? '',
    color: params.get('color') ?? '',
    displayName: params.get('displayName') ?? '',
    redirectUri: decodeRedirect(params.get('redirect_uri') ?? ''),
  };
  const refuse = (r: Refusal): SandboxReply => ({
    ...htmlReply(r.status === 403 ? 200 : r.status, switchRolePage(ask, r)),
    log: { action: 'switchrole', error: r.reason },
  });
  if (req.method !== 'POST') return refuse(refusal(405, 'not a POST', 'MethodNotAllowed', 'Switch roles from the console.'));
  if (params.get('action') !== 'switchFromBasis') {
    return refuse(refusal(400, 'action is not switchFromBasis', 'BadRequest', 'Bad Request'));
  }
  const live = liveSessions(state, req, route.partition);
  if (live.length === 0) return refuse(refusal(400, 'not signed in', 'NotSignedIn', 'You are not signed in to the console.'));
  const csrf = params.get('csrf') ?? '';
  const held = live.find((h) => csrf !== '' && h.session.csrf === csrf);
  if (!held) return refuse(refusal(400, 'csrf mismatch', 'BadRequest', 'Bad Request'));

  // Classic switches always start from the identity that signed in ("switchFromBasis").
  const base = loginIdentityOf(held.session);
  const decision = decide(state, route.partition, ask, base, { mode: 'classic', login: base, fromArn: base.arn });
  if ('refused' in decision) return refuse(decision.refused);

  const outcome = loginToConsole(state, req, switchedLogin(state, route.partition, decision, base), { destination: ask.redirectUri });
  const url = new URL(ask.redirectUri);
  if (outcome.kind === 'limit') {
    const body = sessionLimitPage(state, outcome.sessions, decision.assumedRoleArn, regionOf(url, route.partition));
    return { ...htmlReply(200, body), log: { action: 'switchrole', error: 'session limit' } };
  }
  return {
    status: 302,
    headers: { location: landing(ask.redirectUri, url, outcome.session), 'set-cookie': outcome.setCookies, 'cache-control': 'no-store' },
    body: '',
    log: { action: 'switchrole' },
  };
}

/**
 * The form value as sent: AWS Extend Switch Roles puts `encodeURIComponent(url)` in the field, so after the form
 * decoding it is still percent-encoded once; a plain URL is taken as it is.
 */
function decodeRedirect(value: string): string {
  if (!/^https?%3A/i.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function switchedLogin(
  state: SandboxState,
  partition: Partition,
  decision: { roleArn: string; account: string; assumedRoleArn: string; switchedRole: SwitchedRole },
  base: ConsoleIdentity,
) {
  return {
    partition,
    account: decision.account,
    roleArn: decision.roleArn,
    assumedRoleArn: decision.assumedRoleArn,
    consoleExpiresAt: state.now() + SWITCHED_SESSION_SECONDS * 1000,
    mfa: base.mfa,
    switchedRole: decision.switchedRole,
  };
}

/** The Switch Role page with the refusal: `switchrole-error` (AWS's words) and `switchrole-reason` (the sandbox's). */
function switchRolePage(ask: SwitchAsk, r: Refusal): string {
  return page(
    'Switch Role',
    `<main data-testid="switchrole">
<h1>Switch Role</h1>
<p data-testid="switchrole-error" role="alert">${escapeHtml(r.message)}</p>
<p>Sandbox: <span data-testid="switchrole-reason">${escapeHtml(r.reason)}</span></p>
<dl>
  <dt>Account</dt><dd data-testid="switchrole-account">${escapeHtml(ask.account)}</dd>
  <dt>Role</dt><dd data-testid="switchrole-role">${escapeHtml(ask.roleName)}</dd>
  <dt>Display name</dt><dd>${escapeHtml(ask.displayName)}</dd>
</dl>
</main>`,
  );
}

// ---- multi-session: /sessions/<id>/v1/switchrole and /v1/logout ----

const SESSIONS_PATH = /^\/sessions\/([a-z0-9-]{1,64})\/v1\/(switchrole|logout)$/;

export function isSessionsPath(path: string): boolean {
  return SESSIONS_PATH.test(path);
}

/**
 * The session a `/sessions/<id>/…` path names among the browser's: by its differentiator, or by the whole first
 * label of its host (`<account>-<differentiator>`, the form the real console's `login_hint` has).
 */
function namedSession(held: readonly HeldSession[], id: string): HeldSession | undefined {
  return held.find((h) => h.session.differentiator === id || sessionSubdomain(h.session) === id);
}

export function handleSessionsPath(req: SandboxRequest, state: SandboxState, route: SwitchRoute): SandboxReply {
  const [, id = '', what] = SESSIONS_PATH.exec(req.path) ?? [];
  if (what === 'logout') {
    const held = namedSession(browserSessions(state, req, route.partition), id);
    if (!held) return { ...htmlReply(200, page('Signed out', '<h1 data-testid="signed-out">You have signed out</h1>')), log: { action: 'logout' } };
    return logout(req, state, { partition: route.partition, sessionSubdomain: sessionSubdomain(held.session) }, new URLSearchParams());
  }
  return multiSessionSwitch(req, state, route, id);
}

function multiSessionSwitch(req: SandboxRequest, state: SandboxState, route: SwitchRoute, id: string): SandboxReply {
  const cors = corsHeaders(req, route.partition);
  const answer = (status: number, value: unknown, error?: string): SandboxReply => ({
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors },
    body: JSON.stringify(value),
    log: { action: 'switchrole-multisession', ...(error !== undefined ? { error } : {}) },
  });
  const fail = (r: Refusal): SandboxReply => answer(r.status, { error: r.error, message: r.message }, r.reason);

  if (req.method === 'OPTIONS') {
    // CORS preflight: the page's fetch sends a JSON body and a custom header.
    if (Object.keys(cors).length === 0) return answer(403, { error: 'Forbidden', message: 'Origin not allowed.' }, 'cors origin');
    return {
      status: 204,
      headers: {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, x-csrf-protection',
        'access-control-max-age': '600',
      },
      body: '',
      log: { action: 'switchrole-multisession-preflight' },
    };
  }
  if (req.method !== 'POST') return fail(refusal(405, 'not a POST', 'MethodNotAllowed', 'Use POST.'));
  if (header(req, 'x-csrf-protection') !== '1') {
    return fail(refusal(403, 'missing X-CSRF-PROTECTION: 1', 'CsrfProtection', 'The request lacks its anti-forgery header.'));
  }
  const held = namedSession(liveSessions(state, req, route.partition), id);
  if (!held) return fail(refusal(401, 'no such session in this browser', 'NotSignedIn', 'This session is not signed in.'));
  if (!multiSessionOn(state, req)) {
    return fail(refusal(400, 'multi-session support is off', 'BadRequest', 'Multi-session support is off in this browser.'));
  }
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(req.body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    return fail(refusal(400, 'body is not a JSON object', 'BadRequest', 'The request body is not valid JSON.'));
  }
  const text = (name: string): string => (typeof body[name] === 'string' ? body[name] : '');
  const ask: SwitchAsk = {
    account: text('account'),
    roleName: text('roleName'),
    color: text('color'),
    displayName: text('displayName'),
    redirectUri: text('redirectUri'),
  };

  // Multi-session switches chain from the session's current identity (a role switched to before included).
  const from = held.session;
  const base = identityOf(from);
  const decision = decide(state, route.partition, ask, base, { mode: 'multi-session', login: loginIdentityOf(from), fromArn: base.arn });
  if ('refused' in decision) return fail(decision.refused);

  const outcome = loginToConsole(state, req, switchedLogin(state, route.partition, decision, base), { destination: ask.redirectUri });
  if (outcome.kind === 'limit') {
    return fail(refusal(409, 'session limit', 'SessionLimitExceeded', `You are signed in to ${outcome.sessions.length} sessions, the most the console allows.`));
  }
  const session = outcome.session;
  const destination = withLoginHint(landing(ask.redirectUri, new URL(ask.redirectUri), session), session);
  const reply = answer(200, { destination });
  reply.headers['set-cookie'] = outcome.setCookies;
  return reply;
}

/** Appends `login_hint=<account>-<differentiator>` to the URL's query (before any fragment). */
function withLoginHint(url: string, session: ConsoleSession): string {
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${base}${base.includes('?') ? '&' : '?'}login_hint=${sessionSubdomain(session)}${hash}`;
}

/** CORS for a console page's fetch: its origin echoed with credentials allowed; nothing for other origins. */
function corsHeaders(req: SandboxRequest, partition: Partition): Record<string, string> {
  const origin = header(req, 'origin');
  if (origin === undefined) return {};
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' || !isConsoleHost(url.hostname, partition)) return {};
  } catch {
    return {};
  }
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}
