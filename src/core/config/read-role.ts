/**
 * One role section, read on its own: the role it names (`role_arn`, or AESR's `aws_account_id` + `role_name`)
 * and its options. What depends on other sections (the role name from a base account's `target_role_name`,
 * the chain) is settled in resolve-roles.ts.
 */
import { parseRoleArn, type RoleArn } from '../arn';
import type { RoleProfile } from './model';
import type { Section, Value } from './sections';
import * as check from './checks';

export type RoleOptions = Pick<RoleProfile,
  'accountAlias' | 'region' | 'color' | 'marker' | 'image' | 'group' | 'externalId' | 'mfaSerial' | 'durationSeconds' |
  'roleSessionName' | 'sourceIdentity' | 'destination' | 'targetRoleName' | 'targetRegion'>;

/**
 * Every field is there from the start (undefined until known), so all drafts share one shape and setting a field
 * later allocates nothing: a parse makes thousands of them.
 */
export interface RoleDraft {
  kind: 'role';
  section: Section;
  /** `source_profile` as written. */
  source: Value | undefined;
  /** From `role_arn`. */
  arn: RoleArn | undefined;
  /**
   * `role_arn` as written, when it is one: the very text formatRoleArn(arn) would make (the pattern matches it whole),
   * kept for the model instead of a formatted copy per role.
   */
  arnText: string | undefined;
  /** From `aws_account_id` (12 digits, or an alias: `accountIsAlias`), when there is no `role_arn`. */
  accountId: string | undefined;
  accountIsAlias: true | undefined;
  /** `role_name` as written, path included; undefined means "the source's `target_role_name`". */
  roleName: string | undefined;
  options: RoleOptions;
  /** Set by resolve-roles.ts: the chain from the root source (null when it is broken). */
  chain: string[] | null | undefined;
  /** Set by resolve-roles.ts: the role's number in the chain walks, to find loops. */
  walk: number | undefined;
  /** Set by resolve-roles.ts for a role more hops from its source than followed: the chain's start and its depth. */
  tooDeep: { shown: string[]; depth: number } | undefined;
}

export function readRole(section: Section): RoleDraft {
  const options = readOptions(section);
  const source = section.values.get('source_profile');
  const draft: RoleDraft = {
    kind: 'role', section, source, arn: undefined, arnText: undefined, accountId: undefined, accountIsAlias: undefined,
    roleName: undefined,
    options, chain: undefined, walk: undefined, tooDeep: undefined,
  };

  const arnText = check.text(section, 'role_arn');
  if (arnText !== undefined) {
    readArn(section, arnText, draft);
  } else {
    readAccountForm(section, draft);
  }

  const credentialSource = section.present.get('credential_source');
  if (credentialSource !== undefined && !source) {
    section.report.add('credential-source-ignored', credentialSource,
      `credential_source only works for the AWS CLI inside AWS, so this role starts from the keys of ` +
      `[default]: to start from another profile, add source_profile = <profile name>.`);
  }
  return draft;
}

/** What role_arn says already. */
const ARN_PARTS = ['aws_account_id', 'role_name'];

function readArn(section: Section, arnText: string, draft: RoleDraft): void {
  for (const key of ARN_PARTS) {
    const entry = section.values.get(key);
    if (entry) {
      section.report.add('role-arn-conflict', entry.line,
        `role_arn already names the account and the role, so ${key} = ${entry.value} says it twice: delete ` +
        `the ${key} line, or delete role_arn and use aws_account_id with role_name.`);
    }
  }
  const arn = parseRoleArn(arnText);
  if (arn) {
    draft.arn = arn;
    draft.arnText = arnText;
    return;
  }
  section.report.add('invalid-arn', check.lineOf(section, 'role_arn'),
    `role_arn = ${arnText} is not an IAM role ARN: write arn:aws:iam::<12-digit account id>:role/<role name> ` +
    `(arn:aws-cn:... in China, arn:aws-us-gov:... in GovCloud).`);
}

function readAccountForm(section: Section, draft: RoleDraft): void {
  const roleName = check.roleName(section, 'role_name');
  if (roleName !== undefined) draft.roleName = roleName;
  if (!section.values.has('aws_account_id')) {
    const written = section.values.get('role_name')?.value;
    const line = section.values.get('role_name')?.line ?? section.values.get('source_profile')?.line ?? section.line;
    section.report.add('missing-account', line, written !== undefined
      ? `role_name = ${written} needs the account it is in: add aws_account_id = <12-digit account id>, or ` +
        `write role_arn = arn:aws:iam::<12-digit account id>:role/${written} instead.`
      : `This profile names no role to assume: add role_arn = arn:aws:iam::<12-digit account id>:role/<role ` +
        `name>, or aws_account_id = <12-digit account id> with role_name = <role name>.`);
    return;
  }
  const account = check.roleAccount(section);
  if (!account) return;
  draft.accountId = account.value;
  if (account.alias) {
    draft.accountIsAlias = true;
    draft.options.accountAlias ??= account.value;
  }
}

function readOptions(section: Section): RoleOptions {
  // Literal property names in a fixed order: every role object gets the same fast shape.
  const options: RoleOptions = {};
  const accountAlias = check.text(section, 'aws_account_alias');
  if (accountAlias !== undefined) options.accountAlias = accountAlias;
  const region = check.region(section);
  if (region !== undefined) options.region = region;
  const color = check.color(section);
  if (color !== undefined) options.color = color;
  const marker = check.marker(section);
  if (marker !== undefined) options.marker = marker;
  const image = check.image(section);
  if (image !== undefined) options.image = image;
  const group = check.text(section, 'group');
  if (group !== undefined) options.group = group;
  const externalId = check.externalId(section);
  if (externalId !== undefined) options.externalId = externalId;
  const mfaSerial = check.mfaSerial(section);
  if (mfaSerial !== undefined) options.mfaSerial = mfaSerial;
  const durationSeconds = check.duration(section);
  if (durationSeconds !== undefined) options.durationSeconds = durationSeconds;
  const roleSessionName = check.sessionName(section);
  if (roleSessionName !== undefined) options.roleSessionName = roleSessionName;
  const sourceIdentity = check.sourceIdentity(section);
  if (sourceIdentity !== undefined) options.sourceIdentity = sourceIdentity;
  const destination = check.destination(section);
  if (destination !== undefined) options.destination = destination;
  const targetRoleName = check.roleName(section, 'target_role_name');
  if (targetRoleName !== undefined) options.targetRoleName = targetRoleName;
  const targetRegion = check.region(section, 'target_region');
  if (targetRegion !== undefined) options.targetRegion = targetRegion;
  return options;
}
