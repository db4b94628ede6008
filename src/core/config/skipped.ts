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
    const entry = skippedEntry(draft, draft.options.group, () => rootOf(draft, profiles));
    if (entry) skipped.push(entry);
  }
  for (const draft of sso) {
    const entry = skippedEntry(draft, draft.display.group, () => draft.section.name);
    if (entry) skipped.push(entry);
  }
  return skipped.length > 1 ? skipped.sort((a, b) => a.line - b.line) : skipped;
}

function skippedEntry(draft: RoleDraft | SsoDraft, group: string | undefined, source: () => string): SkippedProfile | undefined {
  const { section } = draft;
  const reason = section.report.firstError?.message;
  if (!section.report.failed || reason === undefined) return undefined;
  return { name: section.name, line: section.line, reason, ...(group !== undefined && { group }), source: source() };
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
