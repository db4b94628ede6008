/**
 * Assumes each hop of a role chain in turn: root credentials → role → role → target role.
 * Duration rules per hop (core/durations.ts): the profile's `duration_seconds`, else the user's default; any hop
 * assumed with temporary credentials is capped at 1 hour (role chaining); a `MaxSessionDuration` refusal is
 * retried once at 1 hour and explained.
 */
import type { RoleProfile } from '../../core/config/index';
import { CHAINED_MAX_DURATION, durationFor, exceedsMaxSessionDuration, formatDuration } from '../../core/durations';
import { effectiveRegion } from '../../core/partitions';
import { SignInError } from './sign-in-error';
import { withStepTimeout } from './step-timeout';
import { assumeRole, type AssumedRole, type Credentials } from '../aws/sts';

export interface RootCredentials {
  credentials: Credentials;
  /** True for temporary credentials (an MFA session, SSO): the first hop is then already "chained". */
  temporary: boolean;
  /** The source profile's name, for error sentences. */
  source: string;
  /** Epoch ms when temporary root credentials expire (Identity Center role credentials). */
  expiresAt?: number;
  /**
   * Who these credentials belong to, as a session name (the IAM user, the Identity Center user), for hops whose
   * profile sets no `role_session_name`; undefined when unknown. Asked only when a hop needs it.
   */
  callerName?: (region: string) => Promise<string | undefined>;
}

export interface MfaToken {
  serialNumber: string;
  tokenCode: string;
}

export interface ChainInput {
  hops: RoleProfile[];
  root: RootCredentials;
  defaultDuration: number;
  defaultSessionName: string;
  /** The MFA device and code to send with a hop, when it needs one. */
  mfaFor?: (hop: RoleProfile, index: number) => MfaToken | undefined;
  onHop?: (index: number, total: number) => void;
}

export interface ChainResult {
  assumed: AssumedRole;
  /** The DurationSeconds the last hop got. */
  durationSeconds: number;
  /** True when the target role was assumed directly with long-term keys: only then may SessionDuration be sent. */
  longTermDirect: boolean;
  /** Sentences for the session details: caps and retries that changed what was asked for. */
  notes: string[];
}

export async function assumeChain(input: ChainInput): Promise<ChainResult> {
  const notes: string[] = [];
  let credentials = input.root.credentials;
  let temporary = input.root.temporary;
  let last: { assumed: AssumedRole; seconds: number } | undefined;
  for (const [index, hop] of input.hops.entries()) {
    input.onHop?.(index, input.hops.length);
    const duration = durationFor(hop.durationSeconds, input.defaultDuration, temporary);
    if (duration.cappedByChaining && index === input.hops.length - 1) {
      notes.push(`AWS caps roles assumed through role chaining at 1 h, so this session lasts 1 h.`);
    }
    last = await assumeWithRetry(hop, credentials, duration.seconds, input, index, notes);
    credentials = last.assumed.credentials;
    temporary = true;
  }
  if (!last) throw new SignInError('invalid-config', 'The profile has no role to assume.');
  return {
    assumed: last.assumed,
    durationSeconds: last.seconds,
    longTermDirect: input.hops.length === 1 && !input.root.temporary,
    notes,
  };
}

async function assumeWithRetry(
  hop: RoleProfile,
  credentials: Credentials,
  seconds: number,
  input: ChainInput,
  index: number,
  notes: string[],
): Promise<{ assumed: AssumedRole; seconds: number }> {
  try {
    return { assumed: await assumeHop(hop, credentials, seconds, input, index), seconds };
  } catch (error) {
    const refusedDuration =
      seconds > CHAINED_MAX_DURATION && error instanceof Error && exceedsMaxSessionDuration(error.name, error.message);
    if (!refusedDuration) throw SignInError.fromSts(error, { roleArn: hop.roleArn, source: input.root.source });
    notes.push(
      `${hop.roleArn} allows sessions shorter than the ${formatDuration(seconds)} asked for (its MaxSessionDuration), so this session lasts 1 h. ` +
        `Set duration_seconds on "${hop.name}" to the role's maximum, or raise the maximum in IAM.`,
    );
    try {
      return { assumed: await assumeHop(hop, credentials, CHAINED_MAX_DURATION, input, index), seconds: CHAINED_MAX_DURATION };
    } catch (retryError) {
      throw SignInError.fromSts(retryError, { roleArn: hop.roleArn, source: input.root.source });
    }
  }
}

function assumeHop(hop: RoleProfile, credentials: Credentials, seconds: number, input: ChainInput, index: number): Promise<AssumedRole> {
  const mfa = input.mfaFor?.(hop, index);
  return withStepTimeout('assuming-role', (abortSignal) =>
    assumeRole(
      effectiveRegion(hop.partition, hop.region),
      credentials,
      {
        roleArn: hop.roleArn,
        roleSessionName: hop.roleSessionName ?? input.defaultSessionName,
        durationSeconds: seconds,
        ...(hop.externalId !== undefined && { externalId: hop.externalId }),
        ...(hop.sourceIdentity !== undefined && { sourceIdentity: hop.sourceIdentity }),
        ...(mfa !== undefined && { serialNumber: mfa.serialNumber, tokenCode: mfa.tokenCode }),
      },
      abortSignal,
    ),
  );
}
