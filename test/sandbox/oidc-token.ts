/**
 * OIDC CreateToken: the device-code poll (RFC 8628 §3.4-3.5), refresh (with rotation), and the authorization code
 * with PKCE (RFC 7636, S256). https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
 */
import { createHash } from 'node:crypto';
import { authenticateClient, clientGetsRefreshTokens, clientMayUse, type OidcRoute } from './oidc-clients.js';
import { partitionOfRegion } from './partitions.js';
import { oidcErrors } from './sso-errors.js';
import { accessToken, refreshToken } from './sso-ids.js';
import { CODE_GRANT, DEVICE_GRANT, REFRESH_GRANT, type GrantType, type SsoClientRecord } from './sso-state.js';
import type { SandboxState } from './state.js';

/**
 * A poll that arrives this much sooner than `interval` after the previous one still counts as on time: arrival
 * times jitter by the network, and a client that waits exactly `interval` must not be told to slow down.
 */
const POLL_GRACE_MS = 200;
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

interface Grant {
  directoryId: string;
  username: string;
  scopes: string[];
  portalSessionId?: string | undefined;
}

export function createToken(state: SandboxState, route: OidcRoute, input: Record<string, unknown>): object {
  const client = authenticateClient(state, route, input['clientId'], input['clientSecret']);
  const grantType = input['grantType'];
  if (typeof grantType !== 'string' || grantType === '') throw oidcErrors.invalidRequest('grantType is required');
  if (grantType !== DEVICE_GRANT && grantType !== REFRESH_GRANT && grantType !== CODE_GRANT) {
    throw oidcErrors.unsupportedGrantType(grantType);
  }
  if (!clientMayUse(client, grantType)) throw oidcErrors.unauthorizedClient(`Client is not registered for the ${grantType} grant`);

  const asked = input['scope'];
  if (asked !== undefined && (!Array.isArray(asked) || asked.some((s) => typeof s !== 'string' || !client.scopes.includes(s)))) {
    throw oidcErrors.invalidScope('Invalid scope requested');
  }
  const scopeOverride = asked as string[] | undefined;

  const grant =
    grantType === DEVICE_GRANT ? deviceGrant(state, client, input) : grantType === REFRESH_GRANT ? refreshGrant(state, client, input) : codeGrant(state, client, input);
  return issueTokens(state, client, route, grantType, { ...grant, scopes: scopeOverride ?? grant.scopes });
}

function deviceGrant(state: SandboxState, client: SsoClientRecord, input: Record<string, unknown>): Grant {
  const code = input['deviceCode'];
  const device = typeof code === 'string' ? state.sso.deviceAuthorizations.get(code) : undefined;
  if (!device || device.clientId !== client.clientId) throw oidcErrors.invalidGrant('Invalid device code provided');
  if (device.status === 'redeemed') throw oidcErrors.invalidGrant('Device code has already been used');
  const now = state.now();
  if (device.expiresAt <= now) throw oidcErrors.expiredToken();

  const last = device.lastPolledAt;
  device.lastPolledAt = now;
  device.polls++;
  if (state.sso.forceSlowDown > 0) {
    state.sso.forceSlowDown--;
    throw oidcErrors.slowDown();
  }
  if (last !== undefined && now - last < device.intervalSeconds * 1000 - Math.min(POLL_GRACE_MS, device.intervalSeconds * 200)) {
    throw oidcErrors.slowDown();
  }
  if (device.status === 'pending') throw oidcErrors.authorizationPending();
  if (device.status === 'denied') throw oidcErrors.accessDenied();

  device.status = 'redeemed';
  return { directoryId: device.directoryId, username: device.username ?? '', scopes: client.scopes, portalSessionId: device.portalSessionId };
}

function refreshGrant(state: SandboxState, client: SsoClientRecord, input: Record<string, unknown>): Grant {
  const token = input['refreshToken'];
  const record = typeof token === 'string' ? state.sso.refreshTokens.get(token) : undefined;
  if (!record || record.revoked || record.clientId !== client.clientId) throw oidcErrors.invalidGrant('Invalid refresh token provided');
  // Rotation: the answer carries a new refresh token and this one is spent.
  record.revoked = true;
  return { directoryId: record.directoryId, username: record.username, scopes: record.scopes, portalSessionId: record.portalSessionId };
}

function codeGrant(state: SandboxState, client: SsoClientRecord, input: Record<string, unknown>): Grant {
  const code = input['code'];
  const request = typeof code === 'string' && code !== '' ? [...state.sso.authorizationRequests.values()].find((r) => r.code === code) : undefined;
  if (!request || request.clientId !== client.clientId || request.codeUsed) throw oidcErrors.invalidGrant('Invalid authorization code provided');
  if (request.expiresAt <= state.now()) throw oidcErrors.invalidGrant('Authorization code has expired');
  if (input['redirectUri'] !== request.redirectUri) throw oidcErrors.invalidGrant('redirectUri does not match the one sent to /authorize');
  const verifier = input['codeVerifier'];
  if (typeof verifier !== 'string' || !CODE_VERIFIER.test(verifier)) throw oidcErrors.invalidGrant('Invalid code verifier');
  if (createHash('sha256').update(verifier).digest('base64url') !== request.codeChallenge) {
    throw oidcErrors.invalidGrant('Code verifier does not match the code challenge');
  }
  request.codeUsed = true;
  return { directoryId: request.directoryId, username: request.username ?? '', scopes: request.scopes, portalSessionId: request.portalSessionId };
}

function issueTokens(state: SandboxState, client: SsoClientRecord, route: OidcRoute, grantType: GrantType, grant: Grant): object {
  const now = state.now();
  const lifetime = state.sso.accessTokenLifetimeSeconds;
  const session = grant.portalSessionId !== undefined ? { portalSessionId: grant.portalSessionId } : {};
  const access = {
    accessToken: accessToken(),
    clientId: client.clientId,
    directoryId: grant.directoryId,
    username: grant.username,
    region: route.region,
    partition: partitionOfRegion(route.region) ?? 'aws',
    grantType,
    scopes: grant.scopes,
    issuedAt: now,
    expiresAt: now + lifetime * 1000,
    revoked: false,
    ...session,
  };
  state.sso.accessTokens.set(access.accessToken, access);

  let refresh: string | undefined;
  if (clientGetsRefreshTokens(client)) {
    refresh = refreshToken();
    state.sso.refreshTokens.set(refresh, {
      refreshToken: refresh,
      clientId: client.clientId,
      directoryId: grant.directoryId,
      username: grant.username,
      region: route.region,
      scopes: grant.scopes,
      issuedAt: now,
      revoked: false,
      ...session,
    });
  }
  return {
    accessToken: access.accessToken,
    tokenType: 'Bearer',
    expiresIn: lifetime,
    ...(refresh !== undefined ? { refreshToken: refresh } : {}),
  };
}
