/**
 * IAM Identity Center as the root of a sign-in: an access token for the profile's start URL (cached, refreshed
 * when less than 15 minutes remain, or a new device sign-in when there is none and a person is there to approve
 * it), then GetRoleCredentials for the profile's account and permission set. The credentials are temporary, so
 * roles chained on them are capped at 1 hour and the federation gets no SessionDuration.
 */
import type { ConfigModel, SsoSource } from '../../../core/config/index';
import { isFresh, isUsable, scopesOf } from '../../../core/sso/token-rules';
import type { SsoToken } from '../../../platform/storage';
import { createToken } from '../../aws/sso-oidc';
import { getRoleCredentials, type RoleCredentials } from '../../aws/sso-portal';
import { SignInError } from '../../sign-in/sign-in-error';
import { withStepTimeout } from '../../sign-in/step-timeout';
import { BrowserSignInRefused, browserSignIn } from './browser-sign-in';
import { deviceSignIn, ssoError } from './device-sign-in';
import { forgetKeptSsoSignIn, hasKeptSsoSignIn, keepSsoSignIn, readKeptSsoSignIn } from '../../vault/sso-box';
import { loadSignInMethods, rememberFallback, usesBrowserSignIn } from './sign-in-method';
import { expireToken, forgetToken, readToken, saveToken } from './token-store';

export interface SsoStart {
  startUrl: string;
  region: string;
  scopes: string[];
}

export interface TokenOptions {
  /** A person is there to approve a device code (a click in the popup); false for automatic renewals. */
  interactive: boolean;
  onCode?: (userCode: string) => void;
  /** Told a sentence worth showing after the sign-in (a fallback from sign-in through the browser). */
  onNote?: (note: string) => void;
}

/** Where an SSO profile signs in: its sso-session's start URL, region and scopes, or the legacy form's own. */
export function ssoStartOf(config: ConfigModel, source: SsoSource): SsoStart {
  const session = source.sessionName !== undefined ? config.ssoSessions.find((s) => s.name === source.sessionName) : undefined;
  return { startUrl: source.startUrl, region: source.ssoRegion, scopes: scopesOf(session?.registrationScopes) };
}

/**
 * Device sign-ins in flight, by start URL: a second role clicked while the first waits for approval joins it
 * instead of opening a second AWS page. Only the in-flight promise lives here; it ends with the sign-in, and a
 * worker restart (which ends the sign-in too) loses nothing stored.
 */
const inFlight = new Map<string, Promise<SsoToken>>();

export async function accessToken(start: SsoStart, options: TokenOptions): Promise<string> {
  const now = Date.now();
  const token = await readToken(start.startUrl);
  if (token && isFresh(token, now)) return token.accessToken;
  if (token?.refreshToken) {
    const refreshed = await refresh(token).catch(async (error: unknown) => {
      const name = error instanceof Error ? error.name : '';
      // A revoked or expired refresh token: this sign-in is over. A network failure keeps a still-valid token.
      if (name === 'InvalidGrantException' || name === 'UnauthorizedClientException' || name === 'InvalidClientException') await forgetToken(start.startUrl);
      return undefined;
    });
    if (refreshed) return refreshed.accessToken;
  }
  const kept = await readToken(start.startUrl);
  if (kept && isUsable(kept, now)) return kept.accessToken;
  const restored = await fromVault(start, options);
  if (restored) return restored.accessToken;
  return (await signInAgain(start, options)).accessToken;
}

/**
 * After a browser restart, with the opt-in setting: the refresh token kept in the vault gives a new access token
 * (the vault passphrase is asked for when locked: `vault-locked`), so no new approval is needed.
 */
async function fromVault(start: SsoStart, options: TokenOptions): Promise<SsoToken | undefined> {
  if (!(await loadSignInMethods()).keepInVault || !(await hasKeptSsoSignIn(start.startUrl))) return undefined;
  const kept = await readKeptSsoSignIn(start.startUrl, options.interactive ? 'person' : 'automatic');
  if (!kept) return undefined;
  const seed: SsoToken = { startUrl: start.startUrl, accessToken: '', expiresAt: 0, ...kept };
  return refresh(seed).catch(async () => {
    // Revoked or expired: the kept sign-in is over; a new one is asked for below.
    await forgetKeptSsoSignIn(start.startUrl);
    return undefined;
  });
}

/** Stores a new token in memory, and in the vault too when the person chose to keep sign-ins there. */
async function persist(token: SsoToken): Promise<void> {
  await saveToken(token);
  if (token.refreshToken === undefined || !(await loadSignInMethods()).keepInVault) return;
  await keepSsoSignIn(token.startUrl, {
    region: token.region, refreshToken: token.refreshToken, clientId: token.clientId, clientSecret: token.clientSecret, clientExpiresAt: token.clientExpiresAt,
  });
}

async function signInAgain(start: SsoStart, options: TokenOptions): Promise<SsoToken> {
  if (!options.interactive) {
    throw new SignInError('sso-login-required',
      `Your IAM Identity Center sign-in (${start.startUrl}) has ended. Click the role in the popup to sign in again.`);
  }
  const running = inFlight.get(start.startUrl);
  if (running) return running;
  const signing = newSignIn(start, options).then(async (token) => {
    await persist(token);
    return token;
  }).finally(() => inFlight.delete(start.startUrl));
  inFlight.set(start.startUrl, signing);
  return signing;
}

/**
 * Through the browser (PKCE) where the person turned it on and it has not failed there before; else, or when AWS
 * refuses it, the device code: the documented way stays the fallback, taken once and remembered.
 */
async function newSignIn(start: SsoStart, options: TokenOptions): Promise<SsoToken> {
  const device = () => deviceSignIn({ ...start, ...(options.onCode && { onCode: options.onCode }) });
  if (!(await usesBrowserSignIn(start.startUrl))) return device();
  try {
    return await browserSignIn(start);
  } catch (error) {
    if (!(error instanceof BrowserSignInRefused)) throw error;
    await rememberFallback(start.startUrl, error.message);
    options.onNote?.(`Sign-in through the browser did not work for ${start.startUrl} (${error.message}), so a device code ` +
      'was used instead, as it will be from now on there. Turn it on again on the options page to retry.');
    return device();
  }
}

/** The refresh_token grant; the answer may rotate the refresh token. */
async function refresh(token: SsoToken): Promise<SsoToken> {
  if (!token.refreshToken || token.clientExpiresAt <= Date.now()) throw Object.assign(new Error('no refresh'), { name: 'InvalidClientException' });
  const registration = { clientId: token.clientId, clientSecret: token.clientSecret, expiresAt: token.clientExpiresAt };
  const answer = await withStepTimeout('sso-approve', (signal) =>
    createToken(token.region, registration, { grantType: 'refresh_token', refreshToken: token.refreshToken ?? '' }, signal));
  const next: SsoToken = {
    ...token,
    accessToken: answer.accessToken,
    expiresAt: answer.expiresAt,
    ...(answer.refreshToken !== undefined && { refreshToken: answer.refreshToken }),
  };
  await persist(next);
  return next;
}

/**
 * GetRoleCredentials for the profile's account and permission set. A token the portal no longer accepts (signed
 * out, revoked, expired early) is dropped and, with a person there, a new sign-in is asked for once.
 */
export async function ssoRoleCredentials(config: ConfigModel, source: SsoSource, options: TokenOptions & { onStep?: () => void }): Promise<RoleCredentials> {
  const start = ssoStartOf(config, source);
  const context = { accountId: source.accountId, roleName: source.roleName };
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(start, options);
    options.onStep?.();
    try {
      return await withStepTimeout('getting-role-credentials', (signal) =>
        getRoleCredentials(start.region, token, source.accountId, source.roleName, signal));
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'UnauthorizedException' && attempt === 0) {
        // The portal no longer takes this access token: treat it as expired, so the refresh token is tried first.
        await expireToken(start.startUrl);
        continue;
      }
      throw ssoError(error, start.startUrl, context);
    }
  }
}
