/**
 * IAM Identity Center's OIDC service (`oidc.<region>.amazonaws.com`) through the AWS SDK: client registration,
 * the device authorization grant, and tokens (device code, refresh token, authorization code with PKCE).
 * These calls are unsigned (no SigV4): the SDK sends them without credentials.
 * API: https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html
 */
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { AWS_REQUEST } from './request-options';

function client(region: string): SSOOIDCClient {
  return new SSOOIDCClient({ region, maxAttempts: 3, requestHandler: { ...AWS_REQUEST } });
}

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Epoch milliseconds (AWS answers in seconds). */
  expiresAt: number;
}

export interface RegisterInput {
  clientName: string;
  scopes: string[];
  /** For the authorization-code grant: `authorization_code` and `refresh_token`, with its redirect URI and issuer. */
  grantTypes?: string[];
  redirectUris?: string[];
  issuerUrl?: string;
}

export async function registerClient(region: string, input: RegisterInput, abortSignal: AbortSignal): Promise<ClientRegistration> {
  const answer = await client(region).send(new RegisterClientCommand({ clientType: 'public', ...input }), { abortSignal });
  if (!answer.clientId || !answer.clientSecret || answer.clientSecretExpiresAt === undefined) {
    throw new Error('IAM Identity Center answered RegisterClient without a client.');
  }
  return { clientId: answer.clientId, clientSecret: answer.clientSecret, expiresAt: answer.clientSecretExpiresAt * 1000 };
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Seconds the codes stay valid. */
  expiresIn: number;
  /** Seconds between polls; AWS may leave it out (then 5, as RFC 8628 says). */
  interval: number;
}

export async function startDeviceAuthorization(
  region: string, registration: ClientRegistration, startUrl: string, abortSignal: AbortSignal,
): Promise<DeviceAuthorization> {
  const answer = await client(region).send(new StartDeviceAuthorizationCommand({
    clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl,
  }), { abortSignal });
  if (!answer.deviceCode || !answer.userCode || !answer.verificationUri) {
    throw new Error('IAM Identity Center answered StartDeviceAuthorization without a code.');
  }
  return {
    deviceCode: answer.deviceCode,
    userCode: answer.userCode,
    verificationUri: answer.verificationUri,
    ...(answer.verificationUriComplete !== undefined && { verificationUriComplete: answer.verificationUriComplete }),
    expiresIn: answer.expiresIn ?? 600,
    interval: answer.interval && answer.interval > 0 ? answer.interval : 5,
  };
}

export interface TokenAnswer {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
}

export type TokenGrant =
  | { grantType: 'urn:ietf:params:oauth:grant-type:device_code'; deviceCode: string }
  | { grantType: 'refresh_token'; refreshToken: string }
  | { grantType: 'authorization_code'; code: string; codeVerifier: string; redirectUri: string };

export async function createToken(
  region: string, registration: ClientRegistration, grant: TokenGrant, abortSignal: AbortSignal,
): Promise<TokenAnswer> {
  const answer = await client(region).send(new CreateTokenCommand({
    clientId: registration.clientId, clientSecret: registration.clientSecret, ...grant,
  }), { abortSignal });
  if (!answer.accessToken) throw new Error('IAM Identity Center answered CreateToken without a token.');
  return {
    accessToken: answer.accessToken,
    expiresAt: Date.now() + (answer.expiresIn ?? 3600) * 1000,
    ...(answer.refreshToken !== undefined && { refreshToken: answer.refreshToken }),
  };
}
