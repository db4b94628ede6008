/**
 * OIDC StartDeviceAuthorization (RFC 8628 device flow, first step).
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_StartDeviceAuthorization.html
 */
import { authenticateClient, type OidcRoute } from './oidc-clients.js';
import { oidcErrors } from './sso-errors.js';
import { deviceHost } from './sso-hosts.js';
import { deviceCode, userCode } from './sso-ids.js';
import { findDirectoryByStartUrl } from './sso-lookup.js';
import type { DeviceAuthorization } from './sso-state.js';
import type { SandboxState } from './state.js';

export function startDeviceAuthorization(state: SandboxState, route: OidcRoute, input: Record<string, unknown>): object {
  const client = authenticateClient(state, route, input['clientId'], input['clientSecret']);
  const startUrl = input['startUrl'];
  if (typeof startUrl !== 'string' || startUrl === '') throw oidcErrors.invalidRequest('startUrl is required');
  const directory = findDirectoryByStartUrl(state.seed, startUrl);
  if (!directory) throw oidcErrors.invalidRequest('Invalid start URL');
  // An Identity Center instance answers in its own region only.
  if (directory.region !== route.region) {
    throw oidcErrors.invalidRequest(`The start URL belongs to an IAM Identity Center instance in ${directory.region}`);
  }

  const now = state.now();
  let code = userCode();
  while ([...state.sso.deviceAuthorizations.values()].some((d) => d.userCode === code)) code = userCode();
  const device: DeviceAuthorization = {
    deviceCode: deviceCode(),
    userCode: code,
    clientId: client.clientId,
    directoryId: directory.id,
    region: route.region,
    status: 'pending',
    createdAt: now,
    expiresAt: now + state.sso.deviceLifetimeSeconds * 1000,
    intervalSeconds: state.sso.deviceIntervalSeconds,
    polls: 0,
  };
  state.sso.deviceAuthorizations.set(device.deviceCode, device);
  const page = `https://${deviceHost(route.region)}/`;
  return {
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri: page,
    verificationUriComplete: `${page}?user_code=${device.userCode}`,
    expiresIn: state.sso.deviceLifetimeSeconds,
    interval: device.intervalSeconds,
  };
}
