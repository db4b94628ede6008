/**
 * The assumed-role ARN STS answers (`arn:aws:sts::123456789012:assumed-role/RoleName/session-name`): the account
 * and the role name (without its path, which the ARN does not carry), and the session name. Its whole text is the
 * identity the console counts: signing in again as the same one replaces that session.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
import { isPartition, type Partition } from '../arn';

export interface AssumedRole {
  partition: Partition;
  accountId: string;
  roleName: string;
  sessionName: string;
}

const ASSUMED = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;

export function parseAssumedRoleArn(arn: string): AssumedRole | undefined {
  const match = ASSUMED.exec(arn);
  if (!match) return undefined;
  const [, partition, accountId, roleName, sessionName] = match;
  if (partition === undefined || !isPartition(partition) || !accountId || !roleName || !sessionName) return undefined;
  return { partition, accountId, roleName, sessionName };
}
