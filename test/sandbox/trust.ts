/**
 * Role trust policies, reduced to what the seed can say: who (Principal), `sts:ExternalId`, and
 * `aws:MultiFactorAuthPresent`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
 */
import { accountRootArn, type Partition } from './partitions.js';
import type { SeedRole } from './seed.js';
import { callerAccount, callerArn, callerPartition, callerPrincipalArn, type Caller } from './sts-auth.js';

export interface TrustInput {
  caller: Caller;
  externalId: string | undefined;
  /** MFA was proven in this call, or the caller's credentials carry it. */
  mfaPresent: boolean;
}

/** Why a trust check failed, for the sandbox log only: STS itself says the same AccessDenied for all of them. */
export type TrustFailure = 'principal' | 'external-id' | 'mfa';

/** Who asks, as a trust policy sees it: an STS caller, or a console session's identity (console switch-role). */
export interface TrustPrincipal {
  /** The IAM user's ARN, or the role's ARN for a role session. */
  principalArn: string;
  /** The user's ARN, or the assumed-role session ARN. */
  arn: string;
  account: string;
  partition: Partition;
}

export function checkTrust(role: SeedRole, input: TrustInput): TrustFailure | undefined {
  const { caller } = input;
  const who: TrustPrincipal = {
    principalArn: callerPrincipalArn(caller),
    arn: callerArn(caller),
    account: callerAccount(caller),
    partition: callerPartition(caller),
  };
  return checkTrustOf(role, who, input.externalId, input.mfaPresent);
}

/** The same rules for any principal (the console's switch-role has no ExternalId: a role that wants one refuses). */
export function checkTrustOf(
  role: SeedRole,
  who: TrustPrincipal,
  externalId: string | undefined,
  mfaPresent: boolean,
): TrustFailure | undefined {
  // Principal: the IAM user; for role sessions the role ARN (or the exact assumed-role session ARN); or the
  // account root, which stands for every principal of that account.
  const candidates = new Set([who.principalArn, who.arn, accountRootArn(who.partition, who.account), '*']);
  if (!role.trust.principals.some((p) => candidates.has(p))) return 'principal';

  // A role that wants an ExternalId refuses a call without one or with another; a role that wants none
  // ignores one (the condition simply is not there).
  if (role.trust.externalId !== undefined && externalId !== role.trust.externalId) return 'external-id';

  if (role.trust.mfaRequired && !mfaPresent) return 'mfa';
  return undefined;
}
