/**
 * Search as you type: space-separated words must all appear (AND), anywhere in a role's profile name, account id,
 * account alias, role name, group, region or ARN. Plain substring matching on pre-lowercased text keeps a
 * keystroke over 10,000 roles well under a millisecond; highlighting is computed only for the rows on screen.
 */
import type { RoleSummary } from '../src/messages';
import { haystackOf } from '../src/core/role-search';

// The matching itself is shared with the address bar's keyword search (src/background/omnibox.ts).
export { groupOf, haystackOf, matchesAll, queryWords } from '../src/core/role-search';

/**
 * The haystacks of a role list, built on first use: opening the popup need not pay for them, and the popup asks
 * for them in idle time after the first paint, so the first keystroke does not either.
 */
export function lazyHaystacks(roles: readonly RoleSummary[]): () => readonly string[] {
  let built: string[] | undefined;
  return () => (built ??= roles.map(haystackOf));
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
