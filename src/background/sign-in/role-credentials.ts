/**
 * From a profile to its role's credentials, shared by the console sign-in (sign-in.ts) and the credentials copied
 * for a terminal (terminal.ts): the chain from its root source, the session name, and each hop assumed in turn.
 */
import type { ConfigModel, RoleProfile } from '../../core/config/index';
import { FALLBACK_SESSION_NAME } from '../../core/session-name';
import { assumeChain, type ChainResult, type MfaToken, type RootCredentials } from './assume-chain';
import { rememberDurations, type SignInMemory } from './sign-in-memory';
import { SignInError } from './sign-in-error';

export function resolveChain(config: ConfigModel, profile: string): { target: RoleProfile; hops: RoleProfile[]; rootSource: string } {
  const roles = new Map(config.roles.map((role) => [role.name, role]));
  const target = roles.get(profile);
  if (!target) {
    throw new SignInError('unknown-profile', `There is no usable role profile named "${profile}". Check the configuration on the options page.`);
  }
  const [rootSource, ...hopNames] = target.chain;
  // A chain of one is an Identity Center profile signed in as itself; any other role needs a source to assume from.
  if (rootSource === undefined || (hopNames.length === 0 && !target.identityCenter)) {
    throw new SignInError('invalid-config', `The profile "${profile}" has no source to assume it from.`);
  }
  const hops = hopNames.map((name) => {
    const hop = roles.get(name);
    if (!hop) throw new SignInError('invalid-config', `The profile "${name}" in the chain of "${profile}" is not a usable role.`);
    return hop;
  });
  return { target, hops, rootSource };
}

/**
 * The session name of hops whose profile sets none: the caller's own name (the IAM user of the keys, the Identity
 * Center user), so the console and CloudTrail say who signed in; `role-switcher` when it is unknown.
 */
async function defaultSessionName(root: RootCredentials, hops: RoleProfile[], region: string): Promise<string> {
  if (hops.every((hop) => hop.roleSessionName !== undefined)) return FALLBACK_SESSION_NAME;
  return (await root.callerName?.(region)) ?? FALLBACK_SESSION_NAME;
}

function asChain(root: RootCredentials): Awaited<ReturnType<typeof assumeChain>> {
  const credentials = root.credentials;
  if (credentials.sessionToken === undefined || root.expiresAt === undefined) {
    throw new SignInError('invalid-config', `"${root.source}" has no role to assume: add role_arn and source_profile.`);
  }
  const expiresAt = root.expiresAt;
  return {
    // The ARN follows from GetCallerIdentity, asked beside the sign-in token (roleArnOf).
    assumed: { credentials: { ...credentials, sessionToken: credentials.sessionToken }, assumedRoleArn: '', expiresAt },
    durationSeconds: Math.max(0, Math.round((expiresAt - Date.now()) / 1000)),
    longTermDirect: false,
    notes: [],
  };
}

export interface HopsInput {
  root: RootCredentials;
  hops: RoleProfile[];
  region: string;
  settings: { defaultDurationSeconds: number };
  memory: Pick<SignInMemory, 'durations'>;
  mfaFor: (hop: RoleProfile, index: number) => MfaToken | undefined;
  failed: (error: unknown) => Promise<unknown>;
  onHop?: (index: number) => void;
}

/**
 * Each hop assumed from the root (none for an Identity Center profile signed in as itself); what AWS was seen to
 * accept for durations is remembered. A failure comes back as the source's error to show (`failed`).
 */
export async function assumeHops(input: HopsInput): Promise<ChainResult> {
  const { root, hops } = input;
  if (hops.length === 0) return asChain(root);
  const chain = await assumeChain({
    hops,
    root,
    defaultDuration: input.settings.defaultDurationSeconds,
    defaultSessionName: await defaultSessionName(root, hops, input.region),
    mfaFor: input.mfaFor,
    ...(input.onHop && { onHop: input.onHop }),
    known: input.memory.durations,
  });
  if (chain.learnt) void rememberDurations(chain.learnt).catch(() => undefined);
  return chain;
}
