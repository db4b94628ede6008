/**
 * The AWS access portal API, `portal.sso.<region>.amazonaws.com` (`.amazonaws.com.cn` in China): REST-JSON with
 * the OIDC access token in the `x-amz-sso_bearer_token` header.
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/Welcome.html
 */
import { header, type SandboxReply, type SandboxRequest } from './http.js';
import { textReply } from './http.js';
import { portalErrors, SsoError, ssoErrorReply, ssoJsonReply } from './sso-errors.js';
import { assignedAccounts, assignedRoles, findDirectory, findSsoUser } from './sso-lookup.js';
import { takeRateToken } from './sso-rate-limit.js';
import { ssoRoleCredentials } from './sso-role-credentials.js';
import type { SsoDirectory, SsoUser } from './sso-seed.js';
import type { AccessTokenRecord } from './sso-state.js';
import type { SandboxState } from './state.js';

export const BEARER_HEADER = 'x-amz-sso_bearer_token';
/** ListAccounts / ListAccountRoles: AWS documents max_result 1..100; the default page size is the sandbox's choice. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PortalRoute {
  region: string;
}

interface Caller {
  token: AccessTokenRecord;
  directory: SsoDirectory;
  user: SsoUser;
}

type Operation = (state: SandboxState, caller: Caller, q: URLSearchParams) => { body: unknown; accessKeyId?: string };

const OPERATIONS: Readonly<Record<string, { name: string; method: string; run: Operation }>> = {
  '/federation/credentials': { name: 'GetRoleCredentials', method: 'GET', run: getRoleCredentials },
  '/assignment/accounts': { name: 'ListAccounts', method: 'GET', run: listAccounts },
  '/assignment/roles': { name: 'ListAccountRoles', method: 'GET', run: listAccountRoles },
  '/logout': { name: 'Logout', method: 'POST', run: logout },
};

export function handlePortal(req: SandboxRequest, state: SandboxState, route: PortalRoute): SandboxReply {
  const op = Object.hasOwn(OPERATIONS, req.path) ? OPERATIONS[req.path] : undefined;
  if (!op || op.method !== req.method) return { ...textReply(404, 'Not Found'), log: { error: 'no such operation' } };
  try {
    const caller = authenticate(req, state, route);
    const { body, accessKeyId } = op.run(state, caller, req.query);
    if (op.name === 'Logout') return { status: 200, headers: {}, body: '', log: { action: op.name } };
    return ssoJsonReply(body, op.name, accessKeyId !== undefined ? { accessKeyId } : {});
  } catch (error) {
    if (error instanceof SsoError) return ssoErrorReply(error, op.name);
    throw error;
  }
}

function authenticate(req: SandboxRequest, state: SandboxState, route: PortalRoute): Caller {
  const text = header(req, BEARER_HEADER) ?? '';
  // The rate limit is counted per token before the token is checked, as a front end would.
  if (!takeRateToken(state.sso, text, state.now())) throw portalErrors.tooManyRequests();
  const token = state.sso.accessTokens.get(text);
  // A token is good in its own region only.
  if (!token || token.revoked || token.expiresAt <= state.now() || token.region !== route.region) throw portalErrors.unauthorized();
  const directory = findDirectory(state.seed, token.directoryId);
  const user = directory && findSsoUser(directory, token.username);
  if (!directory || !user) throw portalErrors.unauthorized();
  return { token, directory, user };
}

function getRoleCredentials(state: SandboxState, caller: Caller, q: URLSearchParams): { body: unknown; accessKeyId: string } {
  const roleName = q.get('role_name');
  const accountId = q.get('account_id');
  if (!roleName || !accountId) throw portalErrors.invalidRequest('role_name and account_id are required');
  if (!assignedRoles(caller.user, accountId).includes(roleName)) throw portalErrors.forbidden();
  const creds = ssoRoleCredentials(state, caller.directory, caller.user, accountId, roleName);
  return {
    body: {
      roleCredentials: {
        accessKeyId: creds.accessKeyId,
        secretAccessKey: creds.secretAccessKey,
        sessionToken: creds.sessionToken,
        // Epoch milliseconds (unlike STS's ISO dates).
        expiration: creds.expiresAt,
      },
    },
    accessKeyId: creds.accessKeyId,
  };
}

function listAccounts(_state: SandboxState, caller: Caller, q: URLSearchParams): { body: unknown } {
  const accounts = assignedAccounts(caller.directory, caller.user);
  const { items, nextToken } = page(accounts, q, 'accounts');
  return {
    body: {
      accountList: items.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: a.emailAddress })),
      ...(nextToken !== undefined ? { nextToken } : {}),
    },
  };
}

function listAccountRoles(_state: SandboxState, caller: Caller, q: URLSearchParams): { body: unknown } {
  const accountId = q.get('account_id');
  if (!accountId) throw portalErrors.invalidRequest('account_id is required');
  const roles = assignedRoles(caller.user, accountId);
  // An account the person is not assigned is not there for them.
  if (roles.length === 0) throw portalErrors.resourceNotFound('Account not found');
  const { items, nextToken } = page(roles, q, `roles/${accountId}`);
  return {
    body: {
      roleList: items.map((roleName) => ({ roleName, accountId })),
      ...(nextToken !== undefined ? { nextToken } : {}),
    },
  };
}

/** Logout ends the access token and, when it came from a sign-in on the verification page, that sign-in. */
function logout(state: SandboxState, caller: Caller): { body: unknown } {
  caller.token.revoked = true;
  const sessionId = caller.token.portalSessionId;
  const session = sessionId === undefined ? undefined : state.sso.portalSessions.get(sessionId);
  if (session) session.ended = true;
  return { body: undefined };
}

/**
 * One page of a list. The next token is opaque to clients: here base64url of `<list>:<offset>`, checked to belong
 * to the same list so a token from another call is refused.
 */
function page<T>(all: T[], q: URLSearchParams, list: string): { items: T[]; nextToken?: string } {
  const sizeText = q.get('max_result');
  let size = DEFAULT_PAGE_SIZE;
  if (sizeText !== null) {
    if (!/^\d+$/.test(sizeText) || Number(sizeText) < 1) throw portalErrors.invalidRequest('max_result must be at least 1');
    size = Math.min(Number(sizeText), MAX_PAGE_SIZE);
  }
  let offset = 0;
  const tokenText = q.get('next_token');
  if (tokenText !== null && tokenText !== '') {
    const m = /^(.*):(\d+)$/.exec(Buffer.from(tokenText, 'base64url').toString('utf8'));
    if (!m || m[1] !== list || Number(m[2]) > all.length) throw portalErrors.invalidRequest('Invalid next token');
    offset = Number(m[2]);
  }
  const end = offset + size;
  return {
    items: all.slice(offset, end),
    ...(end < all.length ? { nextToken: Buffer.from(`${list}:${end}`).toString('base64url') } : {}),
  };
}
