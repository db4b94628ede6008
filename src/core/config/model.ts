/**
 * The typed configuration: what `parseConfig` makes of the INI text and what `exportConfig` writes back.
 * The text format is in DESIGN.md ("Configuration"): AWS Extend Switch Roles (AESR) and `~/.aws/config`.
 */
import type { Partition } from '../arn';
import type { DiagnosticCode } from './diagnostics';

export type Severity = 'error' | 'warning';

/**
 * A read-only layer of the configuration in force, beside the person's own text (core/config/layers.ts): the
 * organisation's (the browser's enterprise policy) or a subscription (an https file). Absent: the person's own.
 */
export type LayerId = 'managed' | 'subscription';

export interface Diagnostic {
  /** 1-based line in the text; 0 only for a problem that belongs to no line. */
  line: number;
  /** The profile the problem belongs to; `sso-session <name>` for an `[sso-session]` section. */
  profile?: string;
  severity: Severity;
  /** What is wrong, and what to write instead. */
  message: string;
  /** Stable id, e.g. `missing-account`; the list is in diagnostics.ts. */
  code: DiagnosticCode;
}

/** One `key = value` line as the user wrote it: value without its comment, quotes kept. */
export interface Setting {
  key: string;
  value: string;
  /** Indented sub-settings of a key with no value (`s3 =` then `  max_concurrent_requests = 10`). */
  nested?: Setting[];
}

/**
 * How a section was written, so export can give back the user's text: header form, key order, values as typed
 * (quotes, colours without `#`), and the keys this extension does not use (`output`, `s3 =` blocks...).
 * Long-term keys are never kept here: the parser drops `aws_secret_access_key` and friends.
 */
export interface SectionLayout {
  /** `[profile x]` rather than `[x]`. */
  prefixed: boolean;
  settings: Setting[];
}

export interface RoleProfile {
  name: string;
  line: number;
  /** 12-digit account id; for a role written with an account alias (`accountIsAlias`), that alias. */
  accountId: string;
  /**
   * AESR: `aws_account_id` holds an account alias, not the id. The console's switch-role takes it (so the role works
   * from a console session), AssumeRole does not: a key-based or Identity Center sign-in through this role is
   * refused before any AWS call. `accountAlias` is set too (to the alias, unless `aws_account_alias` says otherwise).
   */
  accountIsAlias?: true;
  /** The role name alone, without its path. */
  roleName: string;
  /** `/` or `/a/b/`. */
  rolePath: string;
  /**
   * `arn:<partition>:iam::<account>:role<path><name>`. For an alias role the alias stands where the id goes: the
   * role as the console is asked to switch to it, for display and search; no AWS API takes it.
   */
  roleArn: string;
  /** From the ARN; for an alias role (which has no ARN), from its region, else `aws`. */
  partition: Partition;
  accountAlias?: string;
  region?: string;
  /** `#rrggbb`, lowercase. */
  color?: string;
  /** How the console is marked: `strong` or `thin` (checks.ts `marker`); another value is kept as written, thin. */
  marker?: string;
  image?: string;
  group?: string;
  externalId?: string;
  mfaSerial?: string;
  durationSeconds?: number;
  roleSessionName?: string;
  sourceIdentity?: string;
  /** A console path (`/ec2/home`), a service name (`s3`) or a console URL to open after sign-in. */
  destination?: string;
  /** AESR: the role name for profiles that name this one as `source_profile` and give none. May hold a path. */
  targetRoleName?: string;
  /** AESR: the region for profiles that name this one as `source_profile` and give none. */
  targetRegion?: string;
  /** The `source_profile` as written; absent when the role starts from `default` implicitly. */
  sourceProfile?: string;
  /**
   * Profile names from the root source to this role, inclusive: `['alice-keys', 'Developer', 'Deployer']`.
   * `chain[0]` is a key or SSO source; it may be `default` with no `[default]` section (its keys are in the vault).
   */
  chain: string[];
  /**
   * Set when this role is an IAM Identity Center profile itself (its permission set in its account): signed in
   * with GetRoleCredentials, no AssumeRole. `roleArn` is then the permission set's name as a role for display;
   * the IAM role AWS made for it is `aws-reserved/sso.amazonaws.com/AWSReservedSSO_<name>_<hash>`.
   */
  identityCenter?: { startUrl: string; ssoRegion: string; sessionName?: string };
  /** The read-only layer it comes from; absent for the person's own text. */
  layer?: LayerId;
  layout?: SectionLayout;
}

/** Long-term keys (held in the vault, never in the text), or an AESR base account. */
export interface KeySource {
  kind: 'keys';
  name: string;
  line: number;
  mfaSerial?: string;
  region?: string;
  /** As written; a warning is given when it is not 12 digits. */
  accountId?: string;
  accountAlias?: string;
  color?: string;
  /** AESR: the role name for profiles that name this one as `source_profile` and give none. May hold a path. */
  targetRoleName?: string;
  /** AESR: the region for profiles that name this one as `source_profile` and give none. */
  targetRegion?: string;
  layer?: LayerId;
  layout?: SectionLayout;
}

/** An IAM Identity Center profile: a role reached through an SSO sign-in. */
export interface SsoSource {
  kind: 'sso';
  name: string;
  line: number;
  startUrl: string;
  ssoRegion: string;
  accountId: string;
  roleName: string;
  /** The `[sso-session]` it uses; absent for the legacy form (`sso_start_url` and `sso_region` in the profile). */
  sessionName?: string;
  region?: string;
  /** Display keys, as for roles: an SSO profile is also a role the popup lists. */
  accountAlias?: string;
  color?: string;
  marker?: string;
  image?: string;
  group?: string;
  destination?: string;
  layer?: LayerId;
  layout?: SectionLayout;
}

export type Source = KeySource | SsoSource;

export interface SsoSession {
  name: string;
  line: number;
  startUrl: string;
  region: string;
  registrationScopes?: string;
  layout?: SectionLayout;
}

/**
 * A profile left out for its errors (a role, or an Identity Center profile): the popup lists it greyed out where it
 * would be, with `reason`, and opens the options page at it instead of signing in. The other profiles still work.
 */
export interface SkippedProfile {
  name: string;
  /** Its section's header line. */
  line: number;
  /** Its first error's message. */
  reason: string;
  /** Its `group`, as written. */
  group?: string;
  /**
   * Where its credentials would come from, as far as the text says (its `source_profile` followed through roles,
   * `default` without one; its own name for an Identity Center profile): the popup's group when it sets none.
   */
  source: string;
  layer?: LayerId;
}

export interface ConfigModel {
  roles: RoleProfile[];
  /** Role and Identity Center profiles with errors, in text order; none when the whole text is refused. */
  skipped: SkippedProfile[];
  sources: Source[];
  ssoSessions: SsoSession[];
  /** The person's own text's problems (line numbers of that text), with what the layers above it cost it. */
  diagnostics: Diagnostic[];
  /** The read-only layers merged in (core/config/layers.ts), each with its own problems; absent: the own text only. */
  layers?: LayerReport[];
}

/** A read-only layer as merged: what it gave and what is wrong in it (line numbers of its own text). */
export interface LayerReport {
  id: LayerId;
  group: string;
  label: string;
  roles: number;
  skipped: number;
  diagnostics: Diagnostic[];
}
