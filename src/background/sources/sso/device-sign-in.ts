/**
 * The device authorization grant (RFC 8628), which IAM Identity Center has offered for years: register a client,
 * start a device authorization, open the AWS page where the person approves the code, and poll CreateToken at
 * `interval` until the token arrives. Stops on denial, expiry, `sso.cancel`, or the AWS tab closed by the person.
 * The worker stays alive while it waits: each turn calls the browser (the tab check, a storage write), which
 * Chrome counts as activity.
 */
import { describeSsoError, isAwsVerificationUrl } from '../../../core/sso/errors';
import { CLIENT_NAME, nextInterval } from '../../../core/sso/token-rules';
import { closeTabs, openTab, tabState } from '../../../platform/tab-control';
import type { SsoToken } from '../../../platform/storage';
import { createToken, registerClient, startDeviceAuthorization, type ClientRegistration } from '../../aws/sso-oidc';
import { SignInError } from '../../sign-in/sign-in-error';
import { withStepTimeout } from '../../sign-in/step-timeout';
import { readClient, readPending, saveClient, writePending } from './token-store';

export interface DeviceSignInInput {
  startUrl: string;
  region: string;
  scopes: string[];
  /** Told the code to show once the AWS page is open. */
  onCode?: (userCode: string) => void;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export async function deviceSignIn(input: DeviceSignInInput): Promise<SsoToken> {
  const { startUrl, region } = input;
  const registration = await deviceClient(region, input.scopes);
  const auth = await withStepTimeout('sso-approve', (signal) => startDeviceAuthorization(region, registration, startUrl, signal))
    .catch((error: unknown) => {
      throw ssoError(error, startUrl);
    });
  const page = auth.verificationUriComplete ?? auth.verificationUri;
  if (!isAwsVerificationUrl(page)) {
    throw new SignInError('sso-error', `IAM Identity Center answered with a sign-in page that is not on an AWS host (${new URL(page).host}); nothing was opened.`);
  }
  const expiresAt = Date.now() + auth.expiresIn * 1000;
  const tabId = await openTab(page, true);
  await writePending(startUrl, { userCode: auth.userCode, verificationUri: auth.verificationUri, expiresAt, ...(tabId !== undefined && { tabId }) });
  input.onCode?.(auth.userCode);

  let interval = auth.interval * 1000;
  try {
    for (;;) {
      await sleep(interval);
      const pending = await readPending(startUrl);
      if (!pending || pending.cancelled) throw new SignInError('sso-cancelled', 'The IAM Identity Center sign-in was cancelled.');
      if (tabId !== undefined && !(await tabState(tabId))) {
        throw new SignInError('sso-cancelled', 'The AWS sign-in page was closed before the code was approved. Sign in again to get a new code.');
      }
      if (Date.now() > expiresAt) throw ssoError(named('ExpiredTokenException'), startUrl);
      try {
        const answer = await withStepTimeout('sso-approve', (signal) => createToken(region, registration, { grantType: DEVICE_GRANT, deviceCode: auth.deviceCode }, signal));
        if (tabId !== undefined) await closeTabs([tabId]);
        return {
          startUrl, region, accessToken: answer.accessToken, expiresAt: answer.expiresAt,
          ...(answer.refreshToken !== undefined && { refreshToken: answer.refreshToken }),
          clientId: registration.clientId, clientSecret: registration.clientSecret, clientExpiresAt: registration.expiresAt,
        };
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'AuthorizationPendingException') continue;
        if (name === 'SlowDownException') {
          interval = nextInterval(interval, true);
          continue;
        }
        throw error instanceof SignInError ? error : ssoError(error, startUrl);
      }
    }
  } finally {
    await writePending(startUrl, undefined);
  }
}

/** A registration for the device grant, reused until near its expiry (registering again on every sign-in would pile up clients). */
async function deviceClient(region: string, scopes: string[]): Promise<ClientRegistration> {
  const now = Date.now();
  const cached = await readClient(region, 'device', now);
  if (cached) return cached;
  const made = await withStepTimeout('sso-approve', (signal) => registerClient(region, { clientName: CLIENT_NAME, scopes }, signal))
    .catch((error: unknown) => {
      throw ssoError(error, `region ${region}`);
    });
  await saveClient(region, 'device', made);
  return made;
}

export function ssoError(error: unknown, startUrl: string, context: { accountId?: string; roleName?: string } = {}): SignInError {
  if (error instanceof SignInError) return error;
  const name = error instanceof TypeError ? 'TypeError' : error instanceof Error ? error.name : 'UnknownError';
  const failure = describeSsoError(name, { startUrl, ...context });
  return new SignInError(failure.code, failure.message).withAwsFacts(error);
}

function named(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
