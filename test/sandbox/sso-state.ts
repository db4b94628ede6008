/**
 * IAM Identity Center's part of the sandbox state (`state.sso`): its knobs, and what it registered and issued.
 * Records are keyed by their secret text (client id, device code, token) because that is what requests carry;
 * tests may read them, the request log never shows them.
 */
import type { Partition } from './seed.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const REFRESH_GRANT = 'refresh_token';
export const CODE_GRANT = 'authorization_code';
export type GrantType = typeof DEVICE_GRANT | typeof REFRESH_GRANT | typeof CODE_GRANT;

/** A RegisterClient answer. */
export interface SsoClientRecord {
  clientId: string;
  clientSecret: string;
  clientName: string;
  /** The OIDC region it was registered in: it is valid there only. */
  region: string;
  scopes: string[];
  /** As registered; empty when the client gave none (the legacy device-flow registration). */
  grantTypes: string[];
  redirectUris: string[];
  issuerUrl?: string;
  /** Sandbox-clock ms. */
  issuedAt: number;
  secretExpiresAt: number;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'redeemed';

/** A StartDeviceAuthorization, and what became of it. */
export interface DeviceAuthorization {
  deviceCode: string;
  /** `ABCD-EFGH`. */
  userCode: string;
  clientId: string;
  directoryId: string;
  region: string;
  status: DeviceStatus;
  /** Who approved or denied it. */
  username?: string;
  /** The verification page's sign-in that approved it, ended by the portal's Logout. */
  portalSessionId?: string;
  /** Sandbox-clock ms. */
  createdAt: number;
  expiresAt: number;
  intervalSeconds: number;
  /** The last CreateToken poll (sandbox-clock ms), for SlowDownException. */
  lastPolledAt?: number;
  polls: number;
}

/** A GET /authorize (authorization code with PKCE) waiting for the person, then its code. */
export interface AuthorizationRequest {
  id: string;
  clientId: string;
  directoryId: string;
  region: string;
  /** Exactly as sent to /authorize: CreateToken must send the same string. */
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  status: 'pending' | 'approved' | 'denied';
  /** Set on approval; single use. */
  code?: string;
  codeUsed: boolean;
  username?: string;
  portalSessionId?: string;
}

export interface AccessTokenRecord {
  accessToken: string;
  clientId: string;
  directoryId: string;
  username: string;
  region: string;
  partition: Partition;
  grantType: GrantType;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  portalSessionId?: string;
}

export interface RefreshTokenRecord {
  refreshToken: string;
  clientId: string;
  directoryId: string;
  username: string;
  region: string;
  scopes: string[];
  issuedAt: number;
  /** Revoked by a test, by rotation (a refresh answers a new refresh token), or never. */
  revoked: boolean;
  portalSessionId?: string;
}

/** A person signed in on the verification page (cookie `aws-sandbox-sso-<directory id>`). */
export interface PortalSession {
  id: string;
  directoryId: string;
  username: string;
  createdAt: number;
  expiresAt: number;
  ended: boolean;
}

export interface PortalRateLimit {
  /** Tokens added per second to each access token's bucket. */
  perSecond: number;
  /** Bucket size: requests allowed at once. */
  burst: number;
}

export interface SsoState {
  // Knobs (reset to these defaults by resetFaults).
  /** StartDeviceAuthorization's `interval` (AWS: 1 s too; kept small so tests are fast). */
  deviceIntervalSeconds: number;
  /** StartDeviceAuthorization's `expiresIn` (AWS: 600). */
  deviceLifetimeSeconds: number;
  /** CreateToken's `expiresIn` for access tokens (default 8 h). */
  accessTokenLifetimeSeconds: number;
  /** Role credential lifetime; undefined: the permission set's session duration (default 1 h). */
  roleCredentialLifetimeSeconds: number | undefined;
  /** The next N device-code CreateToken polls answer SlowDownException, however slow they are. */
  forceSlowDown: number;
  /** Portal API rate limit per access token; undefined: none. Exceeding it answers 429 TooManyRequestsException. */
  portalRateLimit: PortalRateLimit | undefined;
  /** RegisterClient refuses redirect URIs other than http loopback ones (InvalidRedirectUriException). */
  loopbackRedirectsOnly: boolean;
  /** How long the verification page's sign-in lasts (default 8 h): within it, Allow needs no password. */
  portalSessionLifetimeSeconds: number;

  // Records.
  clients: Map<string, SsoClientRecord>;
  /** Keyed by device code. */
  deviceAuthorizations: Map<string, DeviceAuthorization>;
  /** Keyed by request id. */
  authorizationRequests: Map<string, AuthorizationRequest>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  portalSessions: Map<string, PortalSession>;
  /** Token buckets of the portal rate limit, keyed by access token. */
  rateBuckets: Map<string, { tokens: number; at: number }>;
}

const DEFAULTS = {
  deviceIntervalSeconds: 1,
  deviceLifetimeSeconds: 600,
  accessTokenLifetimeSeconds: 8 * 3600,
  roleCredentialLifetimeSeconds: undefined,
  forceSlowDown: 0,
  portalRateLimit: undefined,
  loopbackRedirectsOnly: false,
  portalSessionLifetimeSeconds: 8 * 3600,
} as const satisfies Partial<SsoState>;

export function createSsoState(): SsoState {
  return {
    ...DEFAULTS,
    clients: new Map(),
    deviceAuthorizations: new Map(),
    authorizationRequests: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    portalSessions: new Map(),
    rateBuckets: new Map(),
  };
}

/** Knobs back to their defaults; records stay. */
export function resetSsoKnobs(sso: SsoState): void {
  Object.assign(sso, DEFAULTS);
  sso.rateBuckets.clear();
}

/** Revokes every refresh token, or those given: their next use answers InvalidGrantException. */
export function revokeRefreshTokens(sso: SsoState, tokens?: Iterable<string>): void {
  const chosen = tokens === undefined ? undefined : new Set(tokens);
  for (const record of sso.refreshTokens.values()) {
    if (!chosen || chosen.has(record.refreshToken)) record.revoked = true;
  }
}

/** Every access token issued so far expires now (the portal answers UnauthorizedException). */
export function expireAccessTokens(sso: SsoState, now: number): void {
  for (const record of sso.accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
}
