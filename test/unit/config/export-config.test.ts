import { describe, expect, it } from 'vitest';
import { exportConfig, parseConfig, type ConfigModel, type RoleProfile } from '../../../src/core/config';
import { essence, ini } from './helpers';

const SOURCE = ini(
  '# my roles',
  '[default]',
  'region=eu-west-1 ; home',
  'output = json',
  '',
  '[profile Prod Admin]',
  'Role_Arn = arn:aws:iam::123456789012:role/ops/Admin',
  'color = FF9900',
  "image = 'https://x.test/a ; b.png'",
  'cli_pager =',
  's3 =',
  '    max_concurrent_requests = 10',
  '',
  '[base]',
  'aws_account_id = 111111111111',
  'target_role_name = Dev',
  '',
  '[t]',
  'aws_account_id = 222222222222',
  'source_profile = base',
  'duration_seconds = 3600',
);

function edit(model: ConfigModel, name: string, change: (role: RoleProfile) => void): ConfigModel {
  const roles = model.roles.map((r) => {
    if (r.name !== name) return r;
    const copy = { ...r };
    change(copy);
    return copy;
  });
  return { ...model, roles };
}

describe('exportConfig', () => {
  it('writes back what the user wrote: header forms, key order and case, values as typed, unknown keys and blocks', () => {
    expect(exportConfig(parseConfig(SOURCE))).toBe(ini(
      '[default]',
      'region = eu-west-1',
      'output = json',
      '',
      '[profile Prod Admin]',
      'Role_Arn = arn:aws:iam::123456789012:role/ops/Admin',
      'color = FF9900',
      "image = 'https://x.test/a ; b.png'",
      'cli_pager =',
      's3 =',
      '  max_concurrent_requests = 10',
      '',
      '[base]',
      'aws_account_id = 111111111111',
      'target_role_name = Dev',
      '',
      '[t]',
      'aws_account_id = 222222222222',
      'source_profile = base',
      'duration_seconds = 3600',
    ));
  });

  it('writes a changed value anew, drops a removed one and appends an added one', () => {
    let model = parseConfig(SOURCE);
    model = edit(model, 'Prod Admin', (r) => {
      r.color = '#00ff00';
      delete r.image;
      r.group = 'Ops ; EU';
    });
    const text = exportConfig(model);
    expect(text).toContain(ini('color = 00ff00', 'cli_pager =', 's3 =', '  max_concurrent_requests = 10', 'group = "Ops ; EU"'));
    expect(text).not.toContain('image');
    expect(roleOf(parseConfig(text), 'Prod Admin')).toMatchObject({ color: '#00ff00', group: 'Ops ; EU' });
  });

  it("keeps AESR's account form while it can say the role, and switches to role_arn when it cannot", () => {
    const model = parseConfig(SOURCE);
    const renamed = exportConfig(edit(model, 't', (r) => Object.assign(r, { roleName: 'Ops', roleArn: 'arn:aws:iam::222222222222:role/Ops' })));
    expect(renamed).toContain(ini('[t]', 'aws_account_id = 222222222222', 'source_profile = base', 'duration_seconds = 3600', 'role_name = Ops'));

    const china = exportConfig(edit(model, 't', (r) => Object.assign(r, { partition: 'aws-cn', roleArn: 'arn:aws-cn:iam::222222222222:role/Dev' })));
    expect(china).toContain(ini('[t]', 'source_profile = base', 'duration_seconds = 3600', 'role_arn = arn:aws-cn:iam::222222222222:role/Dev'));
    expect(roleOf(parseConfig(china), 't')).toMatchObject({ partition: 'aws-cn', roleName: 'Dev', chain: ['base', 't'] });
  });

  it('keeps a region written in the profile even when the base account gives the same one', () => {
    const text = ini('[base]', 'aws_account_id = 111111111111', 'target_region = eu-west-1', '', '[t]', 'role_arn = arn:aws:iam::222222222222:role/R', 'source_profile = base', 'region = eu-west-1');
    expect(exportConfig(parseConfig(text))).toBe(text);
  });

  it('writes a model without layout in the AWS CLI form', () => {
    const model: ConfigModel = {
      skipped: [],
      ssoSessions: [{ name: 'corp', line: 1, startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1' }],
      sources: [
        { kind: 'keys', name: 'default', line: 2, region: 'eu-west-1' },
        { kind: 'sso', name: 'admin', line: 3, startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'us-east-1', accountId: '555555555555', roleName: 'Admin', sessionName: 'corp' },
      ],
      roles: [{
        name: 'admin', line: 3, accountId: '555555555555', roleName: 'Admin', rolePath: '/', roleArn: 'arn:aws:iam::555555555555:role/Admin',
        partition: 'aws', chain: ['admin'], identityCenter: { startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'us-east-1', sessionName: 'corp' },
      }, {
        name: 'dev', line: 4, accountId: '222222222222', roleName: 'Dev', rolePath: '/team/', roleArn: 'arn:aws:iam::222222222222:role/team/Dev',
        partition: 'aws', color: '#ff9900', durationSeconds: 3600, sourceProfile: 'admin', chain: ['admin', 'dev'],
      }],
      diagnostics: [],
    };
    const text = exportConfig(model);
    expect(text).toBe(ini(
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', '',
      '[default]', 'region = eu-west-1', '',
      '[profile admin]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = Admin', '',
      '[profile dev]', 'role_arn = arn:aws:iam::222222222222:role/team/Dev', 'source_profile = admin', 'duration_seconds = 3600', 'color = ff9900',
    ));
    expect(essence(parseConfig(text))).toEqual(essence(model));
  });

  it('writes [profile x] where [x] would read as something else', () => {
    const model = parseConfig(ini('[profile profile x]', 'role_arn = arn:aws:iam::123456789012:role/A', '[profile sso-session y]'));
    const bare = {
      ...model,
      roles: model.roles.map((r) => ({ ...r, layout: { prefixed: false, settings: r.layout?.settings ?? [] } })),
      sources: model.sources.map((s) => ({ ...s, layout: { prefixed: false, settings: s.layout?.settings ?? [] } })),
    };
    const text = exportConfig(bare);
    expect(text).toContain('[profile profile x]');
    expect(text).toContain('[profile sso-session y]');
    expect(essence(parseConfig(text))).toEqual(essence(model));
  });

  it('quotes values only where a comment marker or a leading quote would change them', () => {
    const base: RoleProfile = {
      name: 'a', line: 1, accountId: '123456789012', roleName: 'A', rolePath: '/', roleArn: 'arn:aws:iam::123456789012:role/A',
      partition: 'aws', chain: ['default', 'a'],
    };
    const cases: [string, string][] = [
      ['plain', 'group = plain'],
      ['a;b#c', 'group = a;b#c'],
      ['#hash first', 'group = #hash first'],
      ['a ; b', 'group = "a ; b"'],
      ['say "hi" # now', `group = 'say "hi" # now'`],
      ['"quoted"', `group = '"quoted"'`],
    ];
    for (const [group, line] of cases) {
      const text = exportConfig({ roles: [{ ...base, group }], skipped: [], sources: [], ssoSessions: [], diagnostics: [] });
      expect(text).toContain(`${line}\n`);
      expect(parseConfig(text).roles[0]?.group).toBe(group);
    }
  });

  it('leaves out profiles with errors, comments and [services] sections (they are not in the model)', () => {
    const text = exportConfig(parseConfig(ini('; c', '[bad]', 'role_name = X', '[services s]', 'a = b', '[good]', 'role_arn = arn:aws:iam::123456789012:role/G')));
    expect(text).toBe(ini('[good]', 'role_arn = arn:aws:iam::123456789012:role/G'));
  });

  it('gives the empty text for the empty model', () => {
    expect(exportConfig({ roles: [], skipped: [], sources: [], ssoSessions: [], diagnostics: [] })).toBe('');
  });
});

function roleOf(model: ConfigModel, name: string): RoleProfile | undefined {
  return model.roles.find((r) => r.name === name);
}
