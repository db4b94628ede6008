/**
 * STS errors with the codes, HTTP statuses and wording real STS uses, so the SDK turns them into the same
 * exceptions (`err.name === code`). Common errors: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */

export class StsError extends Error {
  /** Why, for the sandbox's request log only (STS often says the same thing for several causes). */
  detail?: string;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** `Sender` for the caller's fault, `Receiver` for ours (it is the `<Type>` of the XML error). */
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

export function missingAuthenticationToken(): StsError {
  return new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
}

/** Unknown, deactivated or partition-foreign access key, or a session token that does not match. */
export function invalidClientTokenId(): StsError {
  return new StsError(403, 'InvalidClientTokenId', INVALID_TOKEN_MESSAGE);
}

export function signatureDoesNotMatch(
  message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
): StsError {
  return new StsError(403, 'SignatureDoesNotMatch', message);
}

export function incompleteSignature(message: string): StsError {
  return new StsError(403, 'IncompleteSignature', message);
}

export function expiredToken(): StsError {
  return new StsError(403, 'ExpiredToken', 'The security token included in the request is expired');
}

export function accessDenied(message: string): StsError {
  return new StsError(403, 'AccessDenied', message);
}

/** What STS says for any AssumeRole the trust policy does not allow (unknown role, wrong principal, ExternalId, MFA). */
export function notAuthorizedToAssume(callerArn: string, roleArn: string): StsError {
  return accessDenied(`User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
}

export function validationError(message: string): StsError {
  return new StsError(400, 'ValidationError', message);
}

export function invalidAction(action: string, version: string): StsError {
  return new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${version}`);
}

export function throttling(): StsError {
  return new StsError(400, 'Throttling', 'Rate exceeded');
}

export function serviceUnavailable(): StsError {
  return new StsError(503, 'ServiceUnavailable', 'Service is unable to handle request.', 'Receiver');
}

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html */
export function regionDisabled(account: string): StsError {
  return new StsError(
    403,
    'RegionDisabledException',
    `STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`,
  );
}

/**
 * Input constraint checks, reported the way AWS's request validation words them:
 * "1 validation error detected: Value '…' at 'roleSessionName' failed to satisfy constraint: Member must …",
 * several joined by "; " after "N validation errors detected: ".
 */
export class ValidationCollector {
  private readonly problems: string[] = [];

  /** `field` is the lower-camel member name AWS prints (roleSessionName, durationSeconds, ...). */
  add(field: string, value: string | undefined, constraint: string): void {
    const shown = value === undefined ? 'null' : `'${value}'`;
    this.problems.push(`Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  required(field: string, value: string | undefined): value is string {
    if (value !== undefined) return true;
    this.add(field, undefined, 'Member must not be null');
    return false;
  }

  length(field: string, value: string, min: number, max: number): void {
    if (value.length < min) this.add(field, value, `Member must have length greater than or equal to ${min}`);
    else if (value.length > max) this.add(field, value, `Member must have length less than or equal to ${max}`);
  }

  pattern(field: string, value: string, re: RegExp, shownPattern: string): void {
    if (!re.test(value)) this.add(field, value, `Member must satisfy regular expression pattern: ${shownPattern}`);
  }

  /** Integer range; a non-integer is reported the way the Query protocol's parser does. */
  integer(field: string, value: string, min: number, max: number): number | undefined {
    if (!/^-?\d+$/.test(value)) {
      this.add(field, value, 'Member must be an integer');
      return undefined;
    }
    const n = Number(value);
    if (n < min) this.add(field, value, `Member must have value greater than or equal to ${min}`);
    else if (n > max) this.add(field, value, `Member must have value less than or equal to ${max}`);
    return n;
  }

  throwIfAny(): void {
    const count = this.problems.length;
    if (count === 0) return;
    const head = count === 1 ? '1 validation error detected: ' : `${count} validation errors detected: `;
    throw validationError(head + this.problems.join('; '));
  }
}
