import { describe, expect, it } from 'vitest';
import { exportConfig, parseConfig } from '../../../src/core/config';
import { codes, ini } from './helpers';

const SESSION = ['[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1'];

describe('parseConfig: key sources', () => {
  it('reads a section with neither role nor SSO keys as a key source', () => {
    const model = parseConfig(ini('[default]', 'region = eu-west-1', 'mfa_serial = arn:aws:iam::111111111111:mfa/alice', '[profile empty]'));
    expect(model.sources.map(({ layout: _l, ...s }) => s)).toEqual([
      { kind: 'keys', name: 'default', line: 1, region: 'eu-west-1', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' },
      { kind: 'keys', name: 'empty', line: 4 },
    ]);
    expect(model.diagnostics).toEqual([]);
  });

  it('reads an AESR base account', () => {
    const model = parseConfig(ini(
      '[base]', 'aws_account_id = 111111111111', 'aws_account_alias = my-org', 'color = 00ff00',
      'target_role_name = Dev', 'target_region = eu-west-1', '[a]', 'aws_account_id = 222222222222', 'source_profile = base',
    ));
    expect(model.sources[0]).toMatchObject({
      kind: 'keys', name: 'base', accountId: '111111111111', accountAlias: 'my-org', color: '#00ff00',
      targetRoleName: 'Dev', targetRegion: 'eu-west-1',
    });
  });

  it('warns about access keys in the text and keeps them nowhere', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const text = ini('[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', `aws_secret_access_key = ${secret}`,
      'aws_session_token = TOKEN-VALUE', 'region = eu-west-1');
    const model = parseConfig(text);
    expect(model.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['keys-in-config', 2, 'warning'], ['keys-in-config', 3, 'warning'], ['keys-in-config', 4, 'warning'],
    ]);
    expect(model.sources).toMatchObject([{ kind: 'keys', name: 'default', region: 'eu-west-1' }]);
    for (const leaked of [secret, 'AKIAIOSFODNN7EXAMPLE', 'TOKEN-VALUE']) {
      expect(JSON.stringify(model)).not.toContain(leaked);
      expect(exportConfig(model)).not.toContain(leaked);
    }
    expect(model.diagnostics[1]?.message).toContain('vault');
  });

  it('never repeats a secret in a diagnostic, even outside a section or on a bad line', () => {
    const model = parseConfig(ini('aws_secret_access_key = S3CR3T-VALUE', 'S3CR3T-LINE', '[a]', 'S3CR3T-OTHER'));
    expect(JSON.stringify(model)).not.toMatch(/S3CR3T/);
  });

  it('warns about an alias in the aws_account_id of a base account, and keeps it', () => {
    const model = parseConfig(ini('[base]', 'aws_account_id = my-org', '[a]', 'aws_account_id = 222222222222', 'role_name = R', 'source_profile = base'));
    expect(model.sources[0]).toMatchObject({ accountId: 'my-org' });
    expect(model.roles).toHaveLength(1);
    expect(codes(model)).toEqual(['source-account-alias']);
  });

  it('does not warn about an unused [default] base account: roles use it implicitly', () => {
    expect(parseConfig(ini('[default]', 'aws_account_id = 111111111111')).diagnostics).toEqual([]);
  });
});

describe('parseConfig: IAM Identity Center', () => {
  it('reads an sso-session and a profile that uses it', () => {
    const model = parseConfig(ini(...SESSION, 'sso_registration_scopes = sso:account:access',
      '[profile admin]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = AdministratorAccess', 'region = eu-west-1'));
    expect(model.ssoSessions.map(({ layout: _l, ...s }) => s)).toEqual([
      { name: 'corp', line: 1, startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', registrationScopes: 'sso:account:access' },
    ]);
    expect(model.sources.map(({ layout: _l, ...s }) => s)).toEqual([{
      kind: 'sso', name: 'admin', line: 5, startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'us-east-1',
      accountId: '555555555555', roleName: 'AdministratorAccess', sessionName: 'corp', region: 'eu-west-1',
    }]);
    expect(model.diagnostics).toEqual([]);
  });

  it('reads the legacy form with sso_start_url and sso_region in the profile', () => {
    const model = parseConfig(ini('[profile legacy]', 'sso_start_url = https://old.awsapps.com/start', 'sso_region = eu-west-1',
      'sso_account_id = 555555555555', 'sso_role_name = ReadOnly'));
    expect(model.sources.map(({ layout: _l, ...s }) => s)).toEqual([{
      kind: 'sso', name: 'legacy', line: 1, startUrl: 'https://old.awsapps.com/start', ssoRegion: 'eu-west-1',
      accountId: '555555555555', roleName: 'ReadOnly',
    }]);
  });

  it('keeps sso-session names apart from profile names', () => {
    const model = parseConfig(ini(...SESSION, '[profile corp]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = A'));
    expect(model.diagnostics).toEqual([]);
    expect(model.sources.map((s) => s.name)).toEqual(['corp']);
  });

  it('lists what an incomplete SSO profile lacks', () => {
    const model = parseConfig(ini('[profile s]', 'sso_region = us-east-1'));
    expect(codes(model)).toEqual(['incomplete-sso']);
    expect(model.diagnostics[0]?.message).toContain('sso_start_url, sso_account_id, sso_role_name');
    expect(model.diagnostics[0]?.message).toContain('sso_session');
  });

  it('refuses an account alias in sso_account_id: Identity Center takes only the id (a role may have one)', () => {
    const model = parseConfig(ini(...SESSION, '[profile s]', 'sso_session = corp', 'sso_account_id = prod', 'sso_role_name = A'));
    expect(model.diagnostics.map((d) => [d.code, d.severity, d.line, d.profile])).toEqual([['sso-account-alias', 'error', 6, 's']]);
  });

  it('leaves out profiles of a broken sso-session, and their roles', () => {
    const model = parseConfig(ini('[sso-session corp]', 'sso_region = us-east-1',
      '[profile s]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = A',
      '[profile r]', 'role_arn = arn:aws:iam::123456789012:role/R', 'source_profile = s'));
    expect(model.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([
      ['incomplete-sso-session', 1, 'sso-session corp'], ['broken-source', 4, 's'], ['broken-source', 9, 'r'],
    ]);
    expect(model.sources).toEqual([]);
    expect(model.roles).toEqual([]);
  });

  it('reports duplicate sso-sessions on the second', () => {
    const model = parseConfig(ini(...SESSION, ...SESSION));
    expect(model.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([['duplicate-section', 4, 'sso-session corp']]);
    expect(model.ssoSessions).toHaveLength(1);
  });

  it('reports a profile that is both SSO and a role', () => {
    const model = parseConfig(ini(...SESSION, '[profile x]', 'sso_session = corp', 'sso_account_id = 555555555555',
      'sso_role_name = A', 'role_arn = arn:aws:iam::123456789012:role/R'));
    expect(codes(model)).toEqual(['sso-and-role']);
    expect(model.diagnostics[0]?.message).toContain('source_profile = x');
    expect(model.roles).toEqual([]);
    expect(model.sources).toEqual([]);
  });
});

describe('parseConfig: sections', () => {
  it('ignores [services] sections with a warning', () => {
    const model = parseConfig(ini('[services local]', 's3 =', '  endpoint_url = http://localhost', '[profile a]', 'role_arn = arn:aws:iam::123456789012:role/R'));
    expect(codes(model)).toEqual(['ignored-section']);
    expect(model.roles).toHaveLength(1);
    expect(model.sources).toEqual([]);
  });

  it('leaves a profile with a bad line out and names it', () => {
    const model = parseConfig(ini('[a]', 'role_arn = arn:aws:iam::123456789012:role/R', 'regoin eu-west-1'));
    expect(model.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([['bad-line', 3, 'a']]);
    expect(model.roles).toEqual([]);
  });

  it('never throws and finds nothing in text that is not a configuration', () => {
    for (const text of ['', '\n\n', '\uFEFF', '[', ']', '=', '[]', '{"json": true}', '\0\0\0', 'a'.repeat(100_000)]) {
      const model = parseConfig(text);
      expect(model.roles).toEqual([]);
      expect(codes(model)).not.toContain('internal-error');
    }
  });
});
