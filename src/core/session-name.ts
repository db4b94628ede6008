/**
 * RoleSessionName must match `[\w+=,.@-]{2,64}`
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). It shows up in CloudTrail and in
 * the assumed-role ARN, so a recognisable default helps auditors: the caller's user name when known.
 */
export const FALLBACK_SESSION_NAME = 'role-switcher';
const VALID = /^[\w+=,.@-]{2,64}$/;

export function isValidSessionName(name: string): boolean {
  return VALID.test(name);
}

/** Replaces every disallowed character with `-`, trims to 64, and falls back when fewer than 2 remain. */
export function sanitizeSessionName(raw: string | undefined): string {
  const cleaned = (raw ?? '').replace(/[^\w+=,.@-]/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return cleaned.length >= 2 ? cleaned : FALLBACK_SESSION_NAME;
}

/**
 * Who a caller is, as a session name: an IAM user's name (`...:user/path/alice` → `alice`), or the session name of an
 * assumed role (`...:assumed-role/AWSReservedSSO_Admin_0123/alice@example.com` → `alice@example.com`: for an IAM
 * Identity Center permission set, AWS names the session after the person). Undefined for anything else (the root
 * user, a federated user), made valid for STS otherwise.
 */
export function callerSessionName(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const name = userNameFromArn(arn) ?? /^arn:[\w-]+:sts::\d{12}:assumed-role\/[^/]+\/(.+)$/.exec(arn)?.[1];
  if (name === undefined) return undefined;
  const valid = sanitizeSessionName(name);
  return valid === FALLBACK_SESSION_NAME && name !== FALLBACK_SESSION_NAME ? undefined : valid;
}

/** The user name from an IAM user ARN (`arn:aws:iam::123456789012:user/path/alice` → `alice`). */
export function userNameFromArn(arn: string): string | undefined {
  const match = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}
