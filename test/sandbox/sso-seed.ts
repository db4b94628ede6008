/**
 * IAM Identity Center directories of the sandbox: users with passwords, the accounts they may enter and the
 * permission sets (roles) they hold there. Plain data, like seed.ts, so a test can read it or build its own.
 *
 * Account ids: acme-dev and acme-prod are the demo organisation's 222222222222 and 333333333333; acme's third
 * account is 777777777777, not 555555555555, because 555555555555 is the seed's GovCloud account and an account
 * lives in one partition only. The GovCloud directory uses that GovCloud account.
 */
import { createHash } from 'node:crypto';
import { partitionOfRegion } from './partitions.js';
import type { Partition } from './seed.js';

export interface SsoAccount {
  id: string;
  /** What ListAccounts calls `accountName` (the Organizations name). */
  name: string;
  emailAddress: string;
}

export interface SsoPermissionSet {
  name: string;
  /** Session duration of the role credentials it gives, seconds (Identity Center's default is 1 h). */
  sessionDurationSeconds?: number;
}

export interface SsoAssignment {
  accountId: string;
  permissionSet: string;
}

export interface SsoUser {
  username: string;
  password: string;
  displayName: string;
  /** In ListAccounts / ListAccountRoles order. */
  assignments: SsoAssignment[];
}

export interface SsoDirectory {
  /** `d-` + 10 hex, like an Identity Center identity store id. */
  id: string;
  /** Short name, shown on the approval page. */
  name: string;
  /** The AWS access portal URL people configure (`sso_start_url`). */
  startUrl: string;
  /** The Identity Center instance's region: its OIDC, device and portal hosts are in this region only. */
  region: string;
  accounts: SsoAccount[];
  permissionSets: SsoPermissionSet[];
  users: SsoUser[];
}

export const SSO_PASSWORD = 'correct horse battery';

/** The 16 hex digits of an `AWSReservedSSO_<set>_<hex>` role name: stable per directory, account and set. */
export function ssoRoleSuffix(directoryId: string, accountId: string, permissionSet: string): string {
  return createHash('sha256').update(`${directoryId}/${accountId}/${permissionSet}`).digest('hex').slice(0, 16);
}

export function ssoRoleName(directory: SsoDirectory, accountId: string, permissionSet: string): string {
  return `AWSReservedSSO_${permissionSet}_${ssoRoleSuffix(directory.id, accountId, permissionSet)}`;
}

export function directoryPartition(directory: SsoDirectory): Partition {
  return partitionOfRegion(directory.region) ?? 'aws';
}

/**
 * The IAM role Identity Center makes in the account for a permission set. Its path carries the instance's region,
 * except for instances in us-east-1, whose roles sit directly under `aws-reserved/sso.amazonaws.com/`.
 */
export function ssoRoleArn(directory: SsoDirectory, accountId: string, permissionSet: string): string {
  const regionPart = directory.region === 'us-east-1' ? '' : `${directory.region}/`;
  const name = ssoRoleName(directory, accountId, permissionSet);
  return `arn:${directoryPartition(directory)}:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${regionPart}${name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The demo directories.

export const ACME = {
  id: 'd-93670acme1',
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'eu-west-1',
  username: 'jane',
  password: SSO_PASSWORD,
  displayName: 'Jane Doe',
  accounts: { dev: '222222222222', prod: '333333333333', sandbox: '777777777777' },
} as const;

export const ACME_GOV = {
  id: 'd-98670acme9',
  name: 'acme-gov',
  startUrl: 'https://start.us-gov-home.awsapps.com/directory/acme-gov',
  region: 'us-gov-west-1',
  username: 'jane',
  password: SSO_PASSWORD,
  displayName: 'Jane Doe',
  /** The seed's GovCloud account (aws-us-gov partition). */
  account: '555555555555',
} as const;

export const BIG = {
  id: 'd-9067000b1g',
  name: 'big',
  startUrl: 'https://big.awsapps.com/start',
  region: 'us-east-1',
  username: 'bulk',
  password: SSO_PASSWORD,
  displayName: 'Bulk Importer',
  accountCount: 200,
  permissionSets: ['ReadOnlyAccess', 'AdministratorAccess'],
} as const;

/** `900000000001` … `900000000200`: the big directory's accounts, in ListAccounts order. */
export function bigAccountId(n: number): string {
  return `9${String(n).padStart(11, '0')}`;
}

/** `team-001-prod` … `team-200-prod`. */
export function bigAccountName(n: number): string {
  return `team-${String(n).padStart(3, '0')}-prod`;
}

const acmeDirectory: SsoDirectory = {
  id: ACME.id,
  name: ACME.name,
  startUrl: ACME.startUrl,
  region: ACME.region,
  accounts: [
    { id: ACME.accounts.dev, name: 'acme-dev', emailAddress: 'aws+dev@acme.example' },
    { id: ACME.accounts.prod, name: 'acme-prod', emailAddress: 'aws+prod@acme.example' },
    { id: ACME.accounts.sandbox, name: 'acme-sandbox', emailAddress: 'aws+sandbox@acme.example' },
  ],
  permissionSets: [{ name: 'AdministratorAccess' }, { name: 'ReadOnlyAccess' }, { name: 'PowerUserAccess' }],
  users: [
    {
      username: ACME.username,
      password: ACME.password,
      displayName: ACME.displayName,
      assignments: [
        { accountId: ACME.accounts.dev, permissionSet: 'AdministratorAccess' },
        { accountId: ACME.accounts.dev, permissionSet: 'ReadOnlyAccess' },
        { accountId: ACME.accounts.prod, permissionSet: 'ReadOnlyAccess' },
        { accountId: ACME.accounts.prod, permissionSet: 'AdministratorAccess' },
        { accountId: ACME.accounts.sandbox, permissionSet: 'PowerUserAccess' },
      ],
    },
  ],
};

const acmeGovDirectory: SsoDirectory = {
  id: ACME_GOV.id,
  name: ACME_GOV.name,
  startUrl: ACME_GOV.startUrl,
  region: ACME_GOV.region,
  accounts: [{ id: ACME_GOV.account, name: 'acme-gov-ops', emailAddress: 'aws+gov@acme.example' }],
  permissionSets: [{ name: 'Operations' }],
  users: [
    {
      username: ACME_GOV.username,
      password: ACME_GOV.password,
      displayName: ACME_GOV.displayName,
      assignments: [{ accountId: ACME_GOV.account, permissionSet: 'Operations' }],
    },
  ],
};

function bigDirectory(): SsoDirectory {
  const numbers = Array.from({ length: BIG.accountCount }, (_, i) => i + 1);
  return {
    id: BIG.id,
    name: BIG.name,
    startUrl: BIG.startUrl,
    region: BIG.region,
    accounts: numbers.map((n) => ({
      id: bigAccountId(n),
      name: bigAccountName(n),
      emailAddress: `aws+team-${String(n).padStart(3, '0')}@big.example`,
    })),
    permissionSets: BIG.permissionSets.map((name) => ({ name })),
    users: [
      {
        username: BIG.username,
        password: BIG.password,
        displayName: BIG.displayName,
        assignments: numbers.flatMap((n) =>
          BIG.permissionSets.map((permissionSet) => ({ accountId: bigAccountId(n), permissionSet })),
        ),
      },
    ],
  };
}

export const demoSsoDirectories: SsoDirectory[] = [acmeDirectory, acmeGovDirectory, bigDirectory()];

/** The acme roles that Identity Center sessions can chain into (added to the demo seed's IAM roles). */
export const SSO_CHAIN_ROLES = {
  /** Trusts acme's ReadOnlyAccess role in 333333333333; MaxSessionDuration 1 h. */
  deployer: 'arn:aws:iam::333333333333:role/Deployer',
  /** Trusts the same role, with ExternalId `audit-2026`. */
  thirdPartyAudit: 'arn:aws:iam::444444444444:role/ThirdPartyAudit',
} as const;

export const SSO_EXTERNAL_IDS = { thirdPartyAudit: 'audit-2026' } as const;

/** acme's ReadOnlyAccess role in acme-prod: the principal both chain roles trust. */
export const ACME_PROD_READONLY_ROLE = ssoRoleArn(acmeDirectory, ACME.accounts.prod, 'ReadOnlyAccess');
