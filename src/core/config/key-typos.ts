/**
 * A key nobody reads, close to one that is read (issue 14): `colour`, `role-arn`, `sourceprofile`. Such a line is
 * kept and ignored like any unknown key, and the profile silently does something else (without `role_arn` it is not
 * even a role), so it gets a warning naming the key meant. Close: the same key with other separators (`-`, a space,
 * `.`, none at all), or within 1 edit (2 for keys of 6 letters or more; a swap of two letters is one edit). A key the
 * AWS CLI or the tools people paste from know is never taken for a typo, however close it is to one of ours.
 */
import { KEY_SOURCE_KEYS, ROLE_KEYS, SECRET_KEYS, SSO_SESSION_KEYS, SSO_SOURCE_KEYS } from './keys';

/** What the extension reads, in the order a tie is decided; the secret keys last (the vault is where they go). */
const OURS: readonly string[] = [...new Set<string>([...ROLE_KEYS, ...KEY_SOURCE_KEYS, ...SSO_SOURCE_KEYS, ...SSO_SESSION_KEYS, ...SECRET_KEYS])];

/**
 * Keys of the AWS CLI's configuration file (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html#cli-configure-files-settings,
 * and the SDKs' shared settings, https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html) and of
 * Granted's generated profiles: real keys, ignored here, never typos.
 */
const ELSEWHERE: ReadonlySet<string> = new Set([
  'account_id_endpoint_mode', 'api_versions', 'auth_scheme_preference', 'ca_bundle', 'cli_auto_prompt', 'cli_binary_format',
  'cli_follow_urlparam', 'cli_help_output', 'cli_history', 'cli_pager', 'cli_timestamp_format', 'credential_process',
  'credential_source', 'defaults_mode', 'disable_request_compression', 'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode', 'ec2_metadata_v1_disabled', 'endpoint_discovery_enabled', 'endpoint_url',
  'ignore_configure_endpoint_urls', 'max_attempts', 'metadata_service_num_attempts', 'metadata_service_timeout', 'output',
  'parameter_validation', 'request_checksum_calculation', 'request_min_compression_size_bytes', 'response_checksum_validation',
  'retry_mode', 's3', 'sdk_ua_app_id', 'services', 'sigv4a_signing_region_set', 'sts_regional_endpoints', 'tcp_keepalive',
  'use_dualstack_endpoint', 'use_fips_endpoint', 'web_identity_token_file', 'common_fate_generated_from',
  'granted_sso_start_url', 'granted_sso_region', 'granted_sso_account_id', 'granted_sso_role_name', 'granted_sso_registration_scopes',
]);

const KNOWN: ReadonlySet<string> = new Set([...OURS, ...ELSEWHERE]);

/** The key meant by `key` (lowercase, as keyOf gives it), or undefined when it is known or close to none. */
export function meantKey(key: string): string | undefined {
  if (KNOWN.has(key)) return undefined;
  const underscored = key.replace(/[-\s.]+/g, '_');
  const bare = key.replace(/[-_\s.]+/g, '');
  let best: { key: string; distance: number } | undefined;
  for (const candidate of OURS) {
    if (candidate === underscored || candidate.replace(/_/g, '') === bare) return candidate;
    const limit = candidate.length >= 6 ? 2 : 1;
    const distance = editDistance(key, candidate, limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** Whether the key meant is one of the secret keys (they belong in the vault, not in the text). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key);
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours), cut short: any
 * answer above `limit` is `limit + 1`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}
