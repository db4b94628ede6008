/**
 * The configuration in force as layers (src/core/config/layers.ts): the organisation's and the subscription's texts
 * beside the person's own, parsed apart and merged. Names belong to the first layer that has them; a later profile
 * of the same name is skipped and reported on its own line, never merged in; a role whose chain goes through such a
 * name is skipped too; every layer's roles carry its group and its mark; the own text keeps its line numbers.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { mergeLayers, type ConfigLayer } from '../../../src/core/config/layers';

// The popup's index (listedProfiles) lives with the background, which imports the browser API.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { listedProfiles } = await import('../../../src/background/config/roles-index');

const MANAGED_TEXT = `[team-base]
aws_account_id = 111111111111

[team-dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = team-base
group = Platform

[shared]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = team-base
`;

const SUBSCRIBED_TEXT = `[sub-audit]
role_arn = arn:aws:iam::444444444444:role/Audit
source_profile = team-base

[team-base]
aws_account_id = 999999999999

[shared]
role_arn = arn:aws:iam::555555555555:role/Other
`;

const managed = (text = MANAGED_TEXT): ConfigLayer => ({ id: 'managed', group: 'Acme platform', label: 'your organisation\u2019s configuration', model: parseConfig(text) });
const subscribed = (text = SUBSCRIBED_TEXT): ConfigLayer => ({ id: 'subscription', group: 'team-roles', label: 'your subscription (team-roles.example.com)', model: parseConfig(text) });

describe('mergeLayers', () => {
  it('returns the own model itself when there is no layer', () => {
    const own = parseConfig('[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n');
    expect(mergeLayers(own, [])).toBe(own);
  });

  it('lists a layer\u2019s roles under its group, marked read-only, before the own roles', () => {
    const own = parseConfig('[mine]\nrole_arn = arn:aws:iam::123456789012:role/Mine\n');
    const merged = mergeLayers(own, [managed()]);
    expect(merged.roles.map((r) => [r.name, r.group, r.layer])).toEqual([
      ['team-dev', 'Acme platform', 'managed'],
      ['shared', 'Acme platform', 'managed'],
      ['mine', undefined, undefined],
    ]);
    expect(merged.sources.map((s) => [s.name, s.layer])).toEqual([['team-base', 'managed']]);
    expect(merged.layers).toEqual([{ id: 'managed', group: 'Acme platform', label: 'your organisation\u2019s configuration', roles: 2, skipped: 0, diagnostics: [] }]);
    // The popup's index: the layer's group on each of its roles.
    expect(listedProfiles(merged).map((r) => [r.profile, r.group])).toEqual([['team-dev', 'Acme platform'], ['shared', 'Acme platform'], ['mine', undefined]]);
  });

  it('skips an own profile of a managed name, on its own line, and keeps the managed one', () => {
    const ownText = '# mine\n\n[shared]\nrole_arn = arn:aws:iam::123456789012:role/Mine\n\n[other]\nrole_arn = arn:aws:iam::123456789012:role/Other\n';
    const merged = mergeLayers(parseConfig(ownText), [managed()]);
    expect(merged.roles.filter((r) => r.name === 'shared').map((r) => r.roleArn)).toEqual(['arn:aws:iam::333333333333:role/ReadOnly']);
    expect(merged.roles.map((r) => r.name)).toContain('other');
    const reported = merged.diagnostics.find((d) => d.code === 'shadowed-profile');
    expect(reported).toMatchObject({ line: 3, profile: 'shared', severity: 'error' });
    expect(reported?.message).toBe('[shared] has the same name as a profile in your organisation\u2019s configuration, which is used instead: rename this one to keep it.');
    // Listed greyed out where it is in the own text, beside the managed one that wins.
    const listed = listedProfiles(merged);
    expect(listed.filter((r) => r.profile === 'shared').map((r) => [r.group, r.skipped])).toEqual([['Acme platform', undefined], [undefined, reported?.message]]);
  });

  it('skips an own role whose chain goes through a managed name, and an own key source of that name', () => {
    const ownText = '[team-base]\naws_account_id = 123456789012\n\n[my-role]\nrole_arn = arn:aws:iam::123456789012:role/Mine\nsource_profile = team-base\n';
    const merged = mergeLayers(parseConfig(ownText), [managed()]);
    expect(merged.roles.map((r) => r.name)).toEqual(['team-dev', 'shared']);
    expect(merged.sources.filter((s) => s.name === 'team-base').map((s) => s.layer)).toEqual(['managed']);
    expect(merged.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([
      ['shadowed-profile', 1, 'team-base'],
      ['shadowed-source', 4, 'my-role'],
    ]);
    expect(merged.skipped.map((s) => [s.name, s.source])).toEqual([['my-role', 'team-base']]);
  });

  it('does not let an own role starting from the implicit default reach a managed [default]', () => {
    const withDefault = `${MANAGED_TEXT}\n[default]\nmfa_serial = arn:aws:iam::111111111111:mfa/team\n`;
    const merged = mergeLayers(parseConfig('[mine]\nrole_arn = arn:aws:iam::123456789012:role/Mine\n'), [managed(withDefault)]);
    expect(merged.roles.map((r) => r.name)).not.toContain('mine');
    expect(merged.diagnostics.map((d) => d.code)).toEqual(['shadowed-source']);
  });

  it('orders managed before subscription before own, whatever order they come in, and reports a layer\u2019s losses in its report', () => {
    const own = parseConfig('[sub-audit]\nrole_arn = arn:aws:iam::123456789012:role/Mine\n');
    const merged = mergeLayers(own, [subscribed(), managed()]);
    // The subscription's only role starts from [team-base], which is the organisation's name.
    expect(merged.roles.map((r) => [r.name, r.layer])).toEqual([['team-dev', 'managed'], ['shared', 'managed']]);
    const report = merged.layers?.find((l) => l.id === 'subscription');
    // Its [team-base] and [shared] are the organisation's names; [sub-audit] starts from [team-base]. Said as facts.
    expect(report?.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([
      ['shadowed-source', 1, 'sub-audit'],
      ['shadowed-profile', 5, 'team-base'],
      ['shadowed-profile', 8, 'shared'],
    ]);
    expect(report?.diagnostics[2]?.message).toBe('[shared] has the same name as a profile in your organisation\u2019s configuration, which is used instead.');
    // A name belongs to the first layer that has it, even to a profile skipped there: never swapped in silently.
    expect(merged.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['shadowed-profile', '[sub-audit] has the same name as a profile in your subscription (team-roles.example.com), which is used instead: rename this one to keep it.'],
    ]);
    expect(report).toMatchObject({ roles: 0, skipped: 2 });
  });

  it('keeps a layer\u2019s own problems with its own line numbers, apart from the own text\u2019s', () => {
    const broken = `${MANAGED_TEXT}\n[broken]\naws_account_id = 12345\nrole_name = X\n`;
    const own = parseConfig('[a]\nrole_arn = arn:aws:iam::123456789012:role/A\ncolor = red\n');
    const merged = mergeLayers(own, [managed(broken)]);
    expect(merged.diagnostics.map((d) => [d.code, d.line])).toEqual([['bad-color', 3]]);
    expect(merged.layers?.[0]?.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([['invalid-account-id', 15, 'broken']]);
    // The broken managed profile is listed greyed out in the managed group.
    expect(listedProfiles(merged).filter((r) => r.skipped !== undefined).map((r) => [r.profile, r.group])).toEqual([['broken', 'Acme platform'], ['a', undefined]]);
  });

  it('takes an [sso-session] of the same name and start URL as the same session, and refuses one that differs', () => {
    const session = (url: string) => `[sso-session acme]\nsso_start_url = ${url}\nsso_region = eu-west-1\n`;
    const profile = (name: string) => `[${name}]\nsso_session = acme\nsso_account_id = 123456789012\nsso_role_name = Admin\n`;
    const layer: ConfigLayer = { ...managed(`${session('https://acme.awsapps.com/start')}${profile('team-admin')}`) };

    const same = mergeLayers(parseConfig(`${session('https://acme.awsapps.com/start')}${profile('my-admin')}`), [layer]);
    expect(same.roles.map((r) => r.name)).toEqual(['team-admin', 'my-admin']);
    expect(same.ssoSessions).toHaveLength(1);
    expect(same.diagnostics).toEqual([]);

    const other = mergeLayers(parseConfig(`${session('https://other.awsapps.com/start')}${profile('my-admin')}`), [layer]);
    expect(other.roles.map((r) => r.name)).toEqual(['team-admin']);
    expect(other.sources.map((s) => s.name)).toEqual(['team-admin']);
    expect(other.ssoSessions.map((s) => s.startUrl)).toEqual(['https://acme.awsapps.com/start']);
    expect(other.diagnostics.map((d) => [d.code, d.line, d.profile])).toEqual([
      ['shadowed-sso-session', 1, 'sso-session acme'],
      ['shadowed-sso-session', 4, 'my-admin'],
    ]);
  });

  it('gives every name one owner, so sign-in finds each chain in one layer', () => {
    const own = parseConfig(`${SUBSCRIBED_TEXT}\n[team-dev]\nrole_arn = arn:aws:iam::123456789012:role/Mine\nsource_profile = sub-audit\n`);
    const merged = mergeLayers(own, [managed(), subscribed()]);
    const names = [...merged.roles, ...merged.sources].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    // Every role's chain is made of profiles of its own layer (or the implicit default).
    const byName = new Map([...merged.roles, ...merged.sources].map((p) => [p.name, p.layer]));
    for (const role of merged.roles) {
      for (const hop of role.chain) if (byName.has(hop)) expect(byName.get(hop), `${role.name} through ${hop}`).toBe(role.layer);
    }
  });
});
