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
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** One sentence a person can act on. Never contains secrets. */
  message: string;
  /** For `mfa-required` and `mfa-invalid`: the MFA device whose code is needed. */
  mfaSerial?: string;
}
