/**
 * The IAM Identity Center OIDC endpoint, `oidc.<region>.amazonaws.com` (`.amazonaws.com.cn` in China), in the
 * REST-JSON shape the SDK speaks: POST /client/register, /device_authorization, /token with a JSON body; and
 * GET /authorize for the authorization-code grant. These calls are unsigned (the SDK's noAuth scheme).
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html
 */
import { authorize } from './oidc-authorize.js';
import { registerClient, type OidcRoute } from './oidc-clients.js';
import { startDeviceAuthorization } from './oidc-device.js';
import { createToken } from './oidc-token.js';
import { textReply, type SandboxReply, type SandboxRequest } from './http.js';
import { oidcErrors, SsoError, ssoErrorReply, ssoJsonReply } from './sso-errors.js';
import type { SandboxState } from './state.js';

type Operation = (state: SandboxState, route: OidcRoute, input: Record<string, unknown>) => object;

const OPERATIONS: Readonly<Record<string, { name: string; run: Operation }>> = {
  '/client/register': { name: 'RegisterClient', run: registerClient },
  '/device_authorization': { name: 'StartDeviceAuthorization', run: startDeviceAuthorization },
  '/token': { name: 'CreateToken', run: createToken },
};

export function handleOidc(req: SandboxRequest, state: SandboxState, route: OidcRoute): SandboxReply {
  if (req.method === 'GET' && req.path === '/authorize') return authorize(req, state, route);
  const op = req.method === 'POST' && Object.hasOwn(OPERATIONS, req.path) ? OPERATIONS[req.path] : undefined;
  if (!op) return { ...textReply(404, 'Not Found'), log: { error: 'no such operation' } };
  // CreateTokenWithIAM (`/token?aws_iam=t`, SigV4-signed) is for AWS-side applications; not served here.
  const name = op.name === 'CreateToken' && req.query.has('aws_iam') ? 'CreateTokenWithIAM' : op.name;
  // The log names the grant of a CreateToken (`CreateToken:refresh_token`): tests count refreshes. Not a secret.
  let logged = name;
  try {
    if (name === 'CreateTokenWithIAM') throw oidcErrors.invalidRequest('CreateTokenWithIAM is not served by the sandbox');
    const input = jsonBody(req);
    if (name === 'CreateToken' && typeof input['grantType'] === 'string') logged = `CreateToken:${input['grantType']}`;
    return ssoJsonReply(op.run(state, route, input), logged);
  } catch (error) {
    if (error instanceof SsoError) return ssoErrorReply(error, logged);
    throw error;
  }
}

function jsonBody(req: SandboxRequest): Record<string, unknown> {
  if (req.body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(req.body);
  } catch {
    throw oidcErrors.invalidRequest('The request body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw oidcErrors.invalidRequest('The request body is not a JSON object');
  return value as Record<string, unknown>;
}
