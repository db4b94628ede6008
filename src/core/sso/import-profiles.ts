/**
 * IAM Identity Center import: the accounts and permission sets a discovery found, written into the configuration
 * text as profiles for the person to review in the editor before saving (issue 12).
 *
 * - A profile for every (account, permission set) not configured yet, appended after the text, which is otherwise
 *   left exactly as it was (comments, order, mistakes and all).
 * - An existing profile for the same Identity Center (same sso_session, or the same start URL), account and
 *   permission set is kept as it is, whatever its name: never a duplicate.
 * - Profiles of that Identity Center whose account or permission set the discovery no longer found are reported as
 *   gone, never deleted: access may be missing only for now, and the profile may carry the person's own settings.
 * - No `region =`: an Identity Center profile signs in without one, and the console opens in the person's own last
 *   region; guessing one (the Identity Center's region) would be wrong for most accounts.
 */
import { groupFor, type Grouping } from './import-grouping';
import { existingSections, sameStartUrl, type ExistingSsoProfile } from './existing-profiles';
import { iniValue } from './ini-value';
import { ProfileNamer } from './profile-names';
import { isAccountId } from '../arn';

/** What the parser takes as sso_role_name; AWS's own rule is narrower (`[\w+=,.@-]{1,32}`, CreatePermissionSet's Name). */
const PERMISSION_SET = /^[\w+=,.@-]{1,64}$/;

/** An account and its permission sets, as `sso.discover` answers (the same shape as messages.ts's DiscoveredAccount). */
export interface DiscoveredAccount {
  accountId: string;
  accountName: string;
  roles: string[];
}

/** Where the profiles sign in: an `[sso-session]` by name, or the legacy start URL and region on each profile. */
export type ImportTarget =
  | { kind: 'session'; name: string }
  | { kind: 'legacy'; startUrl: string; region: string };

export interface ImportedProfile {
  name: string;
  accountId: string;
  accountName: string;
  roleName: string;
  group: string;
}

export interface GoneProfile {
  name: string;
  /** Its header's line in the text. */
  line: number;
  accountId: string;
  roleName: string;
}

export interface ImportResult {
  /** The configuration text with the new profiles appended; the text as given when nothing is new. */
  text: string;
  added: ImportedProfile[];
  /** Existing profiles that match an (account, permission set) of the discovery. */
  kept: number;
  gone: GoneProfile[];
  /** (account, permission set) pairs the discovery found. */
  found: number;
  /** Accounts the discovery found. */
  accounts: number;
}

export function importProfiles(text: string, target: ImportTarget, accounts: readonly DiscoveredAccount[], grouping: Grouping): ImportResult {
  const existing = existingSections(text);
  const mine = existing.ssoProfiles.filter((profile) => belongsTo(profile, target, existing.sessionStartUrls));
  const configured = new Set(mine.flatMap((p) => (p.accountId && p.roleName ? [pairKey(p.accountId, p.roleName)] : [])));

  const found = new Set<string>();
  const added: ImportedProfile[] = [];
  const namer = new ProfileNamer(existing.names);
  const label = sessionLabel(target);
  for (const account of sortedAccounts(accounts)) {
    // The portal answers 12-digit ids and permission set names; anything else could not be written as a profile
    // that parses, so it is left out rather than written broken.
    if (!isAccountId(account.accountId)) continue;
    for (const roleName of [...account.roles].sort()) {
      if (!PERMISSION_SET.test(roleName)) continue;
      const key = pairKey(account.accountId, roleName);
      if (found.has(key)) continue; // the same pair twice in a discovery
      found.add(key);
      if (configured.has(key)) continue;
      added.push({
        name: namer.name(account.accountName, account.accountId, roleName),
        accountId: account.accountId,
        accountName: account.accountName,
        roleName,
        group: groupFor(grouping, account.accountName, account.accountId, label),
      });
    }
  }
  const gone = mine.flatMap((p): GoneProfile[] =>
    p.accountId && p.roleName && !found.has(pairKey(p.accountId, p.roleName))
      ? [{ name: p.name, line: p.line, accountId: p.accountId, roleName: p.roleName }]
      : [],
  );
  const kept = mine.filter((p) => p.accountId && p.roleName && found.has(pairKey(p.accountId, p.roleName))).length;
  const accountCount = new Set(accounts.filter((a) => isAccountId(a.accountId)).map((a) => a.accountId)).size;
  return { text: added.length === 0 ? text : appendProfiles(text, target, added), added, kept, gone, found: found.size, accounts: accountCount };
}

/**
 * A profile is of this Identity Center when it names the session, or when its start URL (its own, or its
 * session's) is the same: a legacy profile and a session profile for one portal are the same account and role.
 */
function belongsTo(profile: ExistingSsoProfile, target: ImportTarget, sessions: Map<string, string>): boolean {
  if (target.kind === 'session' && profile.sessionName === target.name) return true;
  const url = target.kind === 'session' ? sessions.get(target.name) : target.startUrl;
  return url !== undefined && profile.startUrl !== undefined && sameStartUrl(profile.startUrl, url);
}

function pairKey(accountId: string, roleName: string): string {
  return `${accountId}\n${roleName}`;
}

/** By account name (then id), so the editor reads like the portal's list and the order is the same at every import. */
function sortedAccounts(accounts: readonly DiscoveredAccount[]): DiscoveredAccount[] {
  return [...accounts].sort((a, b) => compare(a.accountName.toLowerCase(), b.accountName.toLowerCase()) || compare(a.accountId, b.accountId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The name of the "one group for the session" choice: the session's name, or the portal's name in its start URL. */
export function sessionLabel(target: ImportTarget): string {
  if (target.kind === 'session') return target.name;
  try {
    const host = new URL(target.startUrl).hostname;
    // https://<name>.awsapps.com/start: the name is what people call their portal.
    return host.endsWith('.awsapps.com') ? host.slice(0, -'.awsapps.com'.length) : host;
  } catch {
    return target.startUrl;
  }
}

function appendProfiles(text: string, target: ImportTarget, added: readonly ImportedProfile[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const where = target.kind === 'session' ? `sso-session ${target.name}` : target.startUrl;
  const blocks = added.map((profile) => {
    const lines = [`[profile ${profile.name}]`];
    if (target.kind === 'session') lines.push(`sso_session = ${iniValue(target.name)}`);
    else lines.push(`sso_start_url = ${target.startUrl}`, `sso_region = ${target.region}`);
    lines.push(`sso_account_id = ${profile.accountId}`, `sso_role_name = ${profile.roleName}`, `group = ${iniValue(profile.group)}`);
    return lines.join(eol);
  });
  const head = text.trimEnd();
  const comment = `# IAM Identity Center (${where}): ${added.length} ${added.length === 1 ? 'profile' : 'profiles'} imported`;
  return `${head}${head === '' ? '' : eol + eol}${comment}${eol}${blocks.join(eol + eol)}${eol}`;
}
