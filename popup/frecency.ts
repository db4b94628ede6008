/**
 * Recent and frequent use ("frecency", as Firefox's address bar ranks history): each successful sign-in is a
 * timestamp; a role's score adds a weight per use that shrinks with age, so a role used daily this week outranks
 * one used often last quarter. Only the last few uses per role are kept, and only so many roles.
 */

/** Profile name → epoch milliseconds of its last successful sign-ins, newest first. */
export type UsageLog = Record<string, number[]>;

const USES_KEPT = 10;
const PROFILES_KEPT = 300;
const DAY = 86_400_000;

/** Age limits in days and their weights, in the spirit of Firefox's frecency buckets. */
const BUCKETS: ReadonlyArray<readonly [number, number]> = [[1, 100], [4, 80], [14, 60], [31, 40], [90, 20]];
const OLD_WEIGHT = 10;

export function recordUse(log: UsageLog, profile: string, now: number): UsageLog {
  const next: UsageLog = { ...log, [profile]: [now, ...(log[profile] ?? [])].slice(0, USES_KEPT) };
  const profiles = Object.keys(next);
  if (profiles.length <= PROFILES_KEPT) return next;
  // Forget the roles whose last use is oldest: the log must not grow with every profile ever signed in to.
  const keep = new Set(profiles.sort((a, b) => (next[b]?.[0] ?? 0) - (next[a]?.[0] ?? 0)).slice(0, PROFILES_KEPT));
  return Object.fromEntries(Object.entries(next).filter(([name]) => keep.has(name)));
}

export function frecency(uses: readonly number[], now: number): number {
  let score = 0;
  for (const at of uses) {
    const days = (now - at) / DAY;
    score += BUCKETS.find(([limit]) => days < limit)?.[1] ?? OLD_WEIGHT;
  }
  return score;
}

/** The most-used profiles by frecency, best first; ties go to the most recent use. */
export function rankByFrecency(log: UsageLog, now: number, limit: number): string[] {
  return Object.entries(log)
    .filter(([, uses]) => uses.length > 0)
    .map(([profile, uses]) => ({ profile, score: frecency(uses, now), last: uses[0] ?? 0 }))
    .sort((a, b) => b.score - a.score || b.last - a.last)
    .slice(0, limit)
    .map((entry) => entry.profile);
}
