/**
 * OIDC RegisterClient, and checking a client's id and secret on later calls.
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_RegisterClient.html
 */
import { oidcErrors } from './sso-errors.js';
import { clientId, clientSecret } from './sso-ids.js';
import { CODE_GRANT, DEVICE_GRANT, REFRESH_GRANT, type SsoClientRecord } from './sso-state.js';
import type { SandboxState } from './state.js';

/** "The client secret is valid for 90 days" (RegisterClient's clientSecretExpiresAt). */
export const CLIENT_SECRET_LIFETIME_SECONDS = 90 * 24 * 3600;

const KNOWN_GRANTS = new Set<string>([DEVICE_GRANT, REFRESH_GRANT, CODE_GRANT]);
const SCOPE = /^[\w:.*-]{1,256}$/;

export interface OidcRoute {
  region: string;
}

export function registerClient(state: SandboxState, route: OidcRoute, input: Record<string, unknown>): object {
  const clientName = input['clientName'];
  const clientType = input['clientType'];
  if (typeof clientName !== 'string' || clientName === '') throw oidcErrors.invalidRequest('clientName is required');
  if (clientType !== 'public') throw oidcErrors.invalidClientMetadata('Invalid client type');
  const scopes = stringList(input['scopes'], 'scopes');
  const grantTypes = stringList(input['grantTypes'], 'grantTypes');
  const redirectUris = stringList(input['redirectUris'], 'redirectUris');
  const issuerUrl = input['issuerUrl'];
  if (issuerUrl !== undefined && typeof issuerUrl !== 'string') throw oidcErrors.invalidRequest('issuerUrl must be a string');

  for (const scope of scopes) if (!SCOPE.test(scope)) throw oidcErrors.invalidScope(`Invalid scope: ${scope}`);
  for (const grant of grantTypes) if (!KNOWN_GRANTS.has(grant)) throw oidcErrors.invalidClientMetadata(`Invalid grant type: ${grant}`);
  if (grantTypes.includes(CODE_GRANT) && redirectUris.length === 0) {
    throw oidcErrors.invalidRedirectUri('redirectUris are required for the authorization_code grant');
  }
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri, state.sso.loopbackRedirectsOnly);
    if (problem) throw oidcErrors.invalidRedirectUri(`Invalid redirect URI ${uri}: ${problem}`);
  }

  const now = state.now();
  const record: SsoClientRecord = {
    clientId: clientId(),
    clientSecret: clientSecret(),
    clientName,
    region: route.region,
    scopes,
    grantTypes,
    redirectUris,
    ...(typeof issuerUrl === 'string' ? { issuerUrl } : {}),
    issuedAt: now,
    secretExpiresAt: now + CLIENT_SECRET_LIFETIME_SECONDS * 1000,
  };
  state.sso.clients.set(record.clientId, record);
  return {
    clientId: record.clientId,
    clientSecret: record.clientSecret,
    // Epoch seconds, both.
    clientIdIssuedAt: Math.floor(record.issuedAt / 1000),
    clientSecretExpiresAt: Math.floor(record.secretExpiresAt / 1000),
  };
}

function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw oidcErrors.invalidRequest(`${name} must be a list of strings`);
  }
  return value;
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
}

function redirectUriProblem(uri: string, loopbackOnly: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'not an absolute URL';
  }
  if (url.hash) return 'has a fragment';
  if (url.protocol === 'http:') return isLoopback(url) ? undefined : 'http is only allowed for loopback addresses';
  if (url.protocol !== 'https:') return 'scheme must be https, or http for loopback';
  return loopbackOnly ? 'only loopback redirect URIs are accepted' : undefined;
}

/**
 * Is `given` one of the client's redirect URIs? Exact match, except that a registered loopback URI matches the
 * same URI with any port (RFC 8252 §7.3: native apps pick a free port at run time; the AWS CLI registers
 * `http://127.0.0.1/oauth/callback` and then sends `http://127.0.0.1:<port>/oauth/callback`).
 */
export function redirectUriAllowed(client: SsoClientRecord, given: string): boolean {
  if (client.redirectUris.includes(given)) return true;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !isLoopback(url)) return false;
  url.port = '';
  return client.redirectUris.includes(url.toString());
}

/** The client named by a request, checked: unknown, wrong secret, expired secret or another region's answer 401. */
export function authenticateClient(state: SandboxState, route: OidcRoute, id: unknown, secret: unknown): SsoClientRecord {
  const client = typeof id === 'string' ? state.sso.clients.get(id) : undefined;
  if (!client || client.region !== route.region || client.clientSecret !== secret) throw oidcErrors.invalidClient();
  if (client.secretExpiresAt <= state.now()) throw oidcErrors.invalidClient('Client secret has expired');
  return client;
}

/** Refresh tokens go to clients registered with the refresh_token grant or with scopes. */
export function clientGetsRefreshTokens(client: SsoClientRecord): boolean {
  return client.grantTypes.includes(REFRESH_GRANT) || client.scopes.length > 0;
}

/** A client registered without grantTypes (the legacy registration) may use the device flow only. */
export function clientMayUse(client: SsoClientRecord, grantType: string): boolean {
  if (grantType === REFRESH_GRANT) return clientGetsRefreshTokens(client);
  if (client.grantTypes.length === 0) return grantType === DEVICE_GRANT;
  return client.grantTypes.includes(grantType);
}
