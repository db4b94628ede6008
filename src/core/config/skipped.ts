/**
 * The profiles a text names that its errors leave out of the model: a role or an Identity Center profile with an
 * error of its own, or one that depends on a broken profile. They stay visible (greyed out in the popup, with
 * their first error) so one typo among hundreds of profiles hides nothing and blocks nothing.
 */
import type { SkippedProfile } from './model';
import type { RoleDraft } from './read-role';
import type { SsoDraft } from './read-sources';
import { DEFAULT_SOURCE, MAX_CHAIN_HOPS, type ProfileDraft } from './resolve-roles';

export function skippedProfiles(
  roles: readonly RoleDraft[], sso: readonly SsoDraft[], profiles: ReadonlyMap<string, ProfileDraft>,
): SkippedProfile[] {
  const skipped: SkippedProfile[] = [];
  for (const draft of roles) {
    const reason = reasonOf(draft);
    if (reason !== undefined) skipped.push(skippedEntry(draft, reason, draft.options.group, rootOf(draft, profiles)));
  }
  for (const draft of sso) {
    const reason = reasonOf(draft);
    if (reason !== undefined) skipped.push(skippedEntry(draft, reason, draft.display.group, draft.section.name));
  }
  return skipped.length > 1 ? skipped.sort((a, b) => a.line - b.line) : skipped;
}

/** Why the profile is left out (its first error), or undefined when it is not. */
function reasonOf(draft: RoleDraft | SsoDraft): string | undefined {
  const report = draft.section.report;
  return report.failed ? report.firstError?.message : undefined;
}

function skippedEntry(
  draft: RoleDraft | SsoDraft, reason: string, group: string | undefined, source: string,
): SkippedProfile {
  const { section } = draft;
  return { name: section.name, line: section.line, reason, ...(group !== undefined && { group }), source };
}

/**
 * The root source a broken role would start from: its `source_profile` followed through roles (`default` where a
 * role names none), as far as a chain may go. A loop or a missing profile ends at the last name reached.
 */
function rootOf(draft: RoleDraft, profiles: ReadonlyMap<string, ProfileDraft>): string {
  let current: ProfileDraft = draft;
  for (let hop = 0; hop <= MAX_CHAIN_HOPS; hop += 1) {
    if (current.kind !== 'role') return current.section.name;
    const next = current.source?.value ?? DEFAULT_SOURCE;
    const found = profiles.get(next);
    if (!found || found === current) return next;
    current = found;
  }
  return current.section.name;
}
