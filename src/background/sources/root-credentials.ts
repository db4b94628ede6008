/**
 * The one interface the sign-in flow calls for the first link of a chain: the credentials the first role is
 * assumed with (or, for an Identity Center profile signed in as itself, the console's credentials). Each source
 * lives in its own folder beside this file: `keys/` (vault keys, MFA) and `sso/` (IAM Identity Center).
 */
import type { ConfigModel, RoleProfile } from '../../core/config/index';
import type { SignInStep } from '../../messages';
import type { MfaToken, RootCredentials } from '../sign-in/assume-chain';
import { VAULT_KEYS_FORBIDDEN, type ManagedPolicy } from '../../core/managed-policy';
import { callerSessionName } from '../../core/session-name';
import { loadManagedPolicy } from '../config/managed';
import { SignInError } from '../sign-in/sign-in-error';
import { getCallerIdentity } from '../aws/sts-identity';
import { keyRootCredentials } from './keys/key-credentials';
import { ssoRoleCredentials } from './sso/sso-credentials';

export interface RootRequest {
  config: ConfigModel;
  /** The root of the chain (`chain[0]`). */
  source: string;
  /** The organisation's policy, as the sign-in read it at its start (read here when not given). */
  policy?: Promise<ManagedPolicy | undefined>;
  /** The roles to assume, root outwards (none when the target is the source itself, an Identity Center profile). */
  hops: RoleProfile[];
  /** Console seconds the sign-in wants: an MFA session serves only up to 1 hour. */
  wantedSeconds: number;
  /** The code the person typed, when the popup asked for one. */
  mfaCode?: string;
  /** A person started this sign-in and can answer a prompt (false for an automatic renewal). */
  interactive?: boolean;
  /** Told when a network step starts, for the popup's progress line; `userCode` for an Identity Center approval. */
  onStep?: (step: SignInStep, detail?: { userCode: string }) => void;
  /** Told a sentence to show under the sign-in's result (a fallback that happened). */
  onNote?: (note: string) => void;
}

export interface RootResult {
  root: RootCredentials;
  /** The MFA device and code to send with a hop's AssumeRole (only when assuming from the long-term keys). */
  mfaFor: (hop: RoleProfile, index: number) => MfaToken | undefined;
  /** Turns a failure of the chain into the error to show, dropping an MFA session AWS no longer accepts. */
  failed: (error: unknown) => Promise<unknown>;
}

export async function rootCredentials(request: RootRequest): Promise<RootResult> {
  const sso = request.config.sources.find((s) => s.name === request.source && s.kind === 'sso');
  if (sso?.kind !== 'sso') {
    // Keys kept before the organisation's policy forbade them are not used either.
    if ((await (request.policy ?? loadManagedPolicy()))?.allowVaultKeys === false) throw new SignInError('forbidden-by-policy', VAULT_KEYS_FORBIDDEN);
    return keyRootCredentials(request);
  }
  const role = await ssoRoleCredentials(request.config, sso, {
    interactive: request.interactive ?? true,
    onCode: (userCode) => request.onStep?.('sso-approve', { userCode }),
    onStep: () => request.onStep?.('getting-role-credentials'),
    ...(request.onNote && { onNote: request.onNote }),
  });
  return {
    root: {
      credentials: role.credentials, temporary: true, source: request.source, expiresAt: role.expiresAt,
      // AWS names the permission set's session after the person: a role chained on it carries the same name.
      callerName: (region) => getCallerIdentity(region, role.credentials, AbortSignal.timeout(10_000))
        .then((identity) => callerSessionName(identity.arn), () => undefined),
    },
    mfaFor: () => undefined,
    failed: (error) => Promise.resolve(error),
  };
}
