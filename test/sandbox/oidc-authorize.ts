/**
 * The OIDC authorization endpoint for the authorization-code grant with PKCE (RFC 7636, S256 only):
 * `GET https://oidc.<region>.amazonaws.com/authorize?response_type=code&client_id=…&redirect_uri=…&state=…
 * &code_challenge=…&code_challenge_method=S256&scopes=…`. A valid request is sent (302) to the approval page on
 * the device host, where the person signs in and allows or denies; that page then redirects to `redirect_uri`.
 * Requests whose client or redirect URI is wrong get an HTML 400 and are never redirected (RFC 6749 §4.1.2.1).
 */
import { redirectUriAllowed, type OidcRoute } from './oidc-clients.js';
import { escapeHtml, page } from './html.js';
import { htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { deviceHost } from './sso-hosts.js';
import { opaqueId } from './sso-ids.js';
import { directories, findDirectoryByStartUrl } from './sso-lookup.js';
import type { AuthorizationRequest } from './sso-state.js';
import type { SandboxState } from './state.js';

/** How long the person has to answer, and the code to be redeemed. */
export const AUTHORIZATION_LIFETIME_MS = 10 * 60 * 1000;

export function authorize(req: SandboxRequest, state: SandboxState, route: OidcRoute): SandboxReply {
  const q = req.query;
  const client = state.sso.clients.get(q.get('client_id') ?? '');
  if (!client || client.region !== route.region) return bad('invalid_client', 'Unknown client_id.');
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!redirectUriAllowed(client, redirectUri)) return bad('invalid_redirect_uri', 'redirect_uri is not registered for this client.');

  const oauthState = q.get('state');
  const back = (error: string): SandboxReply => redirect(errorRedirect(redirectUri, error, oauthState), error);
  if (q.get('response_type') !== 'code') return back('unsupported_response_type');
  if (!client.grantTypes.includes('authorization_code')) return back('unauthorized_client');
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return back('invalid_request');
  // AWS's clients send the scopes comma- or space-separated.
  const scopes = (q.get('scopes') ?? '').split(/[\s,]+/).filter((s) => s !== '');
  if (scopes.some((s) => !client.scopes.includes(s))) return back('invalid_scope');

  // The directory: the client's issuerUrl (its start URL), else the only one in this region.
  const inRegion = directories(state.seed).filter((d) => d.region === route.region);
  const directory = client.issuerUrl !== undefined ? findDirectoryByStartUrl(state.seed, client.issuerUrl) : inRegion.length === 1 ? inRegion[0] : undefined;
  if (!directory || directory.region !== route.region) {
    return bad('invalid_request', 'No IAM Identity Center instance for this client in this region (register with issuerUrl = the start URL).');
  }

  const now = state.now();
  const request: AuthorizationRequest = {
    id: opaqueId(),
    clientId: client.clientId,
    directoryId: directory.id,
    region: route.region,
    redirectUri,
    ...(oauthState !== null ? { state: oauthState } : {}),
    codeChallenge: challenge,
    scopes: scopes.length > 0 ? scopes : client.scopes,
    createdAt: now,
    expiresAt: now + AUTHORIZATION_LIFETIME_MS,
    status: 'pending',
    codeUsed: false,
  };
  state.sso.authorizationRequests.set(request.id, request);
  return redirect(`https://${deviceHost(route.region)}/authorize?request=${encodeURIComponent(request.id)}`);
}

/** `redirect_uri?error=…&state=…`, keeping any query the redirect URI already has. */
export function errorRedirect(redirectUri: string, error: string, oauthState: string | null | undefined): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  if (oauthState !== null && oauthState !== undefined) url.searchParams.set('state', oauthState);
  return url.toString();
}

function redirect(location: string, error?: string): SandboxReply {
  return {
    status: 302,
    headers: { location, 'cache-control': 'no-store' },
    body: '',
    log: { action: 'Authorize', ...(error !== undefined ? { error } : {}) },
  };
}

function bad(error: string, description: string): SandboxReply {
  const body = page('Bad Request', `<h1>Bad Request</h1>\n<p data-testid="oidc-error" data-error="${error}">${escapeHtml(description)}</p>`);
  return { ...htmlReply(400, body), log: { action: 'Authorize', error } };
}
