/**
 * Who a console session is, in the forms the console-switch code needs: the identity a role's trust policy is
 * matched against, and what the page's `ConsoleNavService.AccountInfo` says (the object AWS Extend Switch Roles
 * reads in the page's own JavaScript context; field names from its v6 source, see README.md "Console switch-role:
 * what the real console does").
 */
import type { ConsoleIdentity, ConsoleSession } from './state.js';

/** The console shows a 12-digit account id as `1111-2222-3333`; anything else (an alias) as it is. */
export function accountLabelOf(account: string): string {
  const m = /^(\d{4})(\d{4})(\d{4})$/.exec(account);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : account;
}

/** The identity the session acts as now (for a switched session: the role it switched to). */
export function identityOf(session: ConsoleSession): ConsoleIdentity {
  const user = session.principalKind === 'user';
  return {
    kind: user ? 'user' : 'role',
    partition: session.partition,
    account: session.account,
    principalArn: session.roleArn,
    arn: session.assumedRoleArn,
    name: session.roleName,
    sessionName: session.sessionName,
    mfa: session.mfa ?? false,
    accountLabel: session.accountLabel ?? accountLabelOf(session.account),
  };
}

/** The identity signed in before any switch-role (the session's own identity when it was never switched). */
export function loginIdentityOf(session: ConsoleSession): ConsoleIdentity {
  return session.switchedRole?.login ?? identityOf(session);
}

/** How the console names an identity: the user name, or `<role>/<session>` for a role session. */
export function userLabelOf(identity: ConsoleIdentity): string {
  return identity.kind === 'user' ? identity.name : `${identity.name}/${identity.sessionName}`;
}

/**
 * `ConsoleNavService.AccountInfo`: the signed-in identity (`loginDisplayName*`), and after a switch-role the role
 * (`roleDisplayNameAccount` as the switch gave it, `roleDisplayNameUser` the role's name without its path).
 */
export interface ConsoleAccountInfo {
  loginDisplayNameAccount: string;
  loginDisplayNameUser: string;
  roleDisplayNameAccount?: string;
  roleDisplayNameUser?: string;
}

export function accountInfoOf(session: ConsoleSession): ConsoleAccountInfo {
  const login = loginIdentityOf(session);
  const info: ConsoleAccountInfo = {
    loginDisplayNameAccount: login.accountLabel,
    loginDisplayNameUser: userLabelOf(login),
  };
  if (session.switchedRole) {
    info.roleDisplayNameAccount = accountLabelOf(session.switchedRole.accountAsGiven);
    info.roleDisplayNameUser = session.roleName;
  }
  return info;
}
