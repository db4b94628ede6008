/**
 * Which roles a console tab can switch to with the console's own switch-role (issue 13), by the rules of AWS Extend
 * Switch Roles, whose configurations people paste as they are (AESR v6 `current_context.js` and its profile set;
 * see test/sandbox/README.md, "Console switch-role: what the real console does"):
 * - The console's identity: `ConsoleNavService.AccountInfo` (a page variable): the login account (`1111-2222-3333`
 *   or an alias, as typed at sign-in) and user (`alice`, `<role>/<session>`, or `AWSReservedSSO_<set>_<hash>/<user>`);
 *   in multi-session mode a switched session's `roleDisplayName*` is the base, since its switches chain from it.
 * - A base section (an `aws_account_id`, with an optional `role_name`) matches when its account (id or alias) is
 *   the console's account and, when it names a role, that role is the console's (for Identity Center, the
 *   permission-set name without the `AWSReservedSSO_` prefix and hash). Its targets (the roles that name it as
 *   `source_profile`) are offered.
 * - Roles with no `source_profile` that are no one's base ("singles") are offered on every console.
 * Pure: no browser API.
 */
import type { ConfigModel } from '../config/index';

export interface ConsoleAccountInfo {
  loginDisplayNameAccount?: string;
  loginDisplayNameUser?: string;
  roleDisplayNameAccount?: string;
  roleDisplayNameUser?: string;
}

/** The identity switches start from: an account (12 digits, or an alias as typed) and the role or user name. */
export interface ConsoleBase {
  account: string;
  /** A role's name (also an Identity Center permission set's), or an IAM user's. */
  name: string;
}

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]+$/;

export function consoleBase(info: ConsoleAccountInfo, multiSession: boolean): ConsoleBase | undefined {
  const switched = multiSession && info.roleDisplayNameAccount && info.roleDisplayNameUser;
  const account = switched ? info.roleDisplayNameAccount : info.loginDisplayNameAccount;
  const user = switched ? info.roleDisplayNameUser : info.loginDisplayNameUser;
  if (!account || !user) return undefined;
  const first = user.split('/')[0] ?? user;
  const sso = SSO_ROLE.exec(first);
  return { account: normalizeAccount(account), name: sso?.[1] ?? first };
}

/** `1111-2222-3333` → `111122223333`; an alias stays as it is, compared without case. */
export function normalizeAccount(text: string): string {
  const trimmed = text.trim();
  return /^\d{4}-\d{4}-\d{4}$/.test(trimmed) ? trimmed.replace(/-/g, '') : trimmed.toLowerCase();
}

export interface SwitchOffer {
  /** Targets of the base sections that match this console, in configuration order. */
  targets: string[];
  /** Roles with no source that are no one's base: offered on every console. */
  singles: string[];
  /** The base sections that matched. */
  bases: string[];
}

export function switchOffer(model: ConfigModel, base: ConsoleBase): SwitchOffer {
  const namedAsSource = new Set(model.roles.flatMap((role) => (role.sourceProfile !== undefined ? [role.sourceProfile] : [])));
  const bases: string[] = [];
  for (const source of model.sources) {
    if (source.kind !== 'keys' || !namedAsSource.has(source.name)) continue;
    if (accountMatches(base.account, source.accountId, source.accountAlias)) bases.push(source.name);
  }
  for (const role of model.roles) {
    if (!namedAsSource.has(role.name) || role.sourceProfile !== undefined) continue;
    if (accountMatches(base.account, role.accountId, role.accountAlias) && role.roleName === base.name) bases.push(role.name);
  }
  const matched = new Set(bases);
  return {
    bases,
    targets: model.roles.filter((role) => role.sourceProfile !== undefined && matched.has(role.sourceProfile)).map((role) => role.name),
    singles: model.roles
      .filter((role) => role.sourceProfile === undefined && !namedAsSource.has(role.name) && !role.identityCenter)
      .map((role) => role.name),
  };
}

function accountMatches(console: string, accountId: string | undefined, alias: string | undefined): boolean {
  return [accountId, alias].some((value) => value !== undefined && normalizeAccount(value) === console);
}
