/** A sign-in failure that already carries the sentence to show. */
import { describeStsError } from '../../core/sts-errors';
import type { AppError, ErrorCode, ErrorFix } from '../../core/app-error';

export class SignInError extends Error {
  /** What can mend it, when the code alone does not say (STS errors); see `fixOf`. */
  fix?: ErrorFix;
  /** The source or profile the fix is about. */
  subject?: string;
  /** AWS's error code and the refused call's request id, when AWS answered (for the popup's "Copy details"). */
  awsCode?: string;
  requestId?: string;

  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'SignInError';
  }

  toAppError(): AppError {
    return {
      code: this.code, message: this.message,
      ...(this.fix !== undefined && { fix: this.fix }),
      ...(this.subject !== undefined && { subject: this.subject }),
      ...(this.awsCode !== undefined && { awsCode: this.awsCode }),
      ...(this.requestId !== undefined && { requestId: this.requestId }),
    };
  }

  /** Keeps AWS's error code and request id from the SDK's error, when AWS itself refused (`$fault` is set). */
  withAwsFacts(error: unknown): this {
    if (!(error instanceof Error) || !('$fault' in error)) return this;
    this.awsCode = error.name;
    const requestId = (error as { $metadata?: { requestId?: unknown } }).$metadata?.requestId;
    if (typeof requestId === 'string') this.requestId = requestId;
    return this;
  }

  static fromSts(error: unknown, context: { roleArn: string; source: string }): SignInError {
    if (error instanceof TypeError) {
      // fetch's TypeError: DNS, TLS, offline, or a host missing from host_permissions.
      return new SignInError('network', 'AWS could not be reached. Check your network connection and try again.');
    }
    const name = error instanceof Error ? error.name : 'UnknownError';
    const message = error instanceof Error ? error.message : undefined;
    const described = describeStsError({ name, ...(message !== undefined && { message }) }, context);
    const made = new SignInError(described.code, described.message).withAwsFacts(error);
    if (described.fix !== undefined) made.fix = described.fix;
    return made;
  }
}
