import { describe, expect, it } from 'vitest';
import { MAX_CHAIN_HOPS, MAX_CONFIG_BYTES, MAX_CONFIG_SECTIONS, parseConfig } from '../../../src/core/config';
import { ini, roleNamed } from './helpers';

const role = (name: string, account: string, source?: string) =>
  [`[profile ${name}]`, `role_arn = arn:aws:iam::${account}:role/${name}`, ...(source ? [`source_profile = ${source}`] : [])];

describe('parseConfig: chains', () => {
  it('starts roles without source_profile from default, with or without a [default] section', () => {
    for (const text of [ini(...role('a', '111111111111')), ini('[default]', 'region = eu-west-1', ...role('a', '111111111111'))]) {
      const model = parseConfig(text);
      expect(roleNamed(model, 'a')?.chain).toEqual(['default', 'a']);
      expect(model.diagnostics).toEqual([]);
    }
  });

  it('accepts source_profile = default with no [default] section (its keys are in the vault)', () => {
    const model = parseConfig(ini(...role('a', '111111111111', 'default')));
    expect(roleNamed(model, 'a')).toMatchObject({ sourceProfile: 'default', chain: ['default', 'a'] });
    expect(model.diagnostics).toEqual([]);
  });

  it('follows chains of any depth, whatever the order of the sections', () => {
    const model = parseConfig(ini(
      ...role('Auditor', '444444444444', 'Deployer'),
      ...role('Deployer', '333333333333', 'Developer'),
      ...role('Developer', '222222222222', 'alice-keys'),
      '[alice-keys]', 'mfa_serial = arn:aws:iam::111111111111:mfa/alice',
    ));
    expect(model.roles.map((r) => [r.name, r.chain])).toEqual([
      ['Auditor', ['alice-keys', 'Developer', 'Deployer', 'Auditor']],
      ['Deployer', ['alice-keys', 'Developer', 'Deployer']],
      ['Developer', ['alice-keys', 'Developer']],
    ]);
    expect(model.diagnostics).toEqual([]);
  });

  it('chains from an SSO profile', () => {
    const model = parseConfig(ini(
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
      '[profile sso]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = Admin',
      ...role('a', '111111111111', 'sso'), ...role('b', '222222222222', 'a'),
    ));
    expect(roleNamed(model, 'b')?.chain).toEqual(['sso', 'a', 'b']);
  });

  it('warns when a role assumed from an SSO profile asks for more than 1 hour: its credentials are temporary', () => {
    const model = parseConfig(ini(
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
      '[profile sso]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = Admin',
      ...role('a', '111111111111', 'sso'), 'duration_seconds = 7200',
      ...role('b', '222222222222', 'sso'), 'duration_seconds = 3600',
    ));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line, d.severity])).toEqual([['chained-duration', 'a', 11, 'warning']]);
    expect(model.diagnostics[0]?.message).toContain('AWS caps at 1 hour');
    expect(model.roles).toHaveLength(3);
  });

  it('chains through a [default] that is itself a role', () => {
    const model = parseConfig(ini('[keys]', '[default]', 'role_arn = arn:aws:iam::111111111111:role/Base', 'source_profile = keys', ...role('a', '222222222222')));
    expect(roleNamed(model, 'a')?.chain).toEqual(['keys', 'default', 'a']);
  });

  it.each([
    ['itself', [...role('a', '111111111111', 'a')], ['a']],
    ['two profiles', [...role('a', '111111111111', 'b'), ...role('b', '222222222222', 'a')], ['a', 'b']],
    ['three profiles', [...role('a', '111111111111', 'b'), ...role('b', '222222222222', 'c'), ...role('c', '333333333333', 'a')], ['a', 'b', 'c']],
  ])('reports a loop through %s on each profile in it', (_what, lines, names) => {
    const model = parseConfig(ini(...lines, ...role('ok', '999999999999')));
    expect(model.diagnostics.map((d) => [d.code, d.profile])).toEqual(names.map((n) => ['source-cycle', n]));
    expect(model.diagnostics.map((d) => d.line)).toEqual(names.map((_, i) => 3 + 3 * i));
    expect(model.roles.map((r) => r.name)).toEqual(['ok']);
    expect(model.diagnostics[names.length - 1]?.message).toContain(`${names.join(' -> ')} -> ${names[0] ?? ''}`);
  });

  it('reports a role that leads into a loop as depending on a broken source, not as part of the loop', () => {
    const model = parseConfig(ini(...role('tail', '111111111111', 'a'), ...role('a', '222222222222', 'b'), ...role('b', '333333333333', 'a')));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line])).toEqual([
      ['broken-source', 'tail', 3], ['source-cycle', 'a', 6], ['source-cycle', 'b', 9],
    ]);
  });

  it('reports a missing source_profile, and the roles that depend on that role', () => {
    const model = parseConfig(ini(...role('a', '111111111111', 'nowhere'), ...role('b', '222222222222', 'a'), ...role('c', '333333333333', 'b'), ...role('ok', '444444444444')));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line])).toEqual([
      ['missing-source', 'a', 3], ['broken-source', 'b', 6], ['broken-source', 'c', 9],
    ]);
    expect(model.diagnostics[0]?.message).toContain('[profile nowhere]');
    expect(model.roles.map((r) => r.name)).toEqual(['ok']);
  });

  it('leaves out the roles of a key source with errors', () => {
    const model = parseConfig(ini('[keys]', 'color = nope', ...role('a', '111111111111', 'keys')));
    expect(model.diagnostics.map((d) => [d.code, d.profile])).toEqual([['bad-color', 'keys'], ['broken-source', 'a']]);
    expect(model.diagnostics[1]?.message).toContain('line 1');
  });

  it('leaves out roles without source_profile when [default] has errors, and says so', () => {
    const model = parseConfig(ini('[default]', 'color = nope', ...role('a', '111111111111')));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line])).toEqual([['bad-color', 'default', 2], ['broken-source', 'a', 3]]);
    expect(model.diagnostics[1]?.message).toContain('source_profile');
  });

  it('walks a chain 3,000 roles deep without running out of stack, keeping the first five hops', () => {
    const lines: string[] = [];
    // The deepest role first, so every walk starts at the far end.
    for (let i = 2999; i >= 0; i--) lines.push(...role(`r${i}`, '111111111111', i === 0 ? 'keys' : `r${i - 1}`));
    const model = parseConfig(ini(...lines, '[keys]'));
    expect(model.diagnostics.map((d) => d.code)).toEqual(Array(3000 - MAX_CHAIN_HOPS).fill('chain-too-deep'));
    expect(roleNamed(model, 'r4')?.chain).toHaveLength(MAX_CHAIN_HOPS + 1);
  });

  it('warns when a chained role asks for more than the 1-hour role chaining limit', () => {
    const model = parseConfig(ini(
      '[keys]', ...role('a', '111111111111', 'keys'), 'duration_seconds = 7200',
      ...role('b', '222222222222', 'a'), 'duration_seconds = 7200',
      ...role('c', '333333333333', 'a'), 'duration_seconds = 3600',
    ));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line])).toEqual([['chained-duration', 'b', 9]]);
    expect(model.roles).toHaveLength(3);
  });
});

describe('parseConfig: found by the property tests', () => {
  it('reports a missing role name under source_profile = default with no [default], and its dependants', () => {
    const model = parseConfig(ini('[profile src/B]', 'aws_account_id=123456789012', 'source_profile=default', '[a]', 'role_arn=arn:aws:iam::123456789012:role/Admin', 'source_profile=src/B'));
    expect(model.diagnostics.map((d) => [d.code, d.profile, d.line])).toEqual([['missing-role-name', 'src/B', 2], ['broken-source', 'a', 6]]);
    expect(model.roles).toEqual([]);
  });

  it('follows at most five roles beyond the source: a deeper role is skipped with an error naming its chain, the rest work', () => {
    expect(MAX_CHAIN_HOPS).toBe(5);
    const names = Array.from({ length: 8 }, (_, i) => `r${i + 1}`);
    // Written deepest first, so the walk meets the whole chain at once.
    const model = parseConfig(ini(
      ...names.toReversed().flatMap((name, i) => role(name, '222222222222', names[names.length - i - 2] ?? 'keys')),
      '[keys]', 'region = eu-west-1',
      ...role('beside', '333333333333', 'keys'),
    ));
    expect(model.roles.map((r) => r.name).sort()).toEqual(['beside', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(roleNamed(model, 'r5')?.chain).toEqual(['keys', 'r1', 'r2', 'r3', 'r4', 'r5']);
    const errors = model.diagnostics.filter((d) => d.code === 'chain-too-deep');
    expect(errors.map((d) => [d.profile, d.severity])).toEqual([['r8', 'error'], ['r7', 'error'], ['r6', 'error']]);
    expect(errors.find((d) => d.profile === 'r6')?.message).toContain('6 roles from its source (keys -> r1 -> r2 -> r3 -> r4 -> r5 -> r6)');
    expect(errors.find((d) => d.profile === 'r8')?.message).toContain('8 roles from its source (keys -> r1 -> r2 -> r3 -> r4 -> r5 -> … -> r8)');
    expect(model.diagnostics.filter((d) => d.code !== 'chain-too-deep')).toEqual([]);
  });

  it('stays linear for a chain thousands of roles deep (a shared configuration cannot blow the model up)', () => {
    const depth = 5_000;
    const lines = ['[keys]'];
    for (let i = 1; i <= depth; i++) lines.push(...role(`r${i}`, '222222222222', i === 1 ? 'keys' : `r${i - 1}`));
    const model = parseConfig(ini(...lines));
    expect(model.roles).toHaveLength(MAX_CHAIN_HOPS);
    expect(Math.max(...model.roles.map((r) => r.chain.length))).toBe(MAX_CHAIN_HOPS + 1);
    const messages = model.diagnostics.reduce((sum, d) => sum + d.message.length, 0);
    expect(messages / model.diagnostics.length).toBeLessThan(300);
  });

  it('refuses a configuration over 5 MB or over 20,000 sections whole, saying why', () => {
    expect([MAX_CONFIG_BYTES, MAX_CONFIG_SECTIONS]).toEqual([5 * 1024 * 1024, 20_000]);
    const big = parseConfig(ini(...role('a', '111111111111'), `# ${'x'.repeat(MAX_CONFIG_BYTES)}`));
    expect(big.roles).toEqual([]);
    expect(big.diagnostics).toMatchObject([{ code: 'too-large', severity: 'error' }]);
    expect(big.diagnostics[0]?.message).toMatch(/at most 5\.0 MB.*last saved configuration stays/);
    // Bytes, not characters: 2-byte characters under the cap in length but over it in UTF-8.
    expect(parseConfig(`# ${'é'.repeat(MAX_CONFIG_BYTES / 2 + 10)}`).diagnostics[0]?.code).toBe('too-large');
    // And just under it in UTF-8 though long in characters: counted, and read.
    const under = parseConfig(ini(...role('a', '111111111111'), `# ${'é'.repeat(MAX_CONFIG_BYTES / 2 - 100)}`));
    expect(under.roles.map((r) => r.name)).toEqual(['a']);

    const many = (n: number) => Array.from({ length: n }, (_, i) => `[p${i}]\nrole_arn = arn:aws:iam::111111111111:role/R\n`).join('');
    const tooMany = parseConfig(many(MAX_CONFIG_SECTIONS + 1));
    expect(tooMany.roles).toEqual([]);
    expect(tooMany.diagnostics).toMatchObject([{ code: 'too-many-profiles', severity: 'error' }]);
    expect(tooMany.diagnostics[0]?.message).toContain('20,001 sections');
    expect(parseConfig(many(MAX_CONFIG_SECTIONS)).roles).toHaveLength(MAX_CONFIG_SECTIONS);
  });
});
