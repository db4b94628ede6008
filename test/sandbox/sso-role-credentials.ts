/**
 * The portal's GetRoleCredentials: temporary credentials of the permission set's role in the account, issued into
 * the same store as STS's, so STS (AssumeRole from them is role chaining, capped at 1 h) and the federation
 * endpoint (a role session; no SessionDuration, as for other temporary base credentials) accept them.
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html
 */
import { roleId } from './ids.js';
import { issueCredentials } from './issue.js';
import type { SsoDirectory, SsoUser } from './sso-seed.js';
import { directoryPartition, ssoRoleArn, ssoRoleName } from './sso-seed.js';
import { permissionSetDuration } from './sso-lookup.js';
import type { IssuedCredentials, SandboxState } from './state.js';

export function ssoRoleCredentials(
  state: SandboxState,
  directory: SsoDirectory,
  user: SsoUser,
  accountId: string,
  permissionSet: string,
): IssuedCredentials {
  const partition = directoryPartition(directory);
  const roleArn = ssoRoleArn(directory, accountId, permissionSet);
  // Identity Center names the session after the user.
  const sessionName = user.username;
  const assumedRoleArn = `arn:${partition}:sts::${accountId}:assumed-role/${ssoRoleName(directory, accountId, permissionSet)}/${sessionName}`;
  const seconds = state.sso.roleCredentialLifetimeSeconds ?? permissionSetDuration(directory, permissionSet);
  return issueCredentials(
    state,
    {
      kind: 'role',
      partition,
      account: accountId,
      roleArn,
      assumedRoleArn,
      userId: `${roleId(roleArn)}:${sessionName}`,
      sessionName,
      chained: false,
      mfa: false,
      fromSso: true,
    },
    seconds,
  );
}
