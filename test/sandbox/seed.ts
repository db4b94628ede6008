/**
 * The sandbox's organisation: accounts, IAM users with access keys and MFA devices, and roles with trust rules.
 *
 * A seed is plain data so a test can read it (`demoSeed.users.find(...)`) or build its own. The named constants
 * below (ALICE, BOB, ROLES, ...) are the same values as in `demoSeed`, for tests that want them by name.
 * Every key here is fake and only ever valid against this sandbox.
 */

import { ACME, ACME_PROD_READONLY_ROLE, demoSsoDirectories, SSO_CHAIN_ROLES, SSO_EXTERNAL_IDS, type SsoDirectory } from './sso-seed.js';

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface SeedAccount {
  id: string;
  alias: string;
  name: string;
  /** Defaults to 'aws'. An account lives in exactly one partition; its ARNs start `arn:<partition>:`. */
  partition?: Partition;
}

export interface SeedAccessKey {
  /** 20 characters, `AKIA` + 16 upper-case letters/digits, like real long-term IAM keys. */
  accessKeyId: string;
  /** 40 characters, like real secrets. */
  secretAccessKey: string;
  /** An inactive key answers InvalidClientTokenId, as IAM's deactivated keys do. */
  active: boolean;
}

export interface SeedMfaDevice {
  /** The virtual MFA device ARN, `arn:aws:iam::<account>:mfa/<name>`: what `SerialNumber` must be. */
  serial: string;
  /** Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s), as an authenticator app would be given. */
  totpSecret: string;
}

export interface SeedUser {
  account: string;
  name: string;
  accessKeys: SeedAccessKey[];
  mfa?: SeedMfaDevice;
  /** Console password (the IAM-user sign-in page, iam-signin.ts); none: the user cannot sign in to the console. */
  password?: string;
}

export interface SeedTrust {
  /**
   * Who may assume the role: user ARNs, role ARNs (for role chaining), `arn:<p>:iam::<account>:root` for any
   * principal of that account (what a trust policy's `"AWS": "<account id>"` means), or `*`.
   */
  principals: string[];
  /** When set, AssumeRole must pass this exact `ExternalId` (the `sts:ExternalId` condition). */
  externalId?: string;
  /** When true, the caller must have authenticated with MFA (the `aws:MultiFactorAuthPresent` condition). */
  mfaRequired?: boolean;
}

export interface SeedRole {
  /** `arn:<partition>:iam::<account>:role[/path/]<name>` */
  arn: string;
  /** Seconds, 3600 to 43200; IAM's default is 3600. */
  maxSessionDuration?: number;
  trust: SeedTrust;
}

export interface Seed {
  accounts: SeedAccount[];
  users: SeedUser[];
  roles: SeedRole[];
  /** IAM Identity Center directories (sso-seed.ts); none when absent. */
  sso?: SsoDirectory[];
}

// ---------------------------------------------------------------------------------------------------------------
// The demo organisation.

export const ACCOUNTS = {
  identity: '111111111111',
  dev: '222222222222',
  prod: '333333333333',
  audit: '444444444444',
  gov: '555555555555',
  cn: '666666666666',
} as const;

export const ALICE = {
  arn: 'arn:aws:iam::111111111111:user/alice',
  account: ACCOUNTS.identity,
  accessKeyId: 'AKIAALICEEXAMPLE0001',
  secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/alice',
  /** Base32; compute codes with `totp(ALICE.totpSecret)` from `./mfa.js`. */
  totpSecret: 'JBSWY3DPEHPK3PXPALICEMFAEXAMPLE2',
  /** Console password; her console sign-in also asks for the MFA code. */
  password: 'alice-console-Passw0rd!',
} as const;

/**
 * The smallest configuration that signs in against this seed: alice's keys as the source (the tests save them) and
 * the Developer role, which trusts her, in eu-west-1 as `demo-dev`.
 */
export const ALICE_DEV_CONFIG = `
[alice]

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
`;

/** A console-only IAM user: password, no MFA device, no access keys (organisations that forbid keys). */
export const CAROL = {
  arn: 'arn:aws:iam::111111111111:user/carol',
  account: ACCOUNTS.identity,
  name: 'carol',
  password: 'carol-console-Passw0rd!',
} as const;

export const BOB = {
  arn: 'arn:aws:iam::111111111111:user/bob',
  account: ACCOUNTS.identity,
  accessKeyId: 'AKIABOBEXAMPLE000001',
  secretAccessKey: 'bObSeCrEtKeY/EXAMPLE+0000000000000000001',
  /** Deactivated in IAM: any call signed with it answers InvalidClientTokenId. */
  inactiveAccessKeyId: 'AKIABOBEXAMPLE000002',
  inactiveSecretAccessKey: 'bObOlDsEcReT/EXAMPLE+0000000000000000002',
} as const;

export const GOV_USER = {
  arn: 'arn:aws-us-gov:iam::555555555555:user/gov-user',
  account: ACCOUNTS.gov,
  accessKeyId: 'AKIAGOVEXAMPLE000001',
  secretAccessKey: 'gOvSeCrEtKeY/EXAMPLE+0000000000000000001',
} as const;

export const CN_USER = {
  arn: 'arn:aws-cn:iam::666666666666:user/cn-user',
  account: ACCOUNTS.cn,
  accessKeyId: 'AKIACNUSEREXAMPLE001',
  secretAccessKey: 'cNsEcReTkEy/EXAMPLE+00000000000000000001',
} as const;

export const ROLES = {
  /** Trusts every principal of 111111111111; MaxSessionDuration 12 h. */
  developer: 'arn:aws:iam::222222222222:role/Developer',
  /** A role with a path. Trusts only the Developer role (chaining), needs ExternalId `deploy-42`. */
  deployer: 'arn:aws:iam::222222222222:role/ops/Deployer',
  /** Trusts every principal of 111111111111; MaxSessionDuration 1 h. */
  readOnly: 'arn:aws:iam::333333333333:role/ReadOnly',
  /** Trusts every principal of 111111111111; MaxSessionDuration 4 h (between the 1 h retry and a 12 h ask). */
  operator: 'arn:aws:iam::333333333333:role/Operator',
  /** Trusts alice only, and only with MFA. */
  admin: 'arn:aws:iam::333333333333:role/Admin',
  /** Trusts every principal of 111111111111 with ExternalId `audit-7f3a`. */
  auditor: 'arn:aws:iam::444444444444:role/Auditor',
  /** Third hop of Developer -> ops/Deployer -> Chain3; MaxSessionDuration 12 h, but chaining caps it at 1 h. */
  chain3: 'arn:aws:iam::444444444444:role/Chain3',
  /** Trusts only 444444444444: nobody of 111111111111 may switch to it (the console's refusal). */
  breakGlass: 'arn:aws:iam::222222222222:role/BreakGlass',
  govReader: 'arn:aws-us-gov:iam::555555555555:role/GovReader',
  cnReader: 'arn:aws-cn:iam::666666666666:role/CnReader',
} as const;

export const EXTERNAL_IDS = {
  auditor: 'audit-7f3a',
  deployer: 'deploy-42',
} as const;

export const demoSeed: Seed = {
  accounts: [
    { id: ACCOUNTS.identity, alias: 'demo-identity', name: 'Identity (users live here)' },
    { id: ACCOUNTS.dev, alias: 'demo-dev', name: 'Development' },
    { id: ACCOUNTS.prod, alias: 'demo-prod', name: 'Production' },
    { id: ACCOUNTS.audit, alias: 'demo-audit', name: 'Audit' },
    { id: ACCOUNTS.gov, alias: 'demo-gov', name: 'GovCloud', partition: 'aws-us-gov' },
    { id: ACCOUNTS.cn, alias: 'demo-cn', name: 'China', partition: 'aws-cn' },
    // Reached only through Identity Center (acme-sandbox).
    { id: ACME.accounts.sandbox, alias: 'acme-sandbox', name: 'Sandbox' },
  ],
  users: [
    {
      account: ALICE.account,
      name: 'alice',
      accessKeys: [{ accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, active: true }],
      mfa: { serial: ALICE.mfaSerial, totpSecret: ALICE.totpSecret },
      password: ALICE.password,
    },
    { account: CAROL.account, name: CAROL.name, accessKeys: [], password: CAROL.password },
    {
      account: BOB.account,
      name: 'bob',
      accessKeys: [
        { accessKeyId: BOB.accessKeyId, secretAccessKey: BOB.secretAccessKey, active: true },
        { accessKeyId: BOB.inactiveAccessKeyId, secretAccessKey: BOB.inactiveSecretAccessKey, active: false },
      ],
    },
    {
      account: GOV_USER.account,
      name: 'gov-user',
      accessKeys: [{ accessKeyId: GOV_USER.accessKeyId, secretAccessKey: GOV_USER.secretAccessKey, active: true }],
    },
    {
      account: CN_USER.account,
      name: 'cn-user',
      accessKeys: [{ accessKeyId: CN_USER.accessKeyId, secretAccessKey: CN_USER.secretAccessKey, active: true }],
    },
  ],
  roles: [
    { arn: ROLES.developer, maxSessionDuration: 43200, trust: { principals: ['arn:aws:iam::111111111111:root'] } },
    {
      arn: ROLES.deployer,
      maxSessionDuration: 3600,
      trust: { principals: [ROLES.developer], externalId: EXTERNAL_IDS.deployer },
    },
    { arn: ROLES.readOnly, maxSessionDuration: 3600, trust: { principals: ['arn:aws:iam::111111111111:root'] } },
    { arn: ROLES.operator, maxSessionDuration: 14400, trust: { principals: ['arn:aws:iam::111111111111:root'] } },
    { arn: ROLES.admin, maxSessionDuration: 3600, trust: { principals: [ALICE.arn], mfaRequired: true } },
    {
      arn: ROLES.auditor,
      maxSessionDuration: 3600,
      trust: { principals: ['arn:aws:iam::111111111111:root'], externalId: EXTERNAL_IDS.auditor },
    },
    // 12 h allowed by the role, yet reached only by chaining: every session of it is capped at 1 h.
    { arn: ROLES.chain3, maxSessionDuration: 43200, trust: { principals: [ROLES.deployer] } },
    { arn: ROLES.breakGlass, maxSessionDuration: 3600, trust: { principals: ['arn:aws:iam::444444444444:root'] } },
    {
      arn: ROLES.govReader,
      maxSessionDuration: 3600,
      trust: { principals: ['arn:aws-us-gov:iam::555555555555:root'] },
    },
    { arn: ROLES.cnReader, maxSessionDuration: 3600, trust: { principals: ['arn:aws-cn:iam::666666666666:root'] } },
    // Chained from Identity Center role credentials (acme's ReadOnlyAccess in 333333333333).
    { arn: SSO_CHAIN_ROLES.deployer, maxSessionDuration: 3600, trust: { principals: [ACME_PROD_READONLY_ROLE] } },
    {
      arn: SSO_CHAIN_ROLES.thirdPartyAudit,
      maxSessionDuration: 3600,
      trust: { principals: [ACME_PROD_READONLY_ROLE], externalId: SSO_EXTERNAL_IDS.thirdPartyAudit },
    },
  ],
  sso: demoSsoDirectories,
};
