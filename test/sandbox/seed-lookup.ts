/**
 * Reading a Seed: partitions, ARNs and role facts. Also checks a seed's shape at start, so a typo in a test's
 * custom seed fails loudly instead of as a puzzling AccessDenied.
 * ARN formats: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { ALL_PARTITIONS } from './partitions.js';
import type { Partition, Seed, SeedRole, SeedUser } from './seed.js';
import { validateSsoSeed } from './sso-lookup.js';

export interface ParsedRoleArn {
  partition: Partition;
  account: string;
  /** `/` or `/path/to/` */
  path: string;
  /** The name alone, without the path: what assumed-role ARNs use. */
  name: string;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role(\/|\/[\x21-\x7e]*\/)([\w+=,.@-]{1,64})$/;

export function parseRoleArn(arn: string): ParsedRoleArn | undefined {
  const m = ROLE_ARN.exec(arn);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined;
  return { partition: m[1] as Partition, account: m[2], path: m[3], name: m[4] };
}

export function accountPartition(seed: Seed, accountId: string): Partition {
  return seed.accounts.find((a) => a.id === accountId)?.partition ?? 'aws';
}

export function userPartition(seed: Seed, user: SeedUser): Partition {
  return accountPartition(seed, user.account);
}

export function userArn(seed: Seed, user: SeedUser): string {
  return `arn:${userPartition(seed, user)}:iam::${user.account}:user/${user.name}`;
}

export function findUserByArn(seed: Seed, arn: string): SeedUser | undefined {
  return seed.users.find((u) => userArn(seed, u) === arn);
}

export function findRole(seed: Seed, arn: string): SeedRole | undefined {
  return seed.roles.find((r) => r.arn === arn);
}

/** IAM's default MaxSessionDuration is one hour. */
export function roleMaxSession(role: SeedRole): number {
  return role.maxSessionDuration ?? 3600;
}

/** Throws with a clear message when a seed is inconsistent. */
export function validateSeed(seed: Seed): void {
  const problems: string[] = [];
  const keyIds = new Set<string>();
  for (const account of seed.accounts) {
    if (!/^\d{12}$/.test(account.id)) problems.push(`account id ${account.id} is not 12 digits`);
    if (account.partition && !ALL_PARTITIONS.includes(account.partition)) {
      problems.push(`account ${account.id}: unknown partition ${account.partition}`);
    }
  }
  for (const user of seed.users) {
    if (!seed.accounts.some((a) => a.id === user.account)) problems.push(`user ${user.name}: unknown account ${user.account}`);
    for (const key of user.accessKeys) {
      if (!/^AKIA[A-Z0-9]{16}$/.test(key.accessKeyId)) problems.push(`user ${user.name}: bad access key id ${key.accessKeyId}`);
      if (key.secretAccessKey.length !== 40) problems.push(`user ${user.name}: secret of ${key.accessKeyId} is not 40 characters`);
      if (keyIds.has(key.accessKeyId)) problems.push(`access key ${key.accessKeyId} appears twice`);
      keyIds.add(key.accessKeyId);
    }
    if (user.mfa && !/^[A-Z2-7]+=*$/.test(user.mfa.totpSecret)) problems.push(`user ${user.name}: TOTP secret is not base32`);
  }
  for (const role of seed.roles) {
    const parsed = parseRoleArn(role.arn);
    if (!parsed) {
      problems.push(`role ${role.arn}: not a role ARN`);
      continue;
    }
    if (accountPartition(seed, parsed.account) !== parsed.partition) {
      problems.push(`role ${role.arn}: partition differs from its account's`);
    }
    const max = roleMaxSession(role);
    if (max < 3600 || max > 43200) problems.push(`role ${role.arn}: maxSessionDuration ${max} is outside 3600..43200`);
  }
  problems.push(...validateSsoSeed(seed));
  if (problems.length > 0) throw new Error(`Invalid sandbox seed:\n  ${problems.join('\n  ')}`);
}

/**
 * The account a console form names by its 12-digit id or its alias (the sign-in page and the switch-role form take
 * either), in this partition; undefined when none.
 */
export function accountByIdOrAlias(seed: Seed, partition: Partition, text: string): string | undefined {
  const given = text.trim();
  const match = /^\d{12}$/.test(given.replace(/-/g, ''))
    ? seed.accounts.find((a) => a.id === given.replace(/-/g, ''))
    : seed.accounts.find((a) => a.alias === given.toLowerCase());
  if (!match || accountPartition(seed, match.id) !== partition) return undefined;
  return match.id;
}
