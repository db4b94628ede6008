/**
 * Search as you type: space-separated words must all appear (AND), anywhere in a role's profile name, account id,
 * account alias, role name, group, region or ARN. Plain substring matching on pre-lowercased text keeps a
 * keystroke over 10,000 roles well under a millisecond; highlighting is computed only for the rows on screen.
 */
import type { RoleSummary } from '../src/messages';

/** Lower-case words of a query, duplicates and words contained in another word dropped (they add nothing). */
export function queryWords(query: string): string[] {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
}

/**
 * The text a role is searched in. Fields are joined by a newline: a word never contains whitespace, so a match
 * cannot straddle two fields. Plain concatenation: this runs for every role, 10,000 at a time.
 */
export function haystackOf(role: RoleSummary): string {
  const nl = '\n';
  return (
    role.profile + nl + role.accountId + nl + (role.accountAlias ?? '') + nl + role.roleName + nl + groupOf(role) + nl + (role.region ?? '') + nl + role.roleArn
  ).toLowerCase();
}

/**
 * The haystacks of a role list, built on first use: opening the popup need not pay for them, and the popup asks
 * for them in idle time after the first paint, so the first keystroke does not either.
 */
export function lazyHaystacks(roles: readonly RoleSummary[]): () => readonly string[] {
  let built: string[] | undefined;
  return () => (built ??= roles.map(haystackOf));
}

export function matchesAll(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}

/** `[start, end)` ranges of `text` to highlight: every occurrence of every word, merged and sorted. */
export function highlightRanges(text: string, words: readonly string[]): Array<[number, number]> {
  if (words.length === 0 || text === '') return [];
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      ranges.push([at, at + word.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The group a role is listed under: its `group`, else the root source of its chain (where its keys come from). */
export function groupOf(role: RoleSummary): string {
  return role.group ?? role.source;
}
