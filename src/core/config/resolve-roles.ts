/**
 * Settles what a role owes to other sections: the role name and region its base account gives by default
 * (AESR's `target_role_name`/`target_region`), and its chain from the root source. Linear in the number of
 * profiles: each role is walked once, and a cycle is found the moment a walk meets itself.
 */
import { formatRoleArn, parseRoleArn, type Partition, type RoleArn } from '../arn';
import type { KeySource, RoleProfile, SsoSource } from './model';
import type { RoleDraft } from './read-role';
import type { Section } from './sections';
import { CHAINED_MAX_DURATION, isRegion, regionPartition } from './values';

/** A key or SSO source section; `source` is undefined when the section has errors. */
export interface SourceDraft {
  kind: 'keys' | 'sso';
  section: Section;
  source?: KeySource | SsoSource;
}

export type ProfileDraft = RoleDraft | SourceDraft;

/**
 * The most roles a chain follows beyond its source. AWS tools need a handful (aws-vault and the CLI chain role to
 * role, each hop capped at 1 hour); a deeper chain in a shared configuration only makes every role's chain, and
 * the model built from it, grow with the square of the depth.
 */
export const MAX_CHAIN_HOPS = 5;

/** A role without `source_profile` starts from the keys of `default`, as the AWS CLI does. */
export const DEFAULT_SOURCE = 'default';

const PARTITION_EXAMPLE: Record<Partition, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

function failed(draft: ProfileDraft): boolean {
  return draft.section.report.failed;
}

interface Identity {
  arn: RoleArn;
  region?: string;
}

export function resolveRoles(roles: RoleDraft[], profiles: ReadonlyMap<string, ProfileDraft>): RoleProfile[] {
  // By the role's index in `roles`.
  const identities: (Identity | undefined)[] = [];
  for (const draft of roles) identities.push(failed(draft) ? undefined : resolveIdentity(draft, profiles));
  resolveChains(roles, profiles);

  const result: RoleProfile[] = [];
  for (let i = 0; i < roles.length; i++) {
    const draft = roles[i];
    const identity = identities[i];
    if (!draft) continue;
    const chain = draft.chain;
    if (!identity || !chain || failed(draft)) continue;
    const role = buildRole(draft, identity.arn, chain, identity.region);
    warnAboutLimits(draft, role, profiles);
    result.push(role);
  }
  return result;
}

type Targets = Pick<KeySource, 'targetRoleName' | 'targetRegion'>;

/** AESR defaults from the section a role names as `source_profile` (a base account, or a role), as they are held. */
function targetsOf(draft: ProfileDraft | undefined): Targets | undefined {
  if (!draft || failed(draft)) return undefined;
  if (draft.kind === 'role') return draft.options;
  if (draft.source?.kind === 'keys') return draft.source;
  return undefined;
}

function identityOf(arn: RoleArn, region: string | undefined): Identity {
  return region === undefined ? { arn } : { arn, region };
}

function resolveIdentity(draft: RoleDraft, profiles: ReadonlyMap<string, ProfileDraft>): Identity | undefined {
  const sourceDraft = draft.source ? profiles.get(draft.source.value) : undefined;
  const targets = targetsOf(sourceDraft);
  const region = draft.options.region ?? targets?.targetRegion;
  if (draft.arn) return identityOf(draft.arn, region);
  if (draft.accountId === undefined) return undefined;

  const roleName = draft.roleName ?? targets?.targetRoleName;
  if (roleName === undefined) {
    // A missing or broken source is reported by the chain; its target_role_name is unknown until it is fixed.
    // (A missing `default` is no error: its keys are in the vault, and it gives no target_role_name.)
    const missing = !sourceDraft && draft.source?.value !== DEFAULT_SOURCE;
    if (draft.source && (missing || (sourceDraft && failed(sourceDraft)))) return undefined;
    const section = draft.section;
    section.report.add('missing-role-name', section.values.get('aws_account_id')?.line ?? section.line,
      `aws_account_id = ${draft.accountId} names the account but no role: add role_name = <role name>` +
      (draft.source ? `, or target_role_name = <role name> in [${draft.source.value}]` : '') + '.');
    return undefined;
  }
  if (draft.accountIsAlias) {
    // Checked with a stand-in id (the name and path rules are the ARN's), then the alias in the account's place.
    const checked = parseRoleArn(`arn:aws:iam::000000000000:role/${roleName}`);
    const partition = region !== undefined && isRegion(region) ? regionPartition(region) : 'aws';
    if (checked) return identityOf({ ...checked, partition, accountId: draft.accountId }, region);
  }
  const arn = draft.accountIsAlias ? undefined : parseRoleArn(`arn:aws:iam::${draft.accountId}:role/${roleName}`);
  if (arn) return identityOf(arn, region);
  // Unreachable while role names are checked where they are read; a role is never dropped without a word.
  draft.section.report.add('invalid-role-name', draft.section.line,
    `The role name ${roleName} cannot be used: write role_name = <role name>, in letters, digits and +=,.@_-.`);
  return undefined;
}

/**
 * Sets each role's chain from the root source; a role whose chain is broken gets one error saying why (missing
 * source, source with errors, loop), and a null chain.
 */
function resolveChains(roles: RoleDraft[], profiles: ReadonlyMap<string, ProfileDraft>): void {
  // Roles are numbered across all walks: meeting a role numbered in the current walk closes a loop.
  let walked = 0;
  const path: RoleDraft[] = [];
  for (const start of roles) {
    if (start.chain !== undefined || profiles.get(start.section.name) !== start) continue;
    path.length = 0;
    const walkStart = walked;
    let end: string[] | null = null;
    let deep: RoleDraft['tooDeep'];
    let cycleFrom = -1;
    for (let draft: RoleDraft | undefined = start; draft;) {
      draft.walk = walked++;
      path.push(draft);
      const next = step(draft, profiles);
      if (next.kind === 'done') {
        end = next.chain;
        deep = next.deep;
        break;
      }
      const seen = next.draft.walk;
      if (seen !== undefined && seen >= walkStart) {
        cycleFrom = seen - walkStart;
        reportCycle(path.slice(cycleFrom));
        break;
      }
      draft = next.draft;
    }
    // Unwind: the last role's outcome is known; each earlier one follows from the one after it.
    for (let i = path.length - 1; i >= 0; i--) {
      const draft = path[i];
      if (!draft) continue;
      if (cycleFrom >= 0 && i >= cycleFrom) {
        draft.chain = null;
      } else if (i === path.length - 1) {
        draft.chain = end && extend(draft, end);
        if (!end && deep) draft.chain = deeper(draft, deep);
      } else {
        const after = path[i + 1];
        const afterChain = after?.chain;
        if (afterChain && !failed(draft)) {
          draft.chain = extend(draft, afterChain);
        } else if (after?.tooDeep && !failed(draft)) {
          draft.chain = deeper(draft, after.tooDeep);
        } else {
          if (after && !failed(draft)) reportBroken(draft, after.section);
          draft.chain = null;
        }
      }
    }
  }
}

type Step = { kind: 'done'; chain: string[] | null; deep?: RoleDraft['tooDeep'] } | { kind: 'role'; draft: RoleDraft };

/** The chain of `draft` after its source's chain; null, with an error, when it is more than MAX_CHAIN_HOPS roles. */
function extend(draft: RoleDraft, before: string[]): string[] | null {
  if (before.length <= MAX_CHAIN_HOPS) return before.concat(draft.section.name);
  return deeper(draft, { shown: before.slice(0, MAX_CHAIN_HOPS + 1), depth: before.length - 1 });
}

/**
 * A role one hop beyond a role already too deep: the error names the start of the chain and how deep this role is
 * (never the whole chain, so a chain of thousands costs no more than a short one).
 */
function deeper(draft: RoleDraft, before: { shown: string[]; depth: number }): null {
  const section = draft.section;
  const depth = before.depth + 1;
  draft.tooDeep = { shown: before.shown, depth };
  const gap = depth > MAX_CHAIN_HOPS + 1 ? ' -> …' : '';
  section.report.add('chain-too-deep', draft.source?.line ?? section.line,
    `This role is ${depth} roles from its source (${before.shown.join(' -> ')}${gap} -> ${section.name}); ` +
    `a chain follows at most ${MAX_CHAIN_HOPS} roles beyond its source: point source_profile at a role nearer ` +
    `[${before.shown[0] ?? ''}].`);
  return null;
}

/** Where a role's source leads: a finished chain (or a dead end, already reported), or another role to walk. */
function step(draft: RoleDraft, profiles: ReadonlyMap<string, ProfileDraft>): Step {
  if (failed(draft)) return { kind: 'done', chain: null };
  const section = draft.section;
  const sourceName = draft.source?.value ?? (section.name === DEFAULT_SOURCE ? undefined : DEFAULT_SOURCE);
  if (sourceName === undefined) {
    section.report.add('default-without-source', section.line,
      `[default] is a role with no source_profile, but roles with no source_profile start from [default]: ` +
      `add source_profile = <profile with keys or SSO> here.`);
    return { kind: 'done', chain: null };
  }
  const source = profiles.get(sourceName);
  if (!source) {
    // The keys of `default` may live only in the vault (like ~/.aws/credentials), so no section is needed.
    if (sourceName === DEFAULT_SOURCE) return { kind: 'done', chain: [DEFAULT_SOURCE] };
    section.report.add('missing-source', draft.source?.line ?? section.line,
      `source_profile = ${sourceName} names no profile in this configuration: add a [profile ${sourceName}] ` +
      `section, or write the name of an existing profile.`);
    return { kind: 'done', chain: null };
  }
  if (source.kind === 'role') {
    const known = source.chain;
    if (known === undefined) return { kind: 'role', draft: source };
    if (known === null && source.tooDeep) return { kind: 'done', chain: null, deep: source.tooDeep };
    if (known === null) reportBroken(draft, source.section);
    return { kind: 'done', chain: known };
  }
  if (failed(source)) {
    reportBroken(draft, source.section);
    return { kind: 'done', chain: null };
  }
  return { kind: 'done', chain: [sourceName] };
}

function reportBroken(draft: RoleDraft, source: Section): void {
  const section = draft.section;
  const via = draft.source ? `source_profile = ${source.name}` : `This role starts from [${source.name}], which`;
  section.report.add('broken-source', draft.source?.line ?? section.line, draft.source
    ? `${via} cannot be used because [${source.name}] (line ${source.line}) has errors: fix them first.`
    : `${via} has errors (line ${source.line}): fix them first, or add source_profile = <another profile>.`);
}

function reportCycle(cycle: RoleDraft[]): void {
  const names = cycle.map((d) => d.section.name);
  const loop = [...names, names[0] ?? ''].join(' -> ');
  for (const draft of cycle) {
    const section = draft.section;
    section.report.add('source-cycle', draft.source?.line ?? section.line,
      `source_profile makes a loop (${loop}): point one of these profiles at a profile with keys or SSO.`);
  }
}

function buildRole(draft: RoleDraft, arn: RoleArn, chain: string[], region: string | undefined): RoleProfile {
  const role: RoleProfile = {
    name: draft.section.name,
    line: draft.section.line,
    accountId: arn.accountId,
    roleName: arn.name,
    rolePath: arn.path,
    roleArn: draft.arnText ?? formatRoleArn(arn),
    partition: arn.partition,
    ...(draft.accountIsAlias && { accountIsAlias: true as const }),
    ...draft.options,
    chain,
    layout: draft.section.layout,
  };
  // The role's own region is already in the options; this adds the one its base account gives.
  if (region !== undefined) role.region = region;
  if (draft.source) role.sourceProfile = draft.source.value;
  return role;
}

/** Warnings for settings that work, but not as written. */
function warnAboutLimits(draft: RoleDraft, role: RoleProfile, profiles: ReadonlyMap<string, ProfileDraft>): void {
  const section = draft.section;
  const sourceKind = profiles.get(role.chain[role.chain.length - 2] ?? '')?.kind;
  if (role.durationSeconds !== undefined && role.durationSeconds > CHAINED_MAX_DURATION
    && (sourceKind === 'role' || sourceKind === 'sso')) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html (role chaining)
    section.report.add('chained-duration', section.values.get('duration_seconds')?.line ?? section.line,
      `duration_seconds = ${role.durationSeconds}, but this role is assumed with temporary credentials ` +
      `(role chaining), which AWS caps at 1 hour: write duration_seconds = 3600 or less.`);
  }
  if (role.region !== undefined && isRegion(role.region) && regionPartition(role.region) !== role.partition) {
    section.report.add('region-partition', section.values.get('region')?.line ?? section.line,
      `region = ${role.region} is not in the ${role.partition} partition of this role: write a region of ` +
      `${role.partition}, like region = ${PARTITION_EXAMPLE[role.partition]}.`);
  }
}
