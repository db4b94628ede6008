/**
 * An error as it travels back to a page: a code the page can act on and one sentence for the person. Here in core,
 * so the pure layer (sts-errors.ts …) can build one without importing src/messages.ts, which re-exports it.
 */
export type ErrorCode =
  | 'forbidden-sender'
  | 'bad-request'
  | 'unknown-profile'
  | 'invalid-config'
  | 'no-keys'
  /** The vault holds the needed keys but is locked: ask for the passphrase (`vault.unlock`), then retry. */
  | 'vault-locked'
  /** A wrong passphrase: nothing changed. */
  | 'wrong-passphrase'
  /** The role or its source needs an MFA code: ask for it (`AppError.mfaSerial` says which device), then retry with `mfaCode`. */
  | 'mfa-required'
  /** AWS refused the MFA code. */
  | 'mfa-invalid'
  | 'timeout'
  | 'sts-error'
  | 'federation-error'
  | 'network'
  /** IAM Identity Center: no valid token and no one to ask (an automatic renewal): sign in from the popup. */
  | 'sso-login-required'
  /** IAM Identity Center: the person denied the request, let the code expire, or cancelled. */
  | 'sso-denied'
  | 'sso-expired'
  | 'sso-cancelled'
  /** IAM Identity Center refused (no access to that account or permission set, bad start URL, ...). */
  | 'sso-error'
  /** The console page no longer offers what a switch needs: nothing to retry; keys or Identity Center still work. */
  | 'console-changed'
  /** The organisation's policy does not allow it (keys in the vault, a locked setting): nothing to retry. */
  | 'forbidden-by-policy'
  | 'internal';

/**
 * What can mend a failed sign-in, so the popup offers that action and not a Retry that cannot help: try again
 * (throttling, network, a timeout), the access keys of `subject` (a source), or the profile `subject` (a role that
 * does not trust you, a wrong external id, a broken profile).
 */
export type ErrorFix = 'retry' | 'keys' | 'profile';

export interface AppError {
  code: ErrorCode;
  /** One sentence a person can act on. Never contains secrets. */
  message: string;
  /** For `mfa-required` and `mfa-invalid`: the MFA device whose code is needed. */
  mfaSerial?: string;
  fix?: ErrorFix;
  /** The source (for `keys`) or profile (for `profile`) the fix is about. */
  subject?: string;
  /** AWS's own error code when AWS refused (the SDK error's name: `AccessDenied`), for "Copy details". */
  awsCode?: string;
  /** AWS's request id of the refused call (the SDK's `$metadata.requestId`), for "Copy details". */
  requestId?: string;
}

/** The fix for an error of a sign-in, from its code when the error did not name one (STS errors do). */
export function fixOf(error: Pick<AppError, 'code' | 'fix'>): ErrorFix | undefined {
  if (error.fix !== undefined) return error.fix;
  switch (error.code) {
    case 'no-keys':
      return 'keys';
    case 'invalid-config':
    case 'unknown-profile':
    case 'sso-error':
      return 'profile';
    case 'vault-locked':
    case 'wrong-passphrase':
    case 'mfa-required':
    case 'mfa-invalid':
    case 'forbidden-sender':
    case 'bad-request':
    case 'console-changed':
    case 'forbidden-by-policy':
      return undefined; // a prompt answers these, or nothing the person can do
    default:
      return 'retry';
  }
}
