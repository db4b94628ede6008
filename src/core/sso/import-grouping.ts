/**
 * The `group =` an imported profile gets (the popup shows roles under their group): by account, by a part of the
 * account name, or one group for the whole Identity Center session.
 */

export type Grouping =
  /** One group per account, named as the account: each account's permission sets together. */
  | 'account'
  /** The account name up to its first separator: `team-001-prod` → `team` (an organisational prefix). */
  | 'first-word'
  /** The account name from its last separator: `team-001-prod` → `prod` (an environment suffix). */
  | 'last-word'
  /** Every profile of the import in one group, named after the session (or the start URL's host). */
  | 'session';

export const GROUPINGS: readonly Grouping[] = ['account', 'first-word', 'last-word', 'session'];

/** Separators between the words of an account name, as organisations write them. */
const SEPARATOR = /[-_.\s/:]+/;

/** The group, as the popup will show it (clean text, no double quote); write it with `groupLine`. */
export function groupFor(grouping: Grouping, accountName: string, accountId: string, sessionLabel: string): string {
  const name = clean(accountName) === '' ? accountId : accountName;
  switch (grouping) {
    case 'account':
      return cleanOr(name, accountId);
    case 'first-word':
      return cleanOr(words(name)[0] ?? name, accountId);
    case 'last-word':
      return cleanOr(words(name).at(-1) ?? name, accountId);
    case 'session':
      return cleanOr(sessionLabel, 'Identity Center');
  }
}

function words(name: string): string[] {
  return name.split(SEPARATOR).filter((word) => word !== '');
}

/** No control character (it would break the line), no double quote (so quoting below always works), one space at most. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the text.
  return value.replace(/[\u0000-\u001f\u007f"]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanOr(value: string, fallback: string): string {
  const cleaned = clean(value);
  return cleaned === '' ? fallback : cleaned;
}
