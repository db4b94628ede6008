/**
 * The federation endpoint (`https://signin.aws.amazon.com/federation` and its cn / us-gov / regional twins):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import { clearedSessionCookie, consoleSessionStatus, endConsoleSession, sessionCookie, startConsoleSession } from './console-sessions.js';
import { isConsoleHost } from './hosts.js';
import { federationErrorPage, page } from './html.js';
import { formParams, htmlReply, jsonReply, type SandboxReply, type SandboxRequest } from './http.js';
import { signinToken } from './ids.js';
import type { Partition } from './partitions.js';
import type { SandboxState, SigninTokenRecord } from './state.js';

/** "The sign-in token is valid for 15 minutes after it is issued" (the page above, step 5). */
export const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface SigninRoute {
  partition: Partition;
}

export function handleSignin(req: SandboxRequest, state: SandboxState, route: SigninRoute): SandboxReply {
  const params = formParams(req);
  const action = params.get('Action') ?? '';
  if (req.path === '/oauth' && action === 'logout') return logout(req, state, route.partition, params);
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
    // you can't use SessionDuration" (the page above). AWS answers 400 with an HTML body.
    if (creds.chained) return bad(action, 'SessionDuration is not allowed for chained role credentials', keyId);
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

  record.uses++;
  const issuer = params.get('Issuer');
  const session = startConsoleSession(state, req, record, {
    destination,
    ...(issuer !== null ? { issuer } : {}),
  });
  return {
    status: 302,
    headers: { location: destination, 'set-cookie': sessionCookie(partition, session.id), 'cache-control': 'no-store' },
    body: '',
    log: { action, accessKeyId: record.accessKeyId },
  };
}

/**
 * `https://signin.aws.amazon.com/oauth?Action=logout[&redirect_uri=…]` (the sign-out link of a federated session)
 * and the console's `/logout`: end the session and clear the cookie.
 */
export function logout(
  req: SandboxRequest,
  state: SandboxState,
  partition: Partition,
  params: URLSearchParams,
): SandboxReply {
  const current = consoleSessionStatus(state, req, partition);
  if (current.status !== 'none') endConsoleSession(state, current.session, 'logout');
  const headers = { 'set-cookie': clearedSessionCookie(partition) };
  const redirect = params.get('redirect_uri');
  if (redirect !== null && isSafeRedirect(redirect, partition)) {
    return { status: 302, headers: { ...headers, location: redirect }, body: '', log: { action: 'logout' } };
  }
  const body = page('Signed out', '<h1 data-testid="signed-out">You have signed out</h1>');
  return { ...htmlReply(200, body, headers), log: { action: 'logout' } };
}

function isSafeRedirect(target: string, partition: Partition): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && isConsoleHost(url.hostname, partition);
  } catch {
    return false;
  }
}
