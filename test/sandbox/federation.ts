/**
 * The federation endpoint (`https://signin.aws.amazon.com/federation` and its cn / us-gov / regional twins):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import { sessionLimitPage } from './console-pages.js';
import { loginToConsole, sessionOrigin } from './console-sessions.js';
import { classifyHost, isConsoleHost } from './hosts.js';
import { federationErrorPage, page } from './html.js';
import { formParams, htmlReply, jsonReply, type SandboxReply, type SandboxRequest } from './http.js';
import { handleIamSignin } from './iam-signin.js';
import { signinToken } from './ids.js';
import { logout } from './logout.js';
import { PARTITION_INFO, partitionOfRegion, type Partition } from './partitions.js';
import type { ConsoleSession, SandboxState, SigninTokenRecord } from './state.js';
import { handleClassicSwitch, handleSessionsPath, isSessionsPath } from './switch-role.js';

/** "The sign-in token is valid for 15 minutes after it is issued" (the page above, step 5). */
export const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface SigninRoute {
  partition: Partition;
  /** From `<account id or alias>.signin.aws.amazon.com` (the account's IAM-user sign-in URL). */
  accountLabel?: string;
}

export function handleSignin(req: SandboxRequest, state: SandboxState, route: SigninRoute): SandboxReply {
  const params = formParams(req);
  const action = params.get('Action') ?? '';
  if (req.path === '/oauth' && action === 'logout') return logout(req, state, { partition: route.partition }, params);
  // The console's own requests (switch-role.ts, iam-signin.ts).
  if (req.path === '/switchrole') return handleClassicSwitch(req, state, route);
  if (isSessionsPath(req.path)) return handleSessionsPath(req, state, route);
  if (req.path === '/signin' || req.path === '/console' || req.path === '/console/') return handleIamSignin(req, state, route);
  if (req.path !== '/federation' && req.path !== '/federation/') {
    return htmlReply(404, page('Not Found', '<h1>Not Found</h1>'));
  }
  if (action === 'getSigninToken') return getSigninToken(state, route.partition, params);
  if (action === 'login') return login(req, state, route.partition, params);
  return bad(action, `unknown Action '${action}'`);
}

function bad(action: string, reason: string, accessKeyId?: string): SandboxReply {
  const log = { action, error: reason, ...(accessKeyId !== undefined ? { accessKeyId } : {}) };
  return { ...htmlReply(400, federationErrorPage(reason)), log };
}

function getSigninToken(state: SandboxState, partition: Partition, params: URLSearchParams): SandboxReply {
  const action = 'getSigninToken';
  if (state.failSigninToken > 0) {
    state.failSigninToken -= 1;
    return { ...htmlReply(503, federationErrorPage('Service Unavailable')), log: { action, error: 'failSigninToken' } };
  }
  const sessionText = params.get('Session');
  if (sessionText === null) return bad(action, 'missing Session');
  let session: unknown;
  try {
    session = JSON.parse(sessionText);
  } catch {
    return bad(action, 'Session is not JSON');
  }
  const { sessionId, sessionKey, sessionToken } = (session ?? {}) as Record<string, unknown>;
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') {
    return bad(action, 'Session needs sessionId, sessionKey and sessionToken');
  }
  const creds = state.credentials.get(sessionId);
  if (!creds || creds.secretAccessKey !== sessionKey || creds.sessionToken !== sessionToken) {
    return bad(action, 'credentials not recognised');
  }
  const keyId = creds.accessKeyId;
  const now = state.now();
  if (creds.expiresAt <= now) return bad(action, 'credentials expired', keyId);
  if (creds.partition !== partition) return bad(action, `credentials are of partition ${creds.partition}`, keyId);
  // The console takes role (or federation-token) credentials; GetSessionToken sessions cannot sign in.
  if (creds.kind !== 'role' || !creds.roleArn || !creds.assumedRoleArn) {
    return bad(action, 'credentials are not role credentials', keyId);
  }

  let sessionDuration: number | undefined;
  const durationText = params.get('SessionDuration');
  if (durationText !== null) {
    // "If you use role chaining … or temporary credentials that were obtained from GetFederationToken …
    // you can't use SessionDuration" (the page above). AWS answers 400 with an HTML body. Identity Center role
    // credentials are temporary base credentials too.
    if (creds.chained || creds.fromSso || state.refuseSessionDuration) {
      return bad(action, 'SessionDuration is not allowed for chained role credentials', keyId);
    }
    if (!/^\d+$/.test(durationText) || Number(durationText) < 900 || Number(durationText) > 43200) {
      return bad(action, 'SessionDuration must be 900 to 43200', keyId);
    }
    sessionDuration = Number(durationText);
  }

  const record: SigninTokenRecord = {
    token: signinToken(),
    partition,
    accessKeyId: creds.accessKeyId,
    account: creds.account,
    roleArn: creds.roleArn,
    assumedRoleArn: creds.assumedRoleArn,
    issuedAt: now,
    expiresAt: now + SIGNIN_TOKEN_TTL_MS,
    // Without SessionDuration the console session lasts as long as the credentials do.
    consoleExpiresAt: sessionDuration === undefined ? creds.expiresAt : now + sessionDuration * 1000,
    ...(sessionDuration !== undefined ? { sessionDuration } : {}),
    uses: 0,
  };
  state.signinTokens.set(record.token, record);
  return { ...jsonReply(200, { SigninToken: record.token }), log: { action, accessKeyId: keyId } };
}

function login(req: SandboxRequest, state: SandboxState, partition: Partition, params: URLSearchParams): SandboxReply {
  const action = 'login';
  // Fault knob: AWS documents the login only as a link (GET); this is what refusing a POSTed one could look like.
  // An error page on the sign-in host, the token not spent.
  if (state.refusePostLogin && req.method === 'POST') return bad(action, 'login by POST is not accepted');
  const record = state.signinTokens.get(params.get('SigninToken') ?? '');
  if (!record) return bad(action, 'unknown SigninToken');
  if (record.expiresAt <= state.now()) return bad(action, 'SigninToken expired');
  if (record.partition !== partition) return bad(action, `SigninToken is of partition ${record.partition}`);

  // Destination must be a console page of the same partition: never an arbitrary site.
  const destination = params.get('Destination') ?? '';
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return bad(action, 'Destination is not an absolute URL');
  }
  if (url.protocol !== 'https:' || url.username || url.password || !isConsoleHost(url.hostname, partition)) {
    return bad(action, 'Destination is not a console URL of this partition');
  }

  const issuer = params.get('Issuer');
  const mfa = state.credentials.get(record.accessKeyId)?.mfa ?? false;
  const outcome = loginToConsole(state, req, { ...record, mfa }, {
    destination,
    ...(issuer !== null ? { issuer } : {}),
  });
  if (outcome.kind === 'limit') {
    // The console answers with a page, not an error status; no session ends and the token is not spent.
    const body = sessionLimitPage(state, outcome.sessions, record.assumedRoleArn, regionOf(url, partition));
    return { ...htmlReply(200, body), log: { action, accessKeyId: record.accessKeyId, error: 'session limit' } };
  }
  record.uses++;
  const session = outcome.session;
  return {
    status: 302,
    headers: { location: landing(destination, url, session), 'set-cookie': outcome.setCookies, 'cache-control': 'no-store' },
    body: '',
    log: { action, accessKeyId: record.accessKeyId },
  };
}

/** The region a console URL stands for: its host's, else `?region=`, else the partition's default. */
export function regionOf(url: URL, partition: Partition): string {
  const route = classifyHost(url.hostname.toLowerCase());
  if (route.kind === 'console' && route.region) return route.region;
  const asked = url.searchParams.get('region');
  if (asked && partitionOfRegion(asked) === partition) return asked;
  return PARTITION_INFO[partition].defaultRegion;
}

/**
 * Where the login sends the browser. Multi-session: the Destination's path, query and fragment on the session's
 * own subdomain (`https://<account>-<id>.<region>.console…`). Single-session: the Destination as given, except
 * that a multi-session subdomain (no longer this browser's) becomes its plain regional host.
 */
export function landing(given: string, destination: URL, session: ConsoleSession): string {
  const rest = `${destination.pathname}${destination.search}${destination.hash}`;
  const region = regionOf(destination, session.partition);
  if (session.multiSession) return `${sessionOrigin(session, region)}${rest}`;
  const route = classifyHost(destination.hostname.toLowerCase());
  if (route.kind === 'console' && route.sessionSubdomain !== undefined) {
    return `https://${region}.${PARTITION_INFO[session.partition].consoleHost}${rest}`;
  }
  return given;
}
