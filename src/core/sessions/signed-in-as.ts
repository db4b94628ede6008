/**
 * Who a sign-in made the person, as the popup's success line says it: the role's name and the account, read from
 * the assumed-role ARN STS answered (issue 14: the raw ARN filled the line and wrapped; it stays on hover and copy).
 * An Identity Center role is named by its permission set: AWS names the IAM role it made for one
 * `AWSReservedSSO_<permission set>_<16 hex digits>`.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import { parseAssumedRoleArn } from './assumed-role';

export interface SignedInAs {
  roleName: string;
  /** 12 digits, or the alias a console switch was asked for. */
  accountId: string;
}

const RESERVED_SSO = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

export function signedInAs(assumedRoleArn: string): SignedInAs | undefined {
  const assumed = parseAssumedRoleArn(assumedRoleArn);
  if (!assumed) return undefined;
  const permissionSet = RESERVED_SSO.exec(assumed.roleName)?.[1];
  return { roleName: permissionSet ?? assumed.roleName, accountId: assumed.accountId };
}
