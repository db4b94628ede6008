/**
 * Profile names for imported IAM Identity Center roles: `<account name>/<permission set>`, like
 * `team-001-prod/ReadOnlyAccess`.
 *
 * Why this form: it reads as "in this account, as this permission set", with both halves exactly as the AWS access
 * portal shows them (no guessed abbreviation such as `-readonly`, which collides as soon as two permission sets
 * shorten alike); it is Granted's default (`{{ .AccountName }}/{{ .RoleName }}`), so people moving from it find
 * the names they know; and it needs no quoting in a shell (`aws --profile team-001-prod/ReadOnlyAccess`).
 */

/**
 * Characters kept from an account name: those of a permission set name (`[\w+=,.@-]`,
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html). Anything else
 * (spaces, brackets, `#`, `;`, quotes, non-ASCII) becomes `-`, so a name is always a valid INI section name with
 * no comment character, no `]` and no whitespace, and reads back as exactly itself.
 */
const UNSAFE = /[^\w+=,.@-]+/g;

/**
 * The account name made safe for a profile name; the account id when nothing of it is left. Accents are dropped
 * rather than the letter (`Équipe` → `Equipe`).
 */
export function accountSlug(accountName: string, accountId: string): string {
  const slug = accountName.normalize('NFKD').replace(/\p{M}+/gu, '').replace(UNSAFE, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? accountId : slug;
}

/** A permission set name is safe already when AWS made it; anything else is made safe the same way. */
function roleSlug(roleName: string): string {
  const slug = roleName.replace(UNSAFE, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'role' : slug;
}

/**
 * Gives out names never given before and never in `taken` (compared without case: two profiles told apart only by
 * case are a trap, and the browser's containers and the popup's search ignore case).
 */
export class ProfileNamer {
  private readonly used: Set<string>;

  constructor(taken: Iterable<string>) {
    this.used = new Set([...taken].map((name) => name.toLowerCase()));
  }

  /**
   * `<account>/<role>`; when taken (two accounts with one name, or a hand-written profile already so called),
   * `<account>-<account id>/<role>`, which says which account it is; then a counter as a last resort.
   */
  name(accountName: string, accountId: string, roleName: string): string {
    const account = accountSlug(accountName, accountId);
    const role = roleSlug(roleName);
    const candidates = [`${account}/${role}`, `${account}-${accountId}/${role}`];
    for (const candidate of candidates) if (this.take(candidate)) return candidate;
    for (let n = 2; ; n++) {
      const candidate = `${account}-${accountId}/${role}-${n}`;
      if (this.take(candidate)) return candidate;
    }
  }

  private take(name: string): boolean {
    const key = name.toLowerCase();
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}
