/**
 * Shortcuts for tests that need a console session of a kind the sandbox's HTTP flows make in several steps.
 *
 * `identityCenterConsoleLoginUrl`: the federation login URL of an Identity Center permission set's role session
 * (`AWSReservedSSO_<PermissionSet>_<hash>/<user>`), as a browser gets from the access portal's "Management console"
 * link. Opening it (Playwright `page.goto`, or `CookieJar.fetch`) signs that browser in exactly as the long way
 * does (device authorization, GetRoleCredentials, getSigninToken, login), which also works and is tested in
 * console-switch.test.ts; this mints the role credentials and the sign-in token in the state directly.
 */
import { signinToken } from './ids.js';
import { PARTITION_INFO } from './partitions.js';
import { ssoRoleCredentials } from './sso-role-credentials.js';
import { ACME, directoryPartition } from './sso-seed.js';
import { assignedRoles, findDirectory, findSsoUser } from './sso-lookup.js';
import type { SandboxState, SigninTokenRecord } from './state.js';
import { SIGNIN_TOKEN_TTL_MS } from './federation.js';

export interface IdentityCenterConsoleLogin {
  /** Directory id; default acme's (`ACME.id`). */
  directoryId?: string;
  /** Default `jane`. */
  username?: string;
  account: string;
  permissionSet: string;
  /** A console URL of the directory's partition; default `https://console.aws.amazon.com/console/home`. */
  destination?: string;
}

export function identityCenterConsoleLoginUrl(state: SandboxState, login: IdentityCenterConsoleLogin): string {
  const directory = findDirectory(state.seed, login.directoryId ?? ACME.id);
  if (!directory) throw new Error(`no Identity Center directory ${login.directoryId ?? ACME.id}`);
  const user = findSsoUser(directory, login.username ?? ACME.username);
  if (!user) throw new Error(`no user ${login.username ?? ACME.username} in ${directory.name}`);
  if (!assignedRoles(user, login.account).includes(login.permissionSet)) {
    throw new Error(`${user.username} has no ${login.permissionSet} in ${login.account}`);
  }
  const creds = ssoRoleCredentials(state, directory, user, login.account, login.permissionSet);
  const partition = directoryPartition(directory);
  const now = state.now();
  const record: SigninTokenRecord = {
    token: signinToken(),
    partition,
    accessKeyId: creds.accessKeyId,
    account: creds.account,
    roleArn: creds.roleArn ?? '',
    assumedRoleArn: creds.assumedRoleArn ?? '',
    issuedAt: now,
    expiresAt: now + SIGNIN_TOKEN_TTL_MS,
    consoleExpiresAt: creds.expiresAt,
    uses: 0,
  };
  state.signinTokens.set(record.token, record);
  const info = PARTITION_INFO[partition];
  const params = new URLSearchParams({
    Action: 'login',
    Issuer: directory.startUrl,
    Destination: login.destination ?? `https://${info.consoleHost}/console/home`,
    SigninToken: record.token,
  });
  return `https://${info.signinHost}/federation?${params.toString()}`;
}
