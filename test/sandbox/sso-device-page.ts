/**
 * The verification page on `device.sso.<region>.amazonaws.com`: where a person signs in to the directory and
 * allows or denies a device code (`/?user_code=ABCD-EFGH`) or an /authorize request (`/authorize?request=…`).
 *
 * Signing in sets a session cookie `aws-sandbox-sso-<directory id>` (host-only, no Max-Age: never written to
 * disk); while that sign-in lives (`state.sso.portalSessionLifetimeSeconds`, 8 h) Allow asks for no password,
 * as the real portal remembers its sign-in, but the person still chooses Allow or Deny each time.
 */
import { errorRedirect } from './oidc-authorize.js';
import { formParams, htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import {
  ApprovalError,
  approveAuthorization,
  approveDevice,
  denyAuthorization,
  denyDevice,
  livePortalSession,
  pendingAuthorization,
  pendingDevice,
  signIn,
} from './sso-approval.js';
import { findDirectory, findSsoUser } from './sso-lookup.js';
import { approvalPage, codeEntryPage, requestErrorPage, resultPage } from './sso-pages.js';
import type { PortalSession } from './sso-state.js';
import type { SandboxState } from './state.js';

export const PORTAL_COOKIE_PREFIX = 'aws-sandbox-sso-';

export function handleDevicePage(req: SandboxRequest, state: SandboxState): SandboxReply {
  try {
    if (req.path === '/' && req.method === 'GET') return showDevice(req, state);
    if (req.path === '/' && req.method === 'POST') return answerDevice(req, state);
    if (req.path === '/authorize' && req.method === 'GET') return showAuthorization(req, state);
    if (req.path === '/authorize' && req.method === 'POST') return answerAuthorization(req, state);
    return { ...htmlReply(404, requestErrorPage('Not found.')), log: { error: 'not found' } };
  } catch (error) {
    if (!(error instanceof ApprovalError)) throw error;
    return { ...htmlReply(400, requestErrorPage(error.message)), log: { action: 'Verify', error: error.message } };
  }
}

function showDevice(req: SandboxRequest, state: SandboxState): SandboxReply {
  const code = req.query.get('user_code');
  if (code === null || code.trim() === '') return { ...htmlReply(200, codeEntryPage()), log: { action: 'Verify' } };
  let device;
  try {
    device = pendingDevice(state, code);
  } catch (error) {
    if (!(error instanceof ApprovalError)) throw error;
    return { ...htmlReply(400, codeEntryPage(error.message)), log: { action: 'Verify', error: error.message } };
  }
  return { ...htmlReply(200, devicePage(req, state, device.directoryId, device.clientId, device.userCode)), log: { action: 'Verify' } };
}

function answerDevice(req: SandboxRequest, state: SandboxState): SandboxReply {
  const form = formParams(req);
  const device = pendingDevice(state, form.get('user_code') ?? '');
  if (form.get('decision') === 'deny') {
    denyDevice(state, device.userCode, currentSession(req, state, device.directoryId)?.username);
    return { ...htmlReply(200, resultPage(false)), log: { action: 'Deny' } };
  }
  const signed = signedInOrNew(req, state, device.directoryId, form);
  if (!signed) {
    const body = devicePage(req, state, device.directoryId, device.clientId, device.userCode, 'Incorrect username or password.');
    return { ...htmlReply(200, body), log: { action: 'Allow', error: 'sign-in failed' } };
  }
  approveDevice(state, device.userCode, signed.session.username, signed.session.id);
  return { ...htmlReply(200, resultPage(true), cookieHeader(signed)), log: { action: 'Allow' } };
}

function showAuthorization(req: SandboxRequest, state: SandboxState): SandboxReply {
  const request = pendingAuthorization(state, req.query.get('request') ?? '');
  return { ...htmlReply(200, authorizationPage(req, state, request.id)), log: { action: 'Verify' } };
}

function answerAuthorization(req: SandboxRequest, state: SandboxState): SandboxReply {
  const form = formParams(req);
  const request = pendingAuthorization(state, form.get('request') ?? '');
  if (form.get('decision') === 'deny') {
    denyAuthorization(state, request.id);
    return redirect(errorRedirect(request.redirectUri, 'access_denied', request.state), 'Deny');
  }
  const signed = signedInOrNew(req, state, request.directoryId, form);
  if (!signed) {
    const body = authorizationPage(req, state, request.id, 'Incorrect username or password.');
    return { ...htmlReply(200, body), log: { action: 'Allow', error: 'sign-in failed' } };
  }
  const approved = approveAuthorization(state, request.id, signed.session.username, signed.session.id);
  const url = new URL(approved.redirectUri);
  url.searchParams.set('code', approved.code ?? '');
  if (approved.state !== undefined) url.searchParams.set('state', approved.state);
  return redirect(url.toString(), 'Allow', cookieHeader(signed));
}

// ---- pages ----

function devicePage(req: SandboxRequest, state: SandboxState, directoryId: string, clientId: string, userCode: string, error?: string): string {
  return approvalPage({
    action: '/',
    hidden: { user_code: userCode },
    ...pageFacts(req, state, directoryId, clientId),
    userCode,
    ...(error !== undefined ? { error } : {}),
  });
}

function authorizationPage(req: SandboxRequest, state: SandboxState, id: string, error?: string): string {
  const request = pendingAuthorization(state, id);
  return approvalPage({
    action: '/authorize',
    hidden: { request: id },
    ...pageFacts(req, state, request.directoryId, request.clientId),
    ...(error !== undefined ? { error } : {}),
  });
}

function pageFacts(req: SandboxRequest, state: SandboxState, directoryId: string, clientId: string) {
  const directory = findDirectory(state.seed, directoryId);
  const session = currentSession(req, state, directoryId);
  const user = session && directory ? findSsoUser(directory, session.username) : undefined;
  return {
    directoryName: directory?.name ?? directoryId,
    clientName: state.sso.clients.get(clientId)?.clientName ?? 'An application',
    ...(user ? { signedInAs: { displayName: user.displayName, username: user.username } } : {}),
  };
}

// ---- sign-in ----

function currentSession(req: SandboxRequest, state: SandboxState, directoryId: string): PortalSession | undefined {
  return livePortalSession(state, directoryId, req.cookies.get(`${PORTAL_COOKIE_PREFIX}${directoryId}`));
}

/** The browser's live sign-in to the directory, else a new one from the form's user name and password. */
function signedInOrNew(req: SandboxRequest, state: SandboxState, directoryId: string, form: URLSearchParams): { session: PortalSession; isNew: boolean } | undefined {
  const current = currentSession(req, state, directoryId);
  if (current) return { session: current, isNew: false };
  const session = signIn(state, directoryId, form.get('username') ?? '', form.get('password') ?? '');
  return session ? { session, isNew: true } : undefined;
}

function cookieHeader(signed: { session: PortalSession; isNew: boolean }): Record<string, string> {
  if (!signed.isNew) return {};
  const { directoryId, id } = signed.session;
  return { 'set-cookie': `${PORTAL_COOKIE_PREFIX}${directoryId}=${id}; Path=/; Secure; HttpOnly; SameSite=Lax` };
}

function redirect(location: string, action: string, extra: Record<string, string> = {}): SandboxReply {
  return { status: 302, headers: { location, 'cache-control': 'no-store', ...extra }, body: '', log: { action } };
}
