/**
 * Sign-in through the browser: the authorization-code grant with PKCE in the browser's web-auth window, for the
 * start URLs where the person turned it on. The redirect URI is the extension's own (`identity.getRedirectURL`),
 * which AWS may refuse: only loopback redirects are documented for public clients. Any refusal before the person
 * acted (registration, the authorize page, the code exchange) is a `BrowserSignInRefused`, on which the caller
 * falls back once to the device code and remembers it; a denial or a closed window is the person's answer.
 */
import { authorizeUrl, newVerifier, readRedirect, s256Challenge } from '../../../core/sso/pkce';
import { CLIENT_NAME } from '../../../core/sso/token-rules';
import { oidcHost } from '../../../core/partitions';
import { regionPartition } from '../../../core/config/values';
import type { SsoToken } from '../../../platform/storage';
import { launchWebAuth, webAuthAllowed, webAuthRedirectUrl } from '../../../platform/web-auth';
import { createToken, registerClient, type ClientRegistration } from '../../aws/sso-oidc';
import { SignInError } from '../../sign-in/sign-in-error';
import { withStepTimeout } from '../../sign-in/step-timeout';
import { ssoError } from './device-sign-in';
import type { SsoStart } from './sso-credentials';
import { readClient, saveClient } from './token-store';

export class BrowserSignInRefused extends Error {
  override name = 'BrowserSignInRefused';
}

/** The OIDC answers that mean "not this way" rather than "not you". */
const REFUSALS = new Set([
  'InvalidRedirectUriException', 'InvalidClientMetadataException', 'InvalidRequestException', 'UnsupportedGrantTypeException',
  'UnauthorizedClientException', 'InvalidGrantException', 'InvalidClientException',
]);

export async function browserSignIn(start: SsoStart): Promise<SsoToken> {
  if (!(await webAuthAllowed())) throw new BrowserSignInRefused('the browser did not allow its sign-in window (identity permission)');
  const redirectUri = webAuthRedirectUrl('oauth/callback');
  const registration = await codeClient(start, redirectUri);
  const verifier = newVerifier((bytes) => crypto.getRandomValues(bytes));
  const state = newVerifier((bytes) => crypto.getRandomValues(bytes));
  const challenge = await s256Challenge(verifier, (data) => crypto.subtle.digest('SHA-256', data));
  const url = authorizeUrl({
    oidcHost: oidcHost(regionPartition(start.region), start.region),
    clientId: registration.clientId, redirectUri, state, challenge, scopes: start.scopes,
  });

  let redirected: string;
  try {
    redirected = await launchWebAuth(url);
  } catch (error) {
    // Chrome: "The user did not approve access." when the window is closed; anything else is the page failing.
    const text = error instanceof Error ? error.message : String(error);
    if (/did not approve|user cancelled|canceled|cancelled/i.test(text)) {
      throw new SignInError('sso-cancelled', 'The IAM Identity Center sign-in window was closed before you signed in.');
    }
    throw new BrowserSignInRefused(`the sign-in window failed (${text})`);
  }
  const answer = readRedirect(redirected, redirectUri, state);
  if (answer.kind === 'denied') throw new SignInError('sso-denied', 'The sign-in was denied on the AWS page. Sign in again and choose Allow.');
  if (answer.kind === 'error') throw new BrowserSignInRefused(`IAM Identity Center answered ${answer.error}`);
  try {
    const token = await withStepTimeout('sso-approve', (signal) =>
      createToken(start.region, registration, { grantType: 'authorization_code', code: answer.code, codeVerifier: verifier, redirectUri }, signal));
    return {
      startUrl: start.startUrl, region: start.region, accessToken: token.accessToken, expiresAt: token.expiresAt,
      ...(token.refreshToken !== undefined && { refreshToken: token.refreshToken }),
      clientId: registration.clientId, clientSecret: registration.clientSecret, clientExpiresAt: registration.expiresAt,
    };
  } catch (error) {
    throw refusedOr(error, start.startUrl);
  }
}

async function codeClient(start: SsoStart, redirectUri: string): Promise<ClientRegistration> {
  const cached = await readClient(start.region, 'code', Date.now());
  if (cached) return cached;
  try {
    const made = await withStepTimeout('sso-approve', (signal) => registerClient(start.region, {
      clientName: CLIENT_NAME, scopes: start.scopes, grantTypes: ['authorization_code', 'refresh_token'], redirectUris: [redirectUri], issuerUrl: start.startUrl,
    }, signal));
    await saveClient(start.region, 'code', made);
    return made;
  } catch (error) {
    throw refusedOr(error, start.startUrl);
  }
}

function refusedOr(error: unknown, startUrl: string): Error {
  const name = error instanceof Error ? error.name : '';
  if (REFUSALS.has(name)) return new BrowserSignInRefused(`IAM Identity Center refused it (${name})`);
  return ssoError(error, startUrl);
}
