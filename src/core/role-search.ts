/**
 * Search as you type, shared by the popup and the address bar's keyword (src/background/omnibox.ts):
 * space-separated words must all appear (AND), anywhere in a role's profile name, account id, account alias, role
 * name, group, region or ARN. Plain substring matching on pre-lowercased text keeps a keystroke over 10,000 roles
 * well under a millisecond. Pure: no browser API.
 */

/** What a role is searched by: the popup's RoleSummary has these fields. */
export interface SearchableRole {
  profile: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  roleArn: string;
  region?: string;
  group?: string;
  /** The root source of the role's chain: its group when it names none. */
  source: string;
}

/** Lower-case words of a query, duplicates and words contained in another word dropped (they add nothing). */
export function queryWords(query: string): string[] {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
}

/**
 * The text a role is searched in. Fields are joined by a newline: a word never contains whitespace, so a match
 * cannot straddle two fields. Plain concatenation: this runs for every role, 10,000 at a time.
 */
export function haystackOf(role: SearchableRole): string {
  const nl = '\n';
  return (
    role.profile + nl + role.accountId + nl + (role.accountAlias ?? '') + nl + role.roleName + nl + groupOf(role) + nl + (role.region ?? '') + nl + role.roleArn
  ).toLowerCase();
}

export function matchesAll(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}

/** The group a role is listed under: its `group`, else the root source of its chain (where its keys come from). */
export function groupOf(role: Pick<SearchableRole, 'group' | 'source'>): string {
  return role.group ?? role.source;
}

/**
 * The best matches of a query, for a list with no room to scroll (the address bar's suggestions): the profile
 * typed exactly, then profiles that start with the first word, then starred roles, each in configuration order.
 */
export function bestMatches<R extends SearchableRole>(roles: readonly R[], query: string, favourites: ReadonlySet<string>, limit: number): R[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const exact = query.trim().toLowerCase();
  const first = query.trim().toLowerCase().split(/\s+/)[0] ?? '';
  const rank = (role: R): number => {
    const name = role.profile.toLowerCase();
    if (name === exact) return 0;
    if (name.startsWith(first)) return 1;
    return favourites.has(role.profile) ? 2 : 3;
  };
  return roles
    .map((role, index) => ({ role, index }))
    .filter(({ role }) => matchesAll(haystackOf(role), words))
    .map(({ role, index }) => ({ role, index, rank: rank(role) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map(({ role }) => role);
}
