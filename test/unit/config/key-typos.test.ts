/**
 * Misspelt keys (issue 14): `colour`, `role-arn`, `sourceprofile` get a warning naming the key meant, and are kept
 * and ignored as before; real keys of the AWS CLI and the tools people paste from never do.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { editDistance, meantKey } from '../../../src/core/config/key-typos';
import { exportConfig } from '../../../src/core/config/export-config';

const typos = (text: string) => parseConfig(text).diagnostics.filter((d) => d.code === 'misspelt-key');

describe('a misspelt key', () => {
  it.each([
    ['colour', 'color'],
    ['role-arn', 'role_arn'],
    ['sourceprofile', 'source_profile'],
    ['source-profile', 'source_profile'],
    ['role arn', 'role_arn'],
    ['regoin', 'region'],
    ['regions', 'region'],
    ['mfa_serail', 'mfa_serial'],
    ['aws_acount_id', 'aws_account_id'],
    ['external-id', 'external_id'],
    ['duration_second', 'duration_seconds'],
    ['ssostarturl', 'sso_start_url'],
    ['targetrolename', 'target_role_name'],
  ])('%s: did you mean %s?', (written, meant) => {
    expect(meantKey(written)).toBe(meant);
  });

  it('is warned about on its line, for its profile, saying what to write, and the profile keeps working', () => {
    const text = ['[alice]', '[profile dev]', 'role_arn = arn:aws:iam::123456789012:role/Dev', 'source_profile = alice', 'Colour = ff9900'].join('\n');
    const model = parseConfig(text);
    expect(typos(text)).toEqual([
      {
        code: 'misspelt-key', severity: 'warning', line: 5, profile: 'dev',
        message: 'Colour is not a key this extension or the AWS CLI reads, so it is ignored: did you mean color? Write color = and the same value.',
      },
    ]);
    expect(model.roles.map((role) => role.name)).toEqual(['dev']);
    // Kept as written: an export gives the line back.
    expect(exportConfig(model)).toContain('Colour = ff9900');
  });

  it('says why a profile with role-arn is no role', () => {
    const [warning] = typos(['[profile dev]', 'role-arn = arn:aws:iam::123456789012:role/Dev'].join('\n'));
    expect(warning).toMatchObject({ line: 2, profile: 'dev' });
    expect(warning?.message).toContain('did you mean role_arn?');
  });

  it('of a secret key says where keys go, and never repeats the value', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const [warning] = typos(['[alice]', `aws_secret_acess_key = ${secret}`].join('\n'));
    expect(warning?.message).toBe(
      'aws_secret_acess_key looks like aws_secret_access_key misspelt: access keys do not belong in the configuration, which is ' +
        'stored unencrypted and may sync. Delete this line and add the keys to the vault.',
    );
    expect(JSON.stringify(typos(`[alice]\naws_secret_acess_key = ${secret}\ncolour = ${secret}`))).not.toContain(secret);
  });

  it('is never a key the AWS CLI, its SDKs or Granted know, a far one, or a nested one', () => {
    for (const key of ['output', 'credential_process', 'credential_source', 'cli_pager', 'region', 'color', 'retry_mode', 'max_attempts', 'ca_bundle', 'granted_sso_region', 'web_identity_token_file']) {
      expect(meantKey(key), key).toBeUndefined();
    }
    for (const key of ['team', 'name', 'owner', 'notes', 'account', 'role', 'env']) expect(meantKey(key), key).toBeUndefined();
    expect(typos(['[profile p]', 'role_arn = arn:aws:iam::123456789012:role/P', 's3 =', '  colour = 1', '  max_concurrent_requests = 10'].join('\n'))).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours, cut short above the limit', () => {
    expect(editDistance('colour', 'color', 2)).toBe(1);
    expect(editDistance('regoin', 'region', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('output', 'group', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
