/**
 * MFA rules we rely on.
 * - SerialNumber: 9 to 256 characters of `[\w+=/:,.@-]`; TokenCode: exactly 6 digits
 *   (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters).
 * - A wrong code is an `AccessDenied` whose message starts "MultiFactorAuthentication failed"
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html).
 * - GetSessionToken lasts 900 to 129,600 s for an IAM user
 *   (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html).
 * - Roles assumed with temporary credentials, such as an MFA session's, are capped at 1 hour (role chaining,
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
 *   So, as aws-vault does, a role asked for longer is assumed from the long-term keys with a fresh code.
 */

export const MFA_SESSION_MIN_MINUTES = 15;
export const MFA_SESSION_MAX_MINUTES = 2_160;
/** Longest role session an MFA session can give. */
export const MFA_SESSION_ROLE_CAP_SECONDS = 3_600;
/** A cached MFA session is not used in its last minutes: the role assumed from it would be cut short. */
export const MFA_SESSION_MARGIN_MS = 5 * 60_000;

const SERIAL = /^[\w+=/:,.@-]{9,256}$/;

export function isMfaSerial(value: string): boolean {
  return SERIAL.test(value);
}

/** The code as typed ("123 456", " 123456 ") to the 6 digits STS wants, or undefined when it is not one. */
export function normalizeMfaCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/** True for STS's answer to a wrong, expired or reused code, or to a device that is not the caller's. */
export function isMfaRejection(failure: { name: string; message?: string }): boolean {
  return failure.name === 'AccessDenied' && /MultiFactorAuthentication failed/i.test(failure.message ?? '');
}

/** Whether an MFA session can serve a sign-in that wants `wantedSeconds` of console time. */
export function mfaSessionCanServe(wantedSeconds: number): boolean {
  return wantedSeconds <= MFA_SESSION_ROLE_CAP_SECONDS;
}
