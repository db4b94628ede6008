/**
 * Which keys each kind of section reads into the model ("owned" keys). Every other key is kept as written and
 * ignored (`output`, `credential_process`, `s3 =` blocks...), so export can give it back. The parser and the
 * exporter share this table: a key the parser reads, the exporter writes from the model.
 */

const UPPER_CASE = /[A-Z]/;

/** Keys compare without case (the AWS CLI's parser lowers them); most are lowercase already, so skip the copy. */
export function keyOf(written: string): string {
  return UPPER_CASE.test(written) ? written.toLowerCase() : written;
}

export type SectionKind = 'role' | 'keys' | 'sso' | 'sso-session';

/** Keys that hold or name long-term secrets: never kept, never exported. They belong in the vault. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

/** Keys that make a section a role. `source_profile` too: a section that assumes from another is a role. */
export const ROLE_MARKERS = ['role_arn', 'role_name', 'source_profile'] as const;

/** Keys that make a section an IAM Identity Center profile. */
export const SSO_MARKERS = ['sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'] as const;

/** In the order export writes them when the section has no layout (AWS CLI order first, then AESR, then ours). */
export const ROLE_KEYS = [
  'role_arn', 'aws_account_id', 'role_name', 'source_profile', 'region', 'mfa_serial', 'external_id',
  'duration_seconds', 'role_session_name', 'source_identity', 'aws_account_alias', 'color', 'image', 'group',
  'destination', 'target_role_name', 'target_region', 'marker',
] as const;

export const KEY_SOURCE_KEYS = [
  'aws_account_id', 'aws_account_alias', 'region', 'mfa_serial', 'color', 'target_role_name', 'target_region',
] as const;

export const SSO_SOURCE_KEYS = [
  'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name', 'region', 'aws_account_alias', 'color',
  'image', 'group', 'destination', 'marker',
] as const;

/** What an SSO profile reads for the popup and the console, as a role does. */
const SSO_DISPLAY = ['region', 'aws_account_alias', 'color', 'image', 'group', 'destination', 'marker'];

export const SSO_SESSION_KEYS = ['sso_start_url', 'sso_region', 'sso_registration_scopes'] as const;

const ROLE_SET: ReadonlySet<string> = new Set(ROLE_KEYS);
const KEY_SOURCE_SET: ReadonlySet<string> = new Set(KEY_SOURCE_KEYS);
const SSO_SESSION_SET: ReadonlySet<string> = new Set(SSO_SESSION_KEYS);
const SSO_WITH_SESSION: ReadonlySet<string> = new Set(['sso_session', 'sso_account_id', 'sso_role_name', ...SSO_DISPLAY]);
const SSO_LEGACY: ReadonlySet<string> = new Set(['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name', ...SSO_DISPLAY]);

/**
 * Whether the model holds this key for this kind of section. An SSO profile with `sso_session` takes its start
 * URL and region from the session, so its own `sso_start_url`/`sso_region` are kept as written and ignored.
 */
export function isOwnedKey(kind: SectionKind, key: string, usesSession = false): boolean {
  switch (kind) {
    case 'role':
      return ROLE_SET.has(key);
    case 'keys':
      return KEY_SOURCE_SET.has(key);
    case 'sso':
      return (usesSession ? SSO_WITH_SESSION : SSO_LEGACY).has(key);
    case 'sso-session':
      return SSO_SESSION_SET.has(key);
  }
}
