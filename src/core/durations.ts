/**
 * How long to ask STS (and the console) for.
 * - AssumeRole DurationSeconds: 900 to 43,200 s, never above the role's MaxSessionDuration
 *   (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
 * - Role chaining (a role assumed with temporary credentials) is capped at 1 hour
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
 */
export const MIN_DURATION = 900;
export const MAX_DURATION = 43_200;
export const CHAINED_MAX_DURATION = 3_600;
/** STS's own default, and ours until the user sets another. */
export const DEFAULT_DURATION = 3_600;

export interface Duration {
  seconds: number;
  /** True when the 1-hour role-chaining cap lowered what was asked for. */
  cappedByChaining: boolean;
}

export function clampDuration(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_DURATION;
  return Math.min(Math.max(Math.round(seconds), MIN_DURATION), MAX_DURATION);
}

/**
 * @param requested the profile's `duration_seconds`, else undefined
 * @param fallback the user's default duration setting
 * @param temporaryCaller the hop is assumed with temporary credentials (role chaining, MFA session, SSO)
 */
export function durationFor(requested: number | undefined, fallback: number, temporaryCaller: boolean): Duration {
  const wanted = clampDuration(requested ?? fallback);
  if (temporaryCaller && wanted > CHAINED_MAX_DURATION) {
    return { seconds: CHAINED_MAX_DURATION, cappedByChaining: true };
  }
  return { seconds: wanted, cappedByChaining: false };
}

/** STS's answer when DurationSeconds is above the role's MaxSessionDuration: retry once at 1 hour. */
export function exceedsMaxSessionDuration(errorName: string, message: string | undefined): boolean {
  return errorName === 'ValidationError' && /MaxSessionDuration/i.test(message ?? '');
}

/** "1 h", "12 h", "1 h 30 min", "15 min": for telling the user what a role allows. */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.round((seconds % 3_600) / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
