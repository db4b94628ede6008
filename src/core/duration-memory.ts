/**
 * What AWS told about a role's MaxSessionDuration, so the next sign-in asks once instead of being refused first.
 * STS does not say a role's maximum (only IAM's GetRole does, which needs IAM permissions people rarely have); a
 * refusal says "exceeds the MaxSessionDuration". Every maximum is 1 to 12 hours
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html, MaxSessionDuration 3600–43200), so 1 hour
 * always works and what is worth remembering lies above it.
 */
import { CHAINED_MAX_DURATION } from './durations';

/** Seconds; either may be unknown. */
export interface KnownDurations {
  /** The longest DurationSeconds AWS accepted for this role. */
  accepted?: number;
  /** The shortest DurationSeconds AWS refused as above its MaxSessionDuration. */
  refused?: number;
}

/** By role ARN. */
export type DurationMemory = Record<string, KnownDurations>;

/** 1 hour, or more when AWS accepted more: what is known to work. */
function knownGood(known: KnownDurations | undefined): number {
  return Math.max(known?.accepted ?? CHAINED_MAX_DURATION, CHAINED_MAX_DURATION);
}

/** What to ask for: the wanted duration, unless AWS already refused that much; then the longest it accepted. */
export function durationToAsk(wanted: number, known: KnownDurations | undefined): number {
  if (known?.refused === undefined || wanted < known.refused) return wanted;
  return Math.min(wanted, knownGood(known));
}

/** After a refusal at `refused`: the longest accepted duration below it, else 1 hour. */
export function retryDuration(refused: number, known: KnownDurations | undefined): number {
  const good = knownGood(known);
  return good < refused ? good : CHAINED_MAX_DURATION;
}

/**
 * AWS accepted `seconds`. A refusal at or below it is out of date (the role's maximum was raised): dropped. Up to
 * 1 hour says nothing (every role allows it), so a role with no entry gets none.
 */
export function learnAccepted(known: KnownDurations | undefined, seconds: number): KnownDurations | undefined {
  if (seconds <= CHAINED_MAX_DURATION && known === undefined) return undefined;
  const accepted = Math.max(known?.accepted ?? 0, seconds);
  const refused = known?.refused !== undefined && known.refused > accepted ? known.refused : undefined;
  return { accepted, ...(refused !== undefined && { refused }) };
}

/** AWS refused `seconds`. An acceptance at or above it is out of date (the role's maximum was lowered): dropped. */
export function learnRefused(known: KnownDurations | undefined, seconds: number): KnownDurations {
  const refused = Math.min(known?.refused ?? Number.POSITIVE_INFINITY, seconds);
  const accepted = known?.accepted !== undefined && known.accepted < refused ? known.accepted : undefined;
  return { refused, ...(accepted !== undefined && { accepted }) };
}

export function sameKnowledge(a: KnownDurations | undefined, b: KnownDurations | undefined): boolean {
  return a?.accepted === b?.accepted && a?.refused === b?.refused;
}
