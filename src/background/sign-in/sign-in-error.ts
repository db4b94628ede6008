/** A sign-in failure that already carries the sentence to show. */
import { describeStsError } from '../../core/sts-errors';
import type { AppError, ErrorCode, ErrorFix } from '../../core/app-error';

export class SignInError extends Error {
  /** What can mend it, when the code alone does not say (STS errors); see `fixOf`. */
  fix?: ErrorFix;
  /** The source or profile the fix is about. */
  subject?: string;

  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'SignInError';
  }

  toAppError(): AppError {
    return {
      code: this.code, message: this.message,
      ...(this.fix !== undefined && { fix: this.fix }),
      ...(this.subject !== undefined && { subject: this.subject }),
    };
  }

  static fromSts(error: unknown, context: { roleArn: string; source: string }): SignInError {
    if (error instanceof TypeError) {
      // fetch's TypeError: DNS, TLS, offline, or a host missing from host_permissions.
      return new SignInError('network', 'AWS could not be reached. Check your network connection and try again.');
    }
    const name = error instanceof Error ? error.name : 'UnknownError';
    const message = error instanceof Error ? error.message : undefined;
    const described = describeStsError({ name, ...(message !== undefined && { message }) }, context);
    const made = new SignInError(described.code, described.message);
    if (described.fix !== undefined) made.fix = described.fix;
    return made;
  }
}
