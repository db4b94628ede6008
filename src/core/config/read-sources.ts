/**
 * Sections that are where credentials come from: long-term keys (or an AESR base account), IAM Identity Center
 * profiles, and `[sso-session]` sections.
 * SSO settings: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html
 */
import { isAccountId } from '../arn';
import type { KeySource, RoleProfile, SsoSession, SsoSource } from './model';
import { regionPartition } from './values';
import type { Section } from './sections';
import * as check from './checks';

export function readKeySource(section: Section): KeySource {
  const source: KeySource = { kind: 'keys', name: section.name, line: section.line };
  const set = <K extends keyof KeySource>(key: K, value: KeySource[K] | undefined): void => {
    if (value !== undefined) source[key] = value;
  };
  const account = section.values.get('aws_account_id');
  if (account && !isAccountId(account.value)) {
    // AESR matches a base account by id or alias; nothing here assumes a role with it, so it only warns.
    section.report.add('source-account-alias', account.line,
      `aws_account_id = ${account.value} is not a 12-digit account id: write the id in aws_account_id and ` +
      `keep an alias in aws_account_alias = <alias>.`);
  }
  set('accountId', account?.value);
  set('accountAlias', check.text(section, 'aws_account_alias'));
  set('region', check.region(section));
  set('mfaSerial', check.mfaSerial(section));
  set('color', check.color(section));
  set('targetRoleName', check.roleName(section, 'target_role_name'));
  set('targetRegion', check.region(section, 'target_region'));
  return source;
}

/** An SSO profile, before its `sso_session` is looked up. */
export interface SsoDraft {
  kind: 'sso';
  section: Section;
  sessionName?: string;
  /** The legacy form's own start URL and region. */
  startUrl?: string;
  ssoRegion?: string;
  accountId?: string;
  roleName?: string;
  region?: string;
  display: Pick<SsoSource, 'accountAlias' | 'color' | 'marker' | 'image' | 'group' | 'destination'>;
}

export function readSsoSource(section: Section): SsoDraft {
  const draft: SsoDraft = { kind: 'sso', section, display: {} };
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K] | undefined): void => {
    if (value !== undefined) draft[key] = value;
  };
  const session = check.text(section, 'sso_session');
  set('sessionName', session);
  if (session === undefined) {
    set('startUrl', check.startUrl(section));
    set('ssoRegion', check.region(section, 'sso_region'));
  } else {
    for (const key of ['sso_start_url', 'sso_region']) {
      const line = section.present.get(key);
      if (line !== undefined) {
        section.report.add('sso-key-ignored', line,
          `${key} is ignored because this profile uses sso_session = ${session}, which has its own: delete the ` +
          `${key} line, or change it in [sso-session ${session}].`);
      }
    }
  }
  set('accountId', check.accountId(section, 'sso_account_id'));
  set('roleName', check.roleName(section, 'sso_role_name', false));
  set('region', check.region(section));
  const display = draft.display;
  const show = <K extends keyof SsoDraft['display']>(key: K, value: SsoDraft['display'][K] | undefined): void => {
    if (value !== undefined) display[key] = value;
  };
  show('accountAlias', check.text(section, 'aws_account_alias'));
  show('color', check.color(section));
  show('marker', check.marker(section));
  show('image', check.image(section));
  show('group', check.text(section, 'group'));
  show('destination', check.destination(section));

  const missing = (session === undefined ? ['sso_start_url', 'sso_region'] : [])
    .concat(['sso_account_id', 'sso_role_name'])
    .filter((key) => !section.values.has(key));
  if (missing.length > 0) {
    const hint = session === undefined && missing.includes('sso_start_url')
      ? ' (or sso_session = <name of an [sso-session] section> in place of sso_start_url and sso_region)'
      : '';
    section.report.add('incomplete-sso', section.line,
      `This IAM Identity Center profile lacks ${missing.join(', ')}: add ${missing.map(example).join(', ')}${hint}.`);
  }
  for (const key of ['target_role_name', 'target_region']) {
    const line = section.present.get(key);
    if (line !== undefined) {
      section.report.add('target-ignored', line,
        `${key} is ignored in an IAM Identity Center profile: set role_name or region in each role that names ` +
        `this profile as source_profile instead.`);
    }
  }
  return draft;
}

export function readSsoSession(section: Section): SsoSession | undefined {
  const startUrl = check.startUrl(section);
  const region = check.region(section, 'sso_region');
  const missing = ['sso_start_url', 'sso_region'].filter((key) => !section.values.has(key));
  if (missing.length > 0) {
    section.report.add('incomplete-sso-session', section.line,
      `This sso-session lacks ${missing.join(' and ')}: add ${missing.map(example).join(' and ')}.`);
  }
  if (startUrl === undefined || region === undefined || section.report.failed) return undefined;
  const session: SsoSession = { name: section.name, line: section.line, startUrl, region };
  const scopes = check.text(section, 'sso_registration_scopes');
  if (scopes !== undefined) session.registrationScopes = scopes;
  return session;
}

/** Completes an SSO profile with its start URL and region; undefined when they are missing. */
export function toSsoSource(draft: SsoDraft, session: SsoSession | undefined): SsoSource | undefined {
  const startUrl = session?.startUrl ?? draft.startUrl;
  const ssoRegion = session?.region ?? draft.ssoRegion;
  const { accountId, roleName } = draft;
  if (!startUrl || !ssoRegion || !accountId || !roleName) return undefined;
  const source: SsoSource = {
    kind: 'sso', name: draft.section.name, line: draft.section.line, startUrl, ssoRegion, accountId, roleName,
  };
  if (draft.sessionName !== undefined) source.sessionName = draft.sessionName;
  if (draft.region !== undefined) source.region = draft.region;
  return { ...source, ...draft.display };
}

/**
 * An Identity Center profile as a role the popup lists: its permission set in its account, signed in with
 * GetRoleCredentials and no AssumeRole (its chain is itself). The partition follows the Identity Center region.
 */
export function ssoRole(source: SsoSource): RoleProfile {
  const partition = regionPartition(source.ssoRegion);
  const role: RoleProfile = {
    name: source.name,
    line: source.line,
    accountId: source.accountId,
    roleName: source.roleName,
    rolePath: '/',
    roleArn: `arn:${partition}:iam::${source.accountId}:role/${source.roleName}`,
    partition,
    chain: [source.name],
    identityCenter: {
      startUrl: source.startUrl, ssoRegion: source.ssoRegion, ...(source.sessionName !== undefined && { sessionName: source.sessionName }),
    },
  };
  for (const key of ['region', 'accountAlias', 'color', 'marker', 'image', 'group', 'destination'] as const) {
    const value = source[key];
    if (value !== undefined) role[key] = value;
  }
  return role;
}

function example(key: string): string {
  switch (key) {
    case 'sso_start_url':
      return 'sso_start_url = https://<your portal>.awsapps.com/start';
    case 'sso_region':
      return 'sso_region = <region of IAM Identity Center, like us-east-1>';
    case 'sso_account_id':
      return 'sso_account_id = <12-digit account id>';
    default:
      return 'sso_role_name = <permission set name>';
  }
}
