/**
 * MFA in STS calls: `SerialNumber` + `TokenCode` on GetSessionToken and AssumeRole.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
import { matchTotp } from './mfa.js';
import { findUserByArn } from './seed-lookup.js';
import type { SandboxState } from './state.js';
import type { Caller } from './sts-auth.js';
import { accessDenied, type ValidationCollector } from './sts-errors.js';

export const MFA_INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';
export const MFA_UNABLE = 'MultiFactorAuthentication failed, unable to validate MFA code.';

/** Shape checks STS applies to the two parameters (SerialNumber 9..256, TokenCode exactly 6 digits). */
export function validateMfaParams(v: ValidationCollector, serial: string | undefined, code: string | undefined): void {
  if (serial !== undefined) {
    v.length('serialNumber', serial, 9, 256);
    v.pattern('serialNumber', serial, /^[\w+=/:,.@-]*$/, '[\\w+=/:,.@-]*');
  }
  if (code !== undefined) {
    v.length('tokenCode', code, 6, 6);
    v.pattern('tokenCode', code, /^\d*$/, '[\\d]*');
  }
}

/**
 * Returns true when a device and code were given and the code is right; false when neither was given.
 * Throws AccessDenied for a wrong code, a device that is not the caller's, or only one of the two parameters.
 */
export function verifyMfa(
  state: SandboxState,
  caller: Caller,
  serial: string | undefined,
  code: string | undefined,
): boolean {
  if (serial === undefined && code === undefined) return false;
  if (serial === undefined || code === undefined) throw accessDenied(MFA_UNABLE);

  // The device must belong to the IAM user behind the call (the user itself, or the user at the root of a
  // GetSessionToken session or role chain that started from a user).
  const userArn = caller.kind === 'user' ? caller.arn : caller.creds.userArn;
  const user = userArn === undefined ? undefined : findUserByArn(state.seed, userArn);
  const device = user?.mfa;
  if (!device || device.serial !== serial) throw accessDenied(MFA_UNABLE);

  const step = matchTotp(device.totpSecret, code, state.now());
  if (step === undefined) throw accessDenied(MFA_INVALID_CODE);
  if (state.rejectReusedMfaCodes) {
    const used = `${serial}#${step}`;
    if (state.usedMfaCodes.has(used)) throw accessDenied(MFA_INVALID_CODE);
    state.usedMfaCodes.add(used);
  }
  return true;
}
