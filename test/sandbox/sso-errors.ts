/**
 * Identity Center's error answers, as the SDK (restJson1) reads them: the exception name comes from the
 * `x-amzn-ErrorType` header (AWS appends `:<namespace URI>`, which the SDK strips), the fields from the JSON body.
 * OIDC bodies carry OAuth's `error` / `error_description` (observed: `{"error":"authorization_pending",
 * "error_description":"Authorization is still pending"}` with `AuthorizationPendingException:http://internal.
 * amazon.com/coral/com.amazonaws.sso.oidc/`); the portal's carry `message`. Statuses: the SDK models' httpError.
 */
import { requestId } from './ids.js';
import type { SandboxReply } from './http.js';

const OIDC_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.sso.oidc/';
const PORTAL_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/';

export class SsoError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, string>,
    readonly namespace: string,
  ) {
    super(body['error_description'] ?? body['message'] ?? code);
    this.name = code;
  }
}

// ---- OIDC (oidc.<region>.amazonaws.com) ----

function oidc(status: number, code: string, error: string, description: string, extra: Record<string, string> = {}): SsoError {
  return new SsoError(status, code, { error, error_description: description, ...extra }, OIDC_NAMESPACE);
}

export const oidcErrors = {
  authorizationPending: () => oidc(400, 'AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending'),
  slowDown: () => oidc(400, 'SlowDownException', 'slow_down', 'Client is polling too frequently'),
  expiredToken: () => oidc(400, 'ExpiredTokenException', 'expired_token', 'Device code has expired'),
  accessDenied: () => oidc(400, 'AccessDeniedException', 'access_denied', 'Access denied by the user'),
  invalidGrant: (description = 'Invalid grant provided') => oidc(400, 'InvalidGrantException', 'invalid_grant', description),
  invalidClient: (description = 'Invalid client provided') => oidc(401, 'InvalidClientException', 'invalid_client', description),
  unauthorizedClient: (description: string) => oidc(400, 'UnauthorizedClientException', 'unauthorized_client', description),
  unsupportedGrantType: (grantType: string) =>
    oidc(400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type: ${grantType}`),
  invalidRequest: (description: string) => oidc(400, 'InvalidRequestException', 'invalid_request', description),
  invalidScope: (description: string) => oidc(400, 'InvalidScopeException', 'invalid_scope', description),
  invalidClientMetadata: (description: string) =>
    oidc(400, 'InvalidClientMetadataException', 'invalid_client_metadata', description),
  invalidRedirectUri: (description: string) => oidc(400, 'InvalidRedirectUriException', 'invalid_redirect_uri', description),
};

// ---- portal (portal.sso.<region>.amazonaws.com) ----

function portal(status: number, code: string, message: string): SsoError {
  return new SsoError(status, code, { message }, PORTAL_NAMESPACE);
}

export const portalErrors = {
  /** Unknown, expired, revoked or logged-out access token, or one of another region. */
  unauthorized: () => portal(401, 'UnauthorizedException', 'Session token not found or invalid'),
  /** GetRoleCredentials for a role the person is not assigned: AWS answers 403 ForbiddenException "No access". */
  forbidden: () => portal(403, 'ForbiddenException', 'No access'),
  resourceNotFound: (message: string) => portal(404, 'ResourceNotFoundException', message),
  tooManyRequests: () => portal(429, 'TooManyRequestsException', 'HTTP 429 Unknown Code'),
  invalidRequest: (message: string) => portal(400, 'InvalidRequestException', message),
};

export function ssoErrorReply(error: SsoError, action: string): SandboxReply {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId(),
      'x-amzn-errortype': `${error.code}:${error.namespace}`,
    },
    body: JSON.stringify(error.body),
    log: { action, error: error.code },
  };
}

export function ssoJsonReply(value: unknown, action: string, extraLog: SandboxReply['log'] = {}): SandboxReply {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId() },
    body: JSON.stringify(value),
    log: { action, ...extraLog },
  };
}
