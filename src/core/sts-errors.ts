/**
 * STS errors turned into one sentence a person can act on.
 * Codes: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html and each action's Errors section.
 * The SDK's own message is never passed through verbatim when it could carry request data; only codes we know
 * become text, the rest a generic sentence with the code.
 */
import type { AppError } from './app-error';
import { isMfaRejection } from './mfa';

export interface StsFailure {
  /** The SDK's error name, which is the STS error code. */
  name: string;
  message?: string;
}

export function describeStsError(failure: StsFailure, context: { roleArn?: string; source?: string }): AppError {
  const role = context.roleArn ?? 'the role';
  const source = context.source !== undefined ? `"${context.source}"` : 'this source';
  // Before AccessDenied below: a refused MFA code is an AccessDenied too, and deserves its own sentence.
  if (isMfaRejection(failure)) {
    return { code: 'mfa-invalid', message: 'AWS did not accept that MFA code. Enter the code your device shows now; each code works once.' };
  }
  switch (failure.name) {
    case 'InvalidClientTokenId':
      return { code: 'sts-error', fix: 'keys', message: `AWS does not recognise the access key of ${source}: it may be wrong, deleted or deactivated. Replace the keys on the options page.` };
    case 'SignatureDoesNotMatch':
      return { code: 'sts-error', fix: 'keys', message: `AWS rejected the secret access key of ${source}. Check the secret and save the keys again on the options page.` };
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return { code: 'sts-error', fix: 'retry', message: `The temporary credentials of ${source} have expired. Sign in again to get fresh ones.` };
    case 'AccessDenied':
      return { code: 'sts-error', fix: 'profile', message: `You are not allowed to assume ${role}. Check that its trust policy names your user or account, and that the external id and MFA settings match the profile.` };
    case 'RegionDisabledException':
      return { code: 'sts-error', fix: 'retry', message: 'STS is not activated in this region for the account. Activate it in IAM account settings, or set another region on the profile.' };
    case 'Throttling':
    case 'ThrottlingException':
      return { code: 'sts-error', fix: 'retry', message: 'AWS is throttling requests right now, even after retries. Wait a few seconds and try again.' };
    case 'ValidationError':
      return { code: 'sts-error', fix: 'profile', message: `AWS refused the request for ${role}: ${safeValidationText(failure.message)}` };
    default:
      return { code: 'sts-error', fix: 'retry', message: `AWS refused to assume ${role} (${failure.name}). Try again, or check the profile on the options page.` };
  }
}

/** Validation messages name parameters, never secrets; keep them short and single-line. */
function safeValidationText(message: string | undefined): string {
  const text = (message ?? 'the request was invalid').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
