/**
 * IAM role ARNs and the partitions they name.
 * ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

export interface RoleArn {
  partition: Partition;
  accountId: string;
  /** The path between `role/` and the name, with its slashes: `/` for none, `/path/to/` otherwise. */
  path: string;
  /** The role name alone (no path). */
  name: string;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role(\/(?:[\x21-\x7e]+\/)?)([\w+=,.@-]{1,64})$/;

export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/**
 * An IAM account alias: 3 to 63 letters, digits and single hyphens, a letter or digit at each end (IAM's
 * CreateAccountAlias pattern; IAM stores it in lower case, the console's sign-in takes it as typed). Unique across
 * AWS, so it names one account, and the console's sign-in and switch-role take it in place of the id.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccountAlias.html
 */
export function isAccountAlias(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/i.test(value) && !/^\d+$/.test(value);
}

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** Parses `arn:<partition>:iam::<account>:role/<path/><name>`; undefined when it is not a role ARN. */
export function parseRoleArn(arn: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(arn.trim());
  if (!match) return undefined;
  const [, partition, accountId, path, name] = match;
  if (!partition || !accountId || !path || !name || !isPartition(partition)) return undefined;
  return { partition, accountId, path, name };
}

export function formatRoleArn(role: RoleArn): string {
  return `arn:${role.partition}:iam::${role.accountId}:role${role.path}${role.name}`;
}
