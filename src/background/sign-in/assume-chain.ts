/**
 * Assumes each hop of a role chain in turn: root credentials → role → role → target role.
 * Duration rules per hop (core/durations.ts): the profile's `duration_seconds`, else the user's default; any hop
 * assumed with temporary credentials is capped at 1 hour (role chaining); a `MaxSessionDuration` refusal is
 * retried once, at the longest duration AWS accepted for that role before, else 1 hour, and explained. What AWS
 * accepted and refused per role is remembered (core/duration-memory.ts), so the next sign-in asks once.
 */
import type { RoleProfile } from '../../core/config/index';
import { durationToAsk, learnAccepted, learnRefused, retryDuration, sameKnowledge, type DurationMemory } from '../../core/duration-memory';
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
  /** What AWS accepted and refused before, per role ARN (storage: `roles.durations`). */
  known?: DurationMemory;
}

export interface ChainResult {
  assumed: AssumedRole;
  /** The DurationSeconds the last hop got. */
  durationSeconds: number;
  /** True when the target role was assumed directly with long-term keys: only then may SessionDuration be sent. */
  longTermDirect: boolean;
  /** Sentences for the session details: caps and retries that changed what was asked for. */
  notes: string[];
  /** The roles this chain learnt something new about, with all that is known of them; undefined when none. */
  learnt?: DurationMemory;
}

export async function assumeChain(input: ChainInput): Promise<ChainResult> {
  const notes: string[] = [];
  const memory: DurationBook = { known: input.known ?? {}, learnt: {} };
  let credentials = input.root.credentials;
  let temporary = input.root.temporary;
  let last: { assumed: AssumedRole; seconds: number } | undefined;
  for (const [index, hop] of input.hops.entries()) {
    input.onHop?.(index, input.hops.length);
    const duration = durationFor(hop.durationSeconds, input.defaultDuration, temporary);
    if (duration.cappedByChaining && index === input.hops.length - 1) {
      notes.push(`AWS caps roles assumed through role chaining at 1 h, so this session lasts 1 h.`);
    }
    last = await assumeWithRetry(hop, credentials, duration.seconds, input, index, notes, memory);
    credentials = last.assumed.credentials;
    temporary = true;
  }
  if (!last) throw new SignInError('invalid-config', 'The profile has no role to assume.');
  return {
    assumed: last.assumed,
    durationSeconds: last.seconds,
    longTermDirect: input.hops.length === 1 && !input.root.temporary,
    notes,
    ...(Object.keys(memory.learnt).length > 0 && { learnt: memory.learnt }),
  };
}

/** What is known of each role's durations during one chain, and what of it is new. */
interface DurationBook {
  known: DurationMemory;
  learnt: DurationMemory;
}

async function assumeWithRetry(
  hop: RoleProfile,
  credentials: Credentials,
  wanted: number,
  input: ChainInput,
  index: number,
  notes: string[],
  memory: DurationBook,
): Promise<{ assumed: AssumedRole; seconds: number }> {
  const learn = (next: DurationMemory[string] | undefined) => {
    const before = Object.hasOwn(memory.known, hop.roleArn) ? memory.known[hop.roleArn] : undefined;
    if (next === undefined || sameKnowledge(before, next)) return;
    memory.known = { ...memory.known, [hop.roleArn]: next };
    memory.learnt = { ...memory.learnt, [hop.roleArn]: next };
  };
  const knownNow = () => (Object.hasOwn(memory.known, hop.roleArn) ? memory.known[hop.roleArn] : undefined);
  const seconds = durationToAsk(wanted, knownNow());
  if (seconds < wanted) {
    notes.push(
      `${hop.roleArn} refused ${formatDuration(knownNow()?.refused ?? wanted)} before (its MaxSessionDuration), so this session lasts ${formatDuration(seconds)}, the longest it accepted. ` +
        `Set duration_seconds on "${hop.name}" to the role's maximum, or raise the maximum in IAM.`,
    );
  }
  try {
    const assumed = await assumeHop(hop, credentials, seconds, input, index);
    learn(learnAccepted(knownNow(), seconds));
    return { assumed, seconds };
  } catch (error) {
    const refusedDuration =
      seconds > CHAINED_MAX_DURATION && error instanceof Error && exceedsMaxSessionDuration(error.name, error.message);
    if (!refusedDuration) throw SignInError.fromSts(error, { roleArn: hop.roleArn, source: input.root.source });
    learn(learnRefused(knownNow(), seconds));
    const retry = retryDuration(seconds, knownNow());
    notes.push(
      `${hop.roleArn} allows sessions shorter than the ${formatDuration(seconds)} asked for (its MaxSessionDuration), so this session lasts ${formatDuration(retry)}. ` +
        `Set duration_seconds on "${hop.name}" to the role's maximum, or raise the maximum in IAM.`,
    );
    try {
      const assumed = await assumeHop(hop, credentials, retry, input, index);
      learn(learnAccepted(knownNow(), retry));
      return { assumed, seconds: retry };
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
