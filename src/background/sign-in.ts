/**
 * One click to a console session: resolve the profile's chain to its root source, assume each hop, trade the
 * last credentials for a sign-in token, open the login URL.
 * Flow: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import type { RoleProfile } from '../core/config';
import { consoleHomeUrl, MAX_SESSION_DURATION } from '../core/federation';
import { loginForm } from '../core/login-form';
import { effectiveRegion } from '../core/partitions';
import type { OpenIn, SignInResult } from '../messages';
import { loadConfig } from './config-store';
import { getSigninToken } from './federation';
import type { MfaToken } from './assume-chain';
import { openLogin } from './login-launch';
import { rootCredentials } from './root-credentials';
import { SignInError } from './sign-in-error';
import { assumeRole, type AssumedRole, type Credentials } from './sts';

/** Default when a profile sets no `duration_seconds`: STS's own default. */
const DEFAULT_DURATION = 3_600;
/** Role chaining caps a session at one hour (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining). */
const CHAINED_MAX_DURATION = 3_600;
const DEFAULT_SESSION_NAME = 'role-switcher';

export async function signIn(profileName: string, openIn: OpenIn, mfaCode?: string): Promise<SignInResult> {
  const config = await loadConfig();
  const roles = new Map(config.roles.map((role) => [role.name, role]));
  const target = roles.get(profileName);
  if (!target) {
    throw new SignInError('unknown-profile', `There is no usable role profile named "${profileName}". Check the configuration on the options page.`);
  }
  const [rootSource, ...hopNames] = target.chain;
  if (rootSource === undefined || hopNames.length === 0) {
    throw new SignInError('invalid-config', `The profile "${profileName}" has no source to assume it from.`);
  }
  // Long-term keys from the vault, or an MFA session (root-credentials.ts); it may ask for the vault or a code.
  const single = hopNames.length === 1;
  const { root, mfaFor, failed } = await rootCredentials({
    config,
    source: rootSource,
    hops: hopNames.flatMap((name) => roles.get(name) ?? []),
    wantedSeconds: single ? durationFor(target, false) : CHAINED_MAX_DURATION,
    ...(mfaCode !== undefined && { mfaCode }),
  });

  let credentials: Credentials = root.credentials;
  let assumed: AssumedRole | undefined;
  try {
    for (const [index, hopName] of hopNames.entries()) {
      const hop = roles.get(hopName);
      if (!hop) {
        throw new SignInError('invalid-config', `The profile "${hopName}" in the chain of "${profileName}" is not a usable role.`);
      }
      // Temporary root credentials (an MFA session) make even the first hop a chained one.
      const chained = index > 0 || root.temporary;
      assumed = await assumeHop(hop, credentials, chained, rootSource, mfaFor(hop, index));
      credentials = assumed.credentials;
    }
  } catch (error) {
    throw await failed(error);
  }
  if (!assumed) throw new SignInError('internal', 'Nothing was assumed.');

  const region = effectiveRegion(target.partition, target.region);
  // SessionDuration is allowed only for a role assumed directly with long-term keys.
  const direct = single && !root.temporary;
  const sessionDuration = direct ? durationFor(target, false) : undefined;
  const { token } = await getSigninToken(target.partition, region, assumed.credentials, sessionDuration);
  const destination = consoleHomeUrl(target.partition, region);
  const tabId = await openLogin(loginForm(target.partition, region, token, destination), openIn);
  return {
    profile: profileName,
    assumedRoleArn: assumed.assumedRoleArn,
    expiresAt: assumed.expiresAt,
    ...(tabId !== undefined && { tabId }),
  };
}

function durationFor(role: RoleProfile, chained: boolean): number {
  const wanted = Math.min(Math.max(role.durationSeconds ?? DEFAULT_DURATION, 900), MAX_SESSION_DURATION);
  return chained ? Math.min(wanted, CHAINED_MAX_DURATION) : wanted;
}

async function assumeHop(hop: RoleProfile, credentials: Credentials, chained: boolean, source: string, mfa: MfaToken | undefined): Promise<AssumedRole> {
  const region = effectiveRegion(hop.partition, hop.region);
  try {
    return await assumeRole(region, credentials, {
      roleArn: hop.roleArn,
      roleSessionName: hop.roleSessionName ?? DEFAULT_SESSION_NAME,
      durationSeconds: durationFor(hop, chained),
      ...(hop.externalId !== undefined && { externalId: hop.externalId }),
      ...(hop.sourceIdentity !== undefined && { sourceIdentity: hop.sourceIdentity }),
      ...(mfa !== undefined && { serialNumber: mfa.serialNumber, tokenCode: mfa.tokenCode }),
    });
  } catch (error) {
    throw SignInError.fromSts(error, { roleArn: hop.roleArn, source });
  }
}
