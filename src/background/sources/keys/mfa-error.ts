/** MFA answers that name the device, so the popup can say which code it wants. */
import type { AppError } from '../../../messages';
import { SignInError } from '../../sign-in/sign-in-error';

export class MfaError extends SignInError {
  constructor(
    code: 'mfa-required' | 'mfa-invalid',
    message: string,
    readonly mfaSerial: string,
  ) {
    super(code, message);
    this.name = 'MfaError';
  }

  override toAppError(): AppError {
    return { ...super.toAppError(), mfaSerial: this.mfaSerial };
  }
}

export function mfaRequired(serial: string): MfaError {
  return new MfaError('mfa-required', `Enter the 6-digit code from your MFA device (${serial}) to sign in.`, serial);
}

export function mfaInvalid(serial: string): MfaError {
  return new MfaError(
    'mfa-invalid',
    `AWS did not accept that MFA code for ${serial}. Enter the code your device shows now; each code works once.`,
    serial,
  );
}

export function mfaMalformed(serial: string): MfaError {
  return new MfaError('mfa-invalid', `An MFA code is the 6 digits your device (${serial}) shows. Enter the current one.`, serial);
}
