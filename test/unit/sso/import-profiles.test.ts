/**
 * Identity Center import: new profiles appended for what is not configured yet, existing ones kept, gone ones only
 * reported, names readable and unique, groups as chosen; the text always parses to exactly the expected roles.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { importProfiles, type DiscoveredAccount } from '../../../src/core/sso/import-profiles';
import { GROUPINGS } from '../../../src/core/sso/import-grouping';

const SESSION = `[sso-session big]
sso_start_url = https://big.awsapps.com/start
sso_region = us-east-1
`;

const BIG = { kind: 'session', name: 'big' } as const;

function bigAccounts(count: number): DiscoveredAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(900000000001 + i),
    accountName: `team-${String(i + 1).padStart(3, '0')}-prod`,
    roles: ['ReadOnlyAccess', 'AdministratorAccess'],
  }));
}

/** The Identity Center roles of a text, as the popup gets them. */
function ssoRoles(text: string) {
  const model = parseConfig(text);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model.roles.map((r) => ({ name: r.name, accountId: r.accountId, roleName: r.roleName, group: r.group, ic: r.identityCenter }));
}

describe('importProfiles', () => {
  it('appends a profile per account and permission set, named <account>/<permission set>, grouped by account', () => {
    const result = importProfiles(SESSION, BIG, bigAccounts(2), 'account');
    expect(result.text).toBe(`${SESSION}
# IAM Identity Center (sso-session big): 4 profiles imported
[profile team-001-prod/AdministratorAccess]
sso_session = big
sso_account_id = 900000000001
sso_role_name = AdministratorAccess
group = team-001-prod

[profile team-001-prod/ReadOnlyAccess]
sso_session = big
sso_account_id = 900000000001
sso_role_name = ReadOnlyAccess
group = team-001-prod

[profile team-002-prod/AdministratorAccess]
sso_session = big
sso_account_id = 900000000002
sso_role_name = AdministratorAccess
group = team-002-prod

[profile team-002-prod/ReadOnlyAccess]
sso_session = big
sso_account_id = 900000000002
sso_role_name = ReadOnlyAccess
group = team-002-prod
`);
    expect(result.added.map((p) => p.name)).toEqual([
      'team-001-prod/AdministratorAccess', 'team-001-prod/ReadOnlyAccess', 'team-002-prod/AdministratorAccess', 'team-002-prod/ReadOnlyAccess',
    ]);
    expect(result).toMatchObject({ kept: 0, gone: [], found: 4 });
    expect(ssoRoles(result.text)).toEqual(result.added.map((p) => ({
      name: p.name, accountId: p.accountId, roleName: p.roleName, group: p.group,
      ic: { startUrl: 'https://big.awsapps.com/start', ssoRegion: 'us-east-1', sessionName: 'big' },
    })));
  });

  it('200 accounts × 2 permission sets: 400 profiles that parse to exactly those roles, quickly', () => {
    const accounts = bigAccounts(200);
    const started = performance.now();
    const result = importProfiles(SESSION, BIG, accounts, 'account');
    const took = performance.now() - started;
    expect(result.added).toHaveLength(400);
    const roles = ssoRoles(result.text);
    expect(roles).toHaveLength(400);
    const expected = accounts.flatMap((a) => a.roles.map((r) => `${a.accountId} ${r} ${a.accountName}`)).sort();
    expect(roles.map((r) => `${r.accountId} ${r.roleName} ${r.group ?? ''}`).sort()).toEqual(expected);
    expect(new Set(roles.map((r) => r.name)).size).toBe(400);
    expect(took).toBeLessThan(500);
    // Again: nothing new, the text unchanged, all 400 kept.
    const again = importProfiles(result.text, BIG, accounts, 'account');
    expect(again).toMatchObject({ text: result.text, added: [], kept: 400, gone: [], found: 400 });
  });

  it('keeps an existing profile for the same account and permission set as it is, whatever its name and settings', () => {
    const text = `# mine
${SESSION}
[profile prod-ro]
sso_session = big
sso_account_id = 900000000001
sso_role_name = ReadOnlyAccess
color = ff0000

[profile legacy-admin]
sso_start_url = https://big.awsapps.com/start/
sso_region = us-east-1
sso_account_id = 900000000001
sso_role_name = AdministratorAccess

[profile broken]
sso_session = big
sso_account_id = 900000000002
sso_role_name = ReadOnlyAccess
color = not-a-colour
`;
    const result = importProfiles(text, BIG, bigAccounts(2), 'account');
    // The hand-written ones stay (even one the parser refuses for a mistake); only the missing pair is new.
    expect(result.added.map((p) => p.name)).toEqual(['team-002-prod/AdministratorAccess']);
    expect(result.kept).toBe(3);
    expect(result.text.startsWith(text.trimEnd())).toBe(true);
    const model = parseConfig(result.text);
    expect(model.roles.map((r) => r.name)).toEqual(['prod-ro', 'legacy-admin', 'team-002-prod/AdministratorAccess']);
    expect(model.roles[0]?.color).toBe('#ff0000');
  });

  it('reports profiles whose account or permission set is gone, and deletes nothing', () => {
    const text = `${SESSION}
[profile old-account]
sso_session = big
sso_account_id = 123456789012
sso_role_name = ReadOnlyAccess

[profile old-set]
sso_session = big
sso_account_id = 900000000001
sso_role_name = Billing

[profile other-portal]
sso_start_url = https://other.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 111111111111
sso_role_name = ReadOnlyAccess
`;
    const result = importProfiles(text, BIG, bigAccounts(1), 'account');
    expect(result.gone).toEqual([
      { name: 'old-account', line: 5, accountId: '123456789012', roleName: 'ReadOnlyAccess' },
      { name: 'old-set', line: 10, accountId: '900000000001', roleName: 'Billing' },
    ]);
    expect(result.text).toContain('[profile old-account]');
    expect(result.text).toContain('[profile old-set]');
    expect(parseConfig(result.text).roles).toHaveLength(5);
  });

  it('writes the legacy form for a start URL without a session, matching profiles by start URL', () => {
    const text = `[profile mine]
sso_start_url = https://big.awsapps.com/start#/
sso_region = us-east-1
sso_account_id = 900000000001
sso_role_name = ReadOnlyAccess
`;
    const target = { kind: 'legacy', startUrl: 'https://big.awsapps.com/start#/', region: 'us-east-1' } as const;
    const result = importProfiles(text, target, bigAccounts(1), 'session');
    expect(result.added).toHaveLength(1);
    expect(result.text).toContain(`[profile team-001-prod/AdministratorAccess]
sso_start_url = https://big.awsapps.com/start#/
sso_region = us-east-1
sso_account_id = 900000000001
sso_role_name = AdministratorAccess
group = big
`);
    expect(ssoRoles(result.text).map((r) => r.name)).toEqual(['mine', 'team-001-prod/AdministratorAccess']);
  });

  it('makes names unique against every section, without case, and tells same-named accounts apart by id', () => {
    const text = `${SESSION}
[profile Team-001-Prod/ReadOnlyAccess]
role_arn = arn:aws:iam::111111111111:role/ReadOnlyAccess

[sso-session shop/Admin]
sso_start_url = https://shop.awsapps.com/start
sso_region = eu-west-1
`;
    const accounts: DiscoveredAccount[] = [
      { accountId: '900000000001', accountName: 'team-001-prod', roles: ['ReadOnlyAccess'] },
      { accountId: '200000000000', accountName: 'shop', roles: ['Admin'] },
      { accountId: '300000000000', accountName: 'shop', roles: ['Admin'] },
    ];
    const result = importProfiles(text, BIG, accounts, 'account');
    // team-001-prod/ReadOnlyAccess is taken by a role (in other case), shop/Admin by an sso-session.
    expect(result.added.map((p) => p.name)).toEqual([
      'shop-200000000000/Admin', 'shop-300000000000/Admin', 'team-001-prod-900000000001/ReadOnlyAccess',
    ]);
    expect(ssoRoles(result.text).filter((r) => r.ic).map((r) => r.name)).toEqual(result.added.map((p) => p.name));

    const twins = importProfiles(SESSION, BIG, accounts.slice(1), 'account');
    expect(twins.added.map((p) => p.name)).toEqual(['shop/Admin', 'shop-300000000000/Admin']);
  });

  it('turns any account name into a valid section name and any group into a value that reads back as itself', () => {
    const accounts: DiscoveredAccount[] = [
      { accountId: '100000000001', accountName: 'Payments [EU] ; prod #1', roles: ['Admin'] },
      { accountId: '100000000002', accountName: '  ', roles: ['Admin'] },
      { accountId: '100000000003', accountName: "'quoted' \"name\"", roles: ['Admin'] },
      { accountId: '100000000004', accountName: 'Équipe données', roles: ['Admin'] },
      { accountId: '100000000005', accountName: 'line\nbreak', roles: ['Admin'] },
    ];
    const result = importProfiles(SESSION, BIG, accounts, 'account');
    for (const profile of result.added) expect(profile.name).toMatch(/^[\w+=,.@-]+\/[\w+=,.@-]+$/);
    expect(result.added.map((p) => [p.name, p.group])).toEqual([
      ['100000000002/Admin', '100000000002'],
      ['quoted-name/Admin', "'quoted' name"],
      ['line-break/Admin', 'line break'],
      ['Payments-EU-prod-1/Admin', 'Payments [EU] ; prod #1'],
      ['Equipe-donnees/Admin', 'Équipe données'],
    ]);
    expect(ssoRoles(result.text).map((r) => [r.name, r.group])).toEqual(result.added.map((p) => [p.name, p.group]));
  });

  it('groups by account, by the first or last word of the account name, or one group for the session', () => {
    const accounts: DiscoveredAccount[] = [{ accountId: '100000000001', accountName: 'payments_core-prod', roles: ['Admin'] }];
    const groups = GROUPINGS.map((grouping) => importProfiles(SESSION, BIG, accounts, grouping).added[0]?.group);
    expect(groups).toEqual(['payments_core-prod', 'payments', 'prod', 'big']);
    for (const grouping of GROUPINGS) {
      const result = importProfiles(SESSION, BIG, accounts, grouping);
      expect(ssoRoles(result.text)[0]?.group).toBe(result.added[0]?.group);
    }
  });

  it('keeps the text as written: CRLF line endings, no final newline, an empty configuration', () => {
    const crlf = SESSION.replaceAll('\n', '\r\n').trimEnd();
    const result = importProfiles(crlf, BIG, bigAccounts(1), 'account');
    expect(result.text.startsWith(`${crlf}\r\n\r\n# IAM Identity Center`)).toBe(true);
    expect(result.text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(ssoRoles(result.text)).toHaveLength(2);

    const empty = importProfiles('', { kind: 'legacy', startUrl: 'https://big.awsapps.com/start', region: 'us-east-1' }, bigAccounts(1), 'account');
    expect(empty.text.startsWith('# IAM Identity Center (https://big.awsapps.com/start): 2 profiles imported\n[profile')).toBe(true);
    expect(ssoRoles(empty.text)).toHaveLength(2);
  });

  it('ignores what no portal answers: the same pair twice, a bad account id or permission set name', () => {
    const accounts: DiscoveredAccount[] = [
      { accountId: '100000000001', accountName: 'a', roles: ['Admin', 'Admin', 'bad name'] },
      { accountId: '100000000001', accountName: 'a', roles: ['Admin'] },
      { accountId: '12345', accountName: 'short', roles: ['Admin'] },
    ];
    const result = importProfiles(SESSION, BIG, accounts, 'account');
    expect(result.added.map((p) => p.name)).toEqual(['a/Admin']);
    expect(result.found).toBe(1);
  });
});
