import { describe, expect, it } from 'vitest';
import { exportConfig, parseConfig } from '../../../src/core/config';
import { codes, ini, roleNamed } from './helpers';

const ARN = 'role_arn = arn:aws:iam::123456789012:role/Admin';

describe('parseConfig: roles', () => {
  it('reads [profile x] and [x] alike, and keeps the header form', () => {
    const model = parseConfig(ini('[profile a]', ARN, '[b]', ARN));
    expect(model.roles.map((r) => [r.name, r.layout?.prefixed])).toEqual([['a', true], ['b', false]]);
  });

  it('reads names with slashes, dots, @ and spaces', () => {
    const model = parseConfig(ini('[profile src/B]', ARN, '[profile a.b@c]', ARN, '[profile my  team]', ARN));
    expect(model.roles.map((r) => r.name)).toEqual(['src/B', 'a.b@c', 'my  team']);
  });

  it('reads a role ARN with its path and partition', () => {
    const model = parseConfig(ini(
      '[a]', 'role_arn = arn:aws:iam::123456789012:role/path/to/Name',
      '[b]', 'role_arn = arn:aws-cn:iam::123456789012:role/Operator',
      '[c]', 'role_arn = arn:aws-us-gov:iam::123456789012:role/x/Auditor',
    ));
    expect(model.roles.map(({ roleName, rolePath, partition, roleArn }) => ({ roleName, rolePath, partition, roleArn }))).toEqual([
      { roleName: 'Name', rolePath: '/path/to/', partition: 'aws', roleArn: 'arn:aws:iam::123456789012:role/path/to/Name' },
      { roleName: 'Operator', rolePath: '/', partition: 'aws-cn', roleArn: 'arn:aws-cn:iam::123456789012:role/Operator' },
      { roleName: 'Auditor', rolePath: '/x/', partition: 'aws-us-gov', roleArn: 'arn:aws-us-gov:iam::123456789012:role/x/Auditor' },
    ]);
  });

  it("reads AESR's aws_account_id + role_name, a path in role_name included, in partition aws", () => {
    const model = parseConfig(ini('[a]', 'aws_account_id = 123456789012', 'role_name = teams/ops/Admin'));
    expect(model.roles[0]).toMatchObject({
      accountId: '123456789012', roleName: 'Admin', rolePath: '/teams/ops/', partition: 'aws',
      roleArn: 'arn:aws:iam::123456789012:role/teams/ops/Admin',
    });
  });

  it('reads keys in any case', () => {
    const model = parseConfig(ini('[a]', 'Role_ARN = arn:aws:iam::123456789012:role/Admin', 'REGION = eu-west-1'));
    expect(model.roles[0]).toMatchObject({ roleName: 'Admin', region: 'eu-west-1' });
  });

  it('reads every option', () => {
    const model = parseConfig(ini(
      '[profile full]', ARN,
      'aws_account_alias = prod', 'region = eu-central-1', 'color = #FFAA00', "image = 'data:image/png;base64,iVBORw0KGgo='",
      'group = Production', 'external_id = ext-123', 'mfa_serial = arn:aws:iam::111111111111:mfa/alice',
      'duration_seconds = 3600', 'role_session_name = alice@example.com', 'source_identity = alice',
      'destination = /ec2/home?region=eu-central-1#Instances', 'target_role_name = Dev', 'target_region = us-east-1',
    ));
    const { layout: _layout, ...role } = model.roles[0] ?? {};
    expect(role).toEqual({
      name: 'full', line: 1, accountId: '123456789012', roleName: 'Admin', rolePath: '/', partition: 'aws',
      roleArn: 'arn:aws:iam::123456789012:role/Admin', accountAlias: 'prod', region: 'eu-central-1', color: '#ffaa00',
      image: 'data:image/png;base64,iVBORw0KGgo=', group: 'Production', externalId: 'ext-123',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', durationSeconds: 3600, roleSessionName: 'alice@example.com',
      sourceIdentity: 'alice', destination: '/ec2/home?region=eu-central-1#Instances', targetRoleName: 'Dev',
      targetRegion: 'us-east-1', chain: ['default', 'full'],
    });
    expect(model.diagnostics).toEqual([]);
  });

  it.each([['ff9900', '#ff9900'], ['#FF9900', '#ff9900'], ['"aBcDeF"', '#abcdef']])('normalises color = %s to %s', (input, output) => {
    expect(parseConfig(ini('[a]', ARN, `color = ${input}`)).roles[0]?.color).toBe(output);
  });

  it.each(['fff', '#ff99001', 'orange', 'ff99zz'])('rejects color = %s', (input) => {
    const model = parseConfig(ini('[a]', ARN, `color = ${input}`));
    expect(model.roles).toEqual([]);
    expect(codes(model)).toEqual(['bad-color']);
  });

  it.each([['900', 900], ['43200', 43200], ['3600', 3600]])('accepts duration_seconds = %s', (input, seconds) => {
    expect(parseConfig(ini('[a]', ARN, `duration_seconds = ${input}`)).roles[0]?.durationSeconds).toBe(seconds);
  });

  it.each(['899', '43201', '0', '-900', '3600s', '1e4', '3600.5', '1h'])('rejects duration_seconds = %s', (input) => {
    const model = parseConfig(ini('[a]', ARN, `duration_seconds = ${input}`));
    expect(codes(model)).toEqual(['bad-duration']);
    expect(model.diagnostics[0]?.message).toContain('900');
    expect(model.diagnostics[0]?.message).toContain('43200');
  });

  it.each(['ab', 'alice@example.com', 'a+b=c,d.e@f-g_h', 'x'.repeat(64)])('accepts role_session_name = %s', (name) => {
    expect(parseConfig(ini('[a]', ARN, `role_session_name = ${name}`)).roles[0]?.roleSessionName).toBe(name);
  });

  it.each(['a', 'x'.repeat(65), 'alice/admin', 'ali ce', 'ü-user'])('rejects role_session_name = %s', (name) => {
    expect(codes(parseConfig(ini('[a]', ARN, `role_session_name = ${name}`)))).toEqual(['bad-session-name']);
  });

  it.each(['/s3/buckets', 's3', 'cloudwatch', 'https://eu-west-1.console.aws.amazon.com/ec2/home', 'https://console.amazonaws.cn/'])(
    'accepts destination = %s', (destination) => {
      expect(parseConfig(ini('[a]', ARN, `destination = ${destination}`)).roles[0]?.destination).toBe(destination);
    });

  it.each(['//evil.example.com/x', 'https://evil.example.com/', 'http://console.aws.amazon.com/', 'https://console.aws.amazon.com.evil.test/', 'javascript:alert(1)'])(
    'rejects destination = %s (never a page outside the console)', (destination) => {
      expect(codes(parseConfig(ini('[a]', ARN, `destination = ${destination}`)))).toEqual(['bad-destination']);
    });

  it('strips quotes and inline comments from values', () => {
    const model = parseConfig(ini(
      '[a]', 'aws_account_id = 123456789012 ; the account', 'role_name = "Admin" # quoted',
      'image = "https://x.test/i.png#frag ; not a comment"', 'group = Ops ; team',
    ));
    expect(model.roles[0]).toMatchObject({ roleName: 'Admin', image: 'https://x.test/i.png#frag ; not a comment', group: 'Ops' });
  });

  it('reads CRLF text with a byte-order mark', () => {
    const model = parseConfig('\uFEFF[profile a]\r\nrole_arn = arn:aws:iam::123456789012:role/Admin\r\nregion = eu-west-1\r\n\r\n[b]\r\n' +
      'aws_account_id = 210987654321\r\nrole_name = Dev\r\n');
    expect(model.roles.map((r) => [r.name, r.line, r.roleArn, r.region])).toEqual([
      ['a', 1, 'arn:aws:iam::123456789012:role/Admin', 'eu-west-1'],
      ['b', 5, 'arn:aws:iam::210987654321:role/Dev', undefined],
    ]);
    expect(model.diagnostics).toEqual([]);
  });

  it('keeps unknown keys and nested blocks in the layout, never in the model, and rejects nothing', () => {
    const model = parseConfig(ini('[profile a]', ARN, 'output = json', 'cli_pager =', 's3 =', '  max_concurrent_requests = 10', 'x_custom = 1'));
    expect(model.diagnostics).toEqual([]);
    expect(model.roles[0]?.layout?.settings).toEqual([
      { key: 'role_arn', value: 'arn:aws:iam::123456789012:role/Admin' },
      { key: 'output', value: 'json' },
      { key: 'cli_pager', value: '' },
      { key: 's3', value: '', nested: [{ key: 'max_concurrent_requests', value: '10' }] },
      { key: 'x_custom', value: '1' },
    ]);
    expect(Object.keys(model.roles[0] ?? {})).not.toContain('output');
  });

  it('reports both role_arn and aws_account_id/role_name, on each extra line', () => {
    const model = parseConfig(ini('[a]', ARN, 'aws_account_id = 123456789012', 'role_name = Admin'));
    expect(model.diagnostics.map((d) => [d.code, d.line])).toEqual([['role-arn-conflict', 3], ['role-arn-conflict', 4]]);
    expect(model.roles).toEqual([]);
  });

  it('reports a role with source_profile but no role', () => {
    const model = parseConfig(ini('[k]', '[a]', 'source_profile = k', 'region = eu-west-1'));
    expect(model.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([['missing-account', 3, 'a']]);
  });

  it('reports an account id with a lost leading zero apart from an alias', () => {
    const model = parseConfig(ini('[a]', 'aws_account_id = 12345678901', 'role_name = Admin', '[b]', 'aws_account_id = prod-acct', 'role_name = Admin'));
    expect(model.diagnostics.map((d) => [d.code, d.severity, d.profile])).toEqual([['invalid-account-id', 'error', 'a'], ['account-alias', 'warning', 'b']]);
    expect(model.diagnostics[0]?.message).toContain('11 digits');
  });

  it('takes an account alias in aws_account_id as AESR does: a role whose account is the alias, with a warning', () => {
    const model = parseConfig(ini(
      '[a]', 'aws_account_id = prod-acct', 'role_name = ops/Admin',
      '[b]', 'aws_account_id = Acme-China', 'role_name = Reader', 'region = cn-north-1', 'aws_account_alias = acme-cn-shown',
      '[c]', 'aws_account_id = 1111-2222-3333', 'role_name = Admin',
      '[d]', 'aws_account_id = acme prod', 'role_name = Admin',
      '[e]', 'aws_account_id = -acme', 'role_name = Admin',
    ));
    expect(model.roles.map(({ layout: _l, ...role }) => role)).toEqual([
      {
        name: 'a', line: 1, accountId: 'prod-acct', accountIsAlias: true, accountAlias: 'prod-acct', roleName: 'Admin', rolePath: '/ops/',
        roleArn: 'arn:aws:iam::prod-acct:role/ops/Admin', partition: 'aws', chain: ['default', 'a'],
      },
      // The partition an alias cannot say comes from the region; an aws_account_alias of its own stays as written.
      {
        name: 'b', line: 4, accountId: 'Acme-China', accountIsAlias: true, accountAlias: 'acme-cn-shown', roleName: 'Reader', rolePath: '/',
        roleArn: 'arn:aws-cn:iam::Acme-China:role/Reader', partition: 'aws-cn', region: 'cn-north-1', chain: ['default', 'b'],
      },
    ]);
    expect(model.diagnostics.map((d) => [d.code, d.severity, d.profile])).toEqual([
      ['account-alias', 'warning', 'a'], ['account-alias', 'warning', 'b'],
      ['invalid-account-id', 'error', 'c'], ['invalid-account-id', 'error', 'd'], ['invalid-account-id', 'error', 'e'],
    ]);
    expect(model.diagnostics[2]?.message).toContain('aws_account_id = 111122223333');
    expect(model.diagnostics[3]?.message).toContain('neither a 12-digit account id nor an account alias');
    expect(model.skipped.map((p) => p.name)).toEqual(['c', 'd', 'e']);
    // Written back in AESR's form (an alias has no ARN), whatever the partition.
    const essence = ({ roles }: typeof model) => roles.map(({ line: _line, layout: _layout, ...role }) => role);
    expect(essence(parseConfig(exportConfig(model)))).toEqual(essence(model));
    expect(exportConfig(model)).toContain('[b]\naws_account_id = Acme-China\nrole_name = Reader\nregion = cn-north-1\naws_account_alias = acme-cn-shown\n');
  });

  it('reports every error of a profile, not only the first', () => {
    const model = parseConfig(ini('[a]', 'role_arn = nope', 'color = nope', 'duration_seconds = 5'));
    expect(codes(model)).toEqual(['invalid-arn', 'bad-color', 'bad-duration']);
  });

  it('ignores an empty known value with a warning, keeping the role', () => {
    const model = parseConfig(ini('[a]', ARN, 'region =', 'color = ""'));
    expect(model.roles[0]?.region).toBeUndefined();
    expect(model.roles[0]?.color).toBeUndefined();
    expect(codes(model)).toEqual(['empty-value', 'empty-value']);
  });

  it('leaves sourceProfile out when the role starts from default implicitly', () => {
    const model = parseConfig(ini('[a]', ARN));
    expect(roleNamed(model, 'a')).not.toHaveProperty('sourceProfile');
    expect(roleNamed(model, 'a')?.chain).toEqual(['default', 'a']);
  });

  it('warns when a region does not belong to the partition of the role', () => {
    const model = parseConfig(ini('[a]', 'role_arn = arn:aws-us-gov:iam::123456789012:role/A', 'region = eu-west-1'));
    expect(model.roles).toHaveLength(1);
    expect(model.diagnostics[0]).toMatchObject({ code: 'region-partition', severity: 'warning', line: 3 });
    expect(model.diagnostics[0]?.message).toContain('us-gov-west-1');
  });
});

describe('parseConfig: target_role_name and target_region (AESR base accounts)', () => {
  const base = ['[base]', 'aws_account_id = 111111111111', 'target_role_name = Developer', 'target_region = eu-west-1'];

  it('gives a role name and region to the profiles that name the base account and give none', () => {
    const model = parseConfig(ini(...base, '[a]', 'aws_account_id = 222222222222', 'source_profile = base'));
    expect(roleNamed(model, 'a')).toMatchObject({ roleName: 'Developer', region: 'eu-west-1', chain: ['base', 'a'] });
    expect(model.sources[0]).toMatchObject({ kind: 'keys', targetRoleName: 'Developer', targetRegion: 'eu-west-1' });
  });

  it('lets role_name and region override them', () => {
    const model = parseConfig(ini(...base, '[a]', 'aws_account_id = 222222222222', 'role_name = Manager', 'region = us-east-1', 'source_profile = base'));
    expect(roleNamed(model, 'a')).toMatchObject({ roleName: 'Manager', region: 'us-east-1' });
  });

  it('gives the region, not the role name, to role_arn profiles', () => {
    const model = parseConfig(ini(...base, '[a]', 'role_arn = arn:aws:iam::222222222222:role/Ops', 'source_profile = base'));
    expect(roleNamed(model, 'a')).toMatchObject({ roleName: 'Ops', region: 'eu-west-1' });
  });

  it('gives nothing to profiles that do not name the base account', () => {
    const model = parseConfig(ini(...base, '[a]', ARN, '[b]', 'aws_account_id = 222222222222', 'source_profile = a'));
    expect(roleNamed(model, 'a')?.region).toBeUndefined();
    expect(model.diagnostics.map((d) => [d.code, d.profile])).toEqual([
      ['unused-base-account', 'base'], ['missing-role-name', 'b'],
    ]);
    expect(model.diagnostics[1]?.message).toContain('target_role_name = <role name> in [a]');
  });

  it('also works from a base account with a role of its own (AESR login role)', () => {
    const model = parseConfig(ini(
      '[entry]', 'aws_account_id = 333300000000', 'role_name = Entry', 'target_role_name = Reader',
      '[t]', 'aws_account_id = 333300001111', 'source_profile = entry',
    ));
    expect(roleNamed(model, 't')).toMatchObject({ roleName: 'Reader', chain: ['default', 'entry', 't'] });
    expect(roleNamed(model, 'entry')?.targetRoleName).toBe('Reader');
  });

  it('reports a base account with no role name to give', () => {
    const model = parseConfig(ini('[base]', 'aws_account_id = 111111111111', '[a]', 'aws_account_id = 222222222222', 'source_profile = base'));
    expect(model.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([['missing-role-name', 4, 'a']]);
  });

  it('round-trips without writing the defaults into each profile', () => {
    const text = ini(...base, '', '[a]', 'aws_account_id = 222222222222', 'source_profile = base');
    expect(exportConfig(parseConfig(text))).toBe(text);
  });
});
