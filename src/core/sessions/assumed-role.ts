/**
 * The assumed-role ARN STS answers (`arn:aws:sts::123456789012:assumed-role/RoleName/session-name`): the account
 * and the role name (without its path, which the ARN does not carry), and the session name. Its whole text is the
 * identity the console counts: signing in again as the same one replaces that session.
 * A role the console switched to by its account alias (AESR's `aws_account_id = <alias>`) is written by the
 * extension itself with the alias in the account's place (src/background/sources/console/console-sign-in.ts): the
 * console was asked for that alias, and its id is not known.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
import { isAccountAlias, isPartition, type Partition } from '../arn';

export interface AssumedRole {
  partition: Partition;
  /** 12 digits, or the alias a console switch was asked for. */
  accountId: string;
  roleName: string;
  sessionName: string;
}

const ASSUMED = /^arn:([\w-]+):sts::(\d{12}|[A-Za-z0-9-]{3,63}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;

export function parseAssumedRoleArn(arn: string): AssumedRole | undefined {
  const match = ASSUMED.exec(arn);
  if (!match) return undefined;
  const [, partition, accountId, roleName, sessionName] = match;
  if (partition === undefined || !isPartition(partition) || !accountId || !roleName || !sessionName) return undefined;
  if (!/^\d{12}$/.test(accountId) && !isAccountAlias(accountId)) return undefined;
  return { partition, accountId, roleName, sessionName };
}
