/**
 * Rules for IAM Identity Center tokens and client registrations, as the AWS CLI applies them
 * (botocore/utils.py SSOTokenFetcher, awscli/customizations/sso/utils.py):
 * - an access token is refreshed when less than 15 minutes remain (the CLI's `_REFRESH_WINDOW`);
 * - a client registration is reused until shortly before `clientSecretExpiresAt`;
 * - device-code polling waits `interval` seconds (5 when none), 5 more after each SlowDownException (RFC 8628 §3.5).
 */

/** Refresh when less than this remains. */
export const REFRESH_WINDOW_MS = 15 * 60_000;
/** A registration this close to its expiry is replaced rather than used for a new sign-in. */
export const REGISTRATION_MARGIN_MS = 60 * 60_000;
/** Scopes asked for when the configuration names none: what the portal API needs. */
export const DEFAULT_SCOPES = ['sso:account:access'] as const;
/** The client name AWS shows on the approval page. */
export const CLIENT_NAME = 'Role Switcher for AWS';

export interface TokenTimes {
  /** Epoch ms. */
  expiresAt: number;
}

export function isFresh(token: TokenTimes, now: number): boolean {
  return token.expiresAt - now > REFRESH_WINDOW_MS;
}

export function isUsable(token: TokenTimes, now: number, marginMs = 60_000): boolean {
  return token.expiresAt - now > marginMs;
}

export function registrationUsable(expiresAt: number, now: number): boolean {
  return expiresAt - now > REGISTRATION_MARGIN_MS;
}

/** `sso_registration_scopes = a, b` → ['a', 'b']; the default when empty. */
export function scopesOf(written: string | undefined): string[] {
  const scopes = (written ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return scopes.length > 0 ? scopes : [...DEFAULT_SCOPES];
}

/** The next polling interval after an answer: SlowDown adds 5 seconds. */
export function nextInterval(currentMs: number, slowDown: boolean): number {
  return slowDown ? currentMs + 5_000 : currentMs;
}
