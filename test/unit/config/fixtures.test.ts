/**
 * Every real configuration in test/fixtures/configs (copies of the shared fixtures), with the exact roles, sources, chains and diagnostics
 * it must give. A new fixture fails the first test until it gets its expectations here.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportConfig, parseConfig, type ConfigModel } from '../../../src/core/config';
import { essence, FIXTURES_DIR, readFixture, summary } from './helpers';

function withoutLayout<T extends { layout?: unknown }>(items: T[]): Omit<T, 'layout'>[] {
  return items.map(({ layout: _layout, ...rest }) => rest);
}

const aws = (accountId: string, roleName: string, rolePath = '/') => ({
  accountId, roleName, rolePath, roleArn: `arn:aws:iam::${accountId}:role${rolePath}${roleName}`, partition: 'aws',
});

const ACME = { startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'eu-west-1', sessionName: 'acme' };

/** A profile its errors leave out: listed greyed in the popup, with the first error's code (the reason shown). */
const skip = (name: string, line: number, source: string, code: string) => ({ name, line, source, code });

const EXPECTED: Record<string, {
  roles: unknown[]; sources: unknown[]; ssoSessions?: unknown[]; diagnostics: unknown[]; skipped?: ReturnType<typeof skip>[];
}> = {
  'aesr-readme-simple.ini': {
    roles: [
      { name: 'marketingadmin', line: 1, ...aws('123456789012', 'marketingadmin'), color: '#ffaaee', chain: ['default', 'marketingadmin'] },
      { name: 'anotheraccount', line: 5, ...aws('987654321987', 'anotherrole'), region: 'ap-northeast-1', chain: ['default', 'anotheraccount'] },
      { name: 'athirdaccount', line: 10, ...aws('987654321988', 'athirdrole'), image: 'https://aesr.dev/img/150', chain: ['default', 'athirdaccount'] },
    ],
    sources: [],
    diagnostics: [{ code: 'remote-image', line: 13, profile: 'athirdaccount', severity: 'warning' }],
  },
  'aesr-readme-complex.ini': {
    roles: [
      { name: 'Org1-Account1-Role1', line: 5, ...aws('123456789012', 'Role1'), sourceProfile: 'organization1', chain: ['organization1', 'Org1-Account1-Role1'] },
      { name: 'Org1-Account1-Role2', line: 9, ...aws('123456789012', 'Role2'), sourceProfile: 'organization1', chain: ['organization1', 'Org1-Account1-Role2'] },
      { name: 'Org1-Account2-Role1', line: 14, ...aws('210987654321', 'Role1'), sourceProfile: 'organization1', chain: ['organization1', 'Org1-Account2-Role1'] },
      { name: 'Base2-Role1', line: 22, ...aws('234567890123', 'Role1'), sourceProfile: 'baseaccount2', chain: ['baseaccount2', 'Base2-Role1'] },
      // An account alias in aws_account_id, as AESR allows: a role whose account is the alias (the console's
      // switch-role takes it), never a made-up id; a single (no source_profile), from default.
      {
        name: 'AnotherRole', line: 26, accountId: 'account-3-alias', accountIsAlias: true, accountAlias: 'account-3-alias', roleName: 'SomeOtherRole',
        rolePath: '/', roleArn: 'arn:aws:iam::account-3-alias:role/SomeOtherRole', partition: 'aws', chain: ['default', 'AnotherRole'],
      },
      // No role_name: Developer comes from target_role_name of the base account.
      { name: 'Org2-Account1-Developer', line: 37, ...aws('222200001111', 'Developer'), sourceProfile: 'Org2-BaseAccount', chain: ['Org2-BaseAccount', 'Org2-Account1-Developer'] },
      // role_name overrides target_role_name; the inline comment is not part of it.
      { name: 'Org2-Account2-Manager', line: 41, ...aws('222200002222', 'Manager'), sourceProfile: 'Org2-BaseAccount', chain: ['Org2-BaseAccount', 'Org2-Account2-Manager'] },
      // A base account with role_name is a role to sign in to (from default), and the first hop of its targets.
      { name: 'Org3-BaseAccount1', line: 49, ...aws('333300000000', 'Entry-Role-1'), chain: ['default', 'Org3-BaseAccount1'] },
      { name: 'Org3-BaseAccount2', line: 53, ...aws('333300000000', 'custom_permission-set'), accountAlias: 'mycompany', chain: ['default', 'Org3-BaseAccount2'] },
      { name: 'Org3-Account1-Role1', line: 58, ...aws('333300001111', 'Role1'), sourceProfile: 'Org3-BaseAccount1', chain: ['default', 'Org3-BaseAccount1', 'Org3-Account1-Role1'] },
      { name: 'Org2-Account2-Role2', line: 63, ...aws('222200002222', 'Role2'), sourceProfile: 'Org3-BaseAccount2', chain: ['default', 'Org3-BaseAccount2', 'Org2-Account2-Role2'] },
    ],
    sources: [
      { kind: 'keys', name: 'organization1', line: 1, accountId: '000011112222', accountAlias: 'your-account-alias' },
      { kind: 'keys', name: 'baseaccount2', line: 19, accountId: '000000000000' },
      { kind: 'keys', name: 'Org2-BaseAccount', line: 33, accountId: '222200000000', targetRoleName: 'Developer' },
    ],
    diagnostics: [{ code: 'account-alias', line: 28, profile: 'AnotherRole', severity: 'warning' }],
  },
  'aesr-options-page.ini': {
    roles: [
      { name: 'A1', line: 8, ...aws('000011112223', 'a1', '/target/'), color: '#ffcccc', sourceProfile: 'src-A', chain: ['src-A', 'A1'] },
      { name: 'B1', line: 14, ...aws('111122223334', 'roleB1'), sourceProfile: 'src/B', chain: ['src/B', 'B1'] },
      { name: 'A/2', line: 18, ...aws('000011112224', 'target-a2'), color: '#00cc33', sourceProfile: 'src-A', chain: ['src-A', 'A/2'] },
    ],
    sources: [
      { kind: 'keys', name: 'src-A', line: 1, accountId: '000011112222' },
      { kind: 'keys', name: 'src/B', line: 5, accountId: '111122223333' },
    ],
    diagnostics: [],
  },
  'aesr-config-sender.ini': {
    roles: [
      { name: 'dev', line: 7, ...aws('666677770000', 'developer'), color: '#ff33cc', image: 'https://console.aws.amazon.com/favicon.ico', sourceProfile: 'tilfin', chain: ['tilfin', 'dev'] },
      { name: 'stg', line: 13, ...aws('666677770000', 'developer'), color: '#ccff33', image: 'https://console.aws.amazon.com/favicon.ico', sourceProfile: 'tilfin', chain: ['tilfin', 'stg'] },
      { name: 'admin', line: 19, ...aws('333355551111', 'TilfinAdmin'), sourceProfile: 'tilfin', chain: ['tilfin', 'admin'] },
    ],
    sources: [{ kind: 'keys', name: 'tilfin', line: 4, accountId: '444488881111' }],
    diagnostics: [{ code: 'remote-image', line: 11, profile: 'dev', severity: 'warning' }, { code: 'remote-image', line: 17, profile: 'stg', severity: 'warning' }],
  },
  'aws-cli-config.ini': {
    roles: [
      { name: 'dev', line: 9, ...aws('222222222222', 'Developer'), region: 'eu-west-1', durationSeconds: 14400, sourceProfile: 'default', chain: ['default', 'dev'] },
      {
        name: 'prod-readonly', line: 15, ...aws('333333333333', 'ReadOnly'), mfaSerial: 'arn:aws:iam::111111111111:mfa/alice',
        roleSessionName: 'alice@example.com', sourceProfile: 'default', chain: ['default', 'prod-readonly'],
      },
      {
        name: 'prod-breakglass', line: 21, ...aws('333333333333', 'BreakGlass', '/path/to/'), externalId: 'ticket-4711',
        sourceProfile: 'prod-readonly', chain: ['default', 'prod-readonly', 'prod-breakglass'],
      },
      {
        name: 'vendor', line: 26, ...aws('444444444444', 'ThirdPartyAccess'), externalId: 'unique-external-id-12345', region: 'us-west-2',
        sourceProfile: 'default', chain: ['default', 'vendor'],
      },
      // An Identity Center profile is a role to sign in as, too (its permission set, no AssumeRole).
      {
        name: 'sandbox-admin', line: 37, ...aws('555555555555', 'AdministratorAccess'), region: 'ap-northeast-1', chain: ['sandbox-admin'],
        identityCenter: { startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'us-east-1', sessionName: 'corp' },
      },
      { name: 'sandbox-deploy', line: 43, ...aws('666666666666', 'Deployer'), sourceProfile: 'sandbox-admin', chain: ['sandbox-admin', 'sandbox-deploy'] },
      {
        name: 'govcloud', line: 47, accountId: '777777777777', roleName: 'Auditor', rolePath: '/',
        roleArn: 'arn:aws-us-gov:iam::777777777777:role/Auditor', partition: 'aws-us-gov', region: 'us-gov-west-1',
        sourceProfile: 'default', chain: ['default', 'govcloud'],
      },
      {
        name: 'china', line: 52, accountId: '888888888888', roleName: 'Operator', rolePath: '/',
        roleArn: 'arn:aws-cn:iam::888888888888:role/Operator', partition: 'aws-cn', region: 'cn-north-1',
        sourceProfile: 'default', chain: ['default', 'china'],
      },
    ],
    sources: [
      { kind: 'keys', name: 'default', line: 4, region: 'eu-west-1', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' },
      {
        kind: 'sso', name: 'sandbox-admin', line: 37, startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'us-east-1',
        accountId: '555555555555', roleName: 'AdministratorAccess', sessionName: 'corp', region: 'ap-northeast-1',
      },
      // credential_process, cli_pager and the s3 block are kept for export and ignored.
      { kind: 'keys', name: 'tools', line: 57 },
    ],
    ssoSessions: [{ name: 'corp', line: 32, startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', registrationScopes: 'sso:account:access' }],
    diagnostics: [],
  },
  'aws-cli-sso.ini': {
    roles: [
      { name: 'acme-dev-admin', line: 15, ...aws('222222222222', 'AdministratorAccess'), region: 'eu-west-1', chain: ['acme-dev-admin'], identityCenter: ACME },
      {
        name: 'acme-prod-readonly', line: 21, ...aws('333333333333', 'ReadOnlyAccess'), region: 'eu-central-1', color: '#c62828',
        chain: ['acme-prod-readonly'], identityCenter: ACME,
      },
      // Roles chained on an Identity Center profile (AWS caps them at 1 hour; 3600 asks for no more).
      {
        name: 'acme-prod-deployer', line: 28, ...aws('333333333333', 'Deployer'), durationSeconds: 3600, sourceProfile: 'acme-prod-readonly',
        chain: ['acme-prod-readonly', 'acme-prod-deployer'],
      },
      {
        name: 'acme-audit-vendor', line: 34, ...aws('444444444444', 'ThirdPartyAudit'), externalId: 'audit-2026', sourceProfile: 'acme-prod-readonly',
        chain: ['acme-prod-readonly', 'acme-audit-vendor'],
      },
      // The legacy form: start URL and region on the profile, no sso-session.
      {
        name: 'legacy-sandbox', line: 39, ...aws('555555555555', 'PowerUserAccess'), region: 'us-east-1', chain: ['legacy-sandbox'],
        identityCenter: { startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'eu-west-1' },
      },
      // GovCloud: the partition follows the Identity Center region.
      {
        name: 'gov-ops', line: 47, accountId: '666666666666', roleName: 'Operations', rolePath: '/', roleArn: 'arn:aws-us-gov:iam::666666666666:role/Operations',
        partition: 'aws-us-gov', region: 'us-gov-west-1', chain: ['gov-ops'],
        identityCenter: { startUrl: 'https://start.us-gov-home.awsapps.com/directory/acme-gov', ssoRegion: 'us-gov-west-1', sessionName: 'acme-gov' },
      },
    ],
    sources: [
      { kind: 'sso', name: 'acme-dev-admin', line: 15, startUrl: ACME.startUrl, ssoRegion: 'eu-west-1', accountId: '222222222222', roleName: 'AdministratorAccess', sessionName: 'acme', region: 'eu-west-1' },
      {
        kind: 'sso', name: 'acme-prod-readonly', line: 21, startUrl: ACME.startUrl, ssoRegion: 'eu-west-1', accountId: '333333333333', roleName: 'ReadOnlyAccess',
        sessionName: 'acme', region: 'eu-central-1', color: '#c62828',
      },
      { kind: 'sso', name: 'legacy-sandbox', line: 39, startUrl: ACME.startUrl, ssoRegion: 'eu-west-1', accountId: '555555555555', roleName: 'PowerUserAccess', region: 'us-east-1' },
      {
        kind: 'sso', name: 'gov-ops', line: 47, startUrl: 'https://start.us-gov-home.awsapps.com/directory/acme-gov', ssoRegion: 'us-gov-west-1',
        accountId: '666666666666', roleName: 'Operations', sessionName: 'acme-gov', region: 'us-gov-west-1',
      },
    ],
    ssoSessions: [
      { name: 'acme', line: 5, startUrl: ACME.startUrl, region: 'eu-west-1', registrationScopes: 'sso:account:access' },
      { name: 'acme-gov', line: 10, startUrl: 'https://start.us-gov-home.awsapps.com/directory/acme-gov', region: 'us-gov-west-1', registrationScopes: 'sso:account:access' },
    ],
    // The three mistakes, each on its own profile; every other profile still works.
    diagnostics: [
      { code: 'missing-sso-session', line: 54, profile: 'broken-unknown-session', severity: 'error' },
      { code: 'invalid-account-id', line: 60, profile: 'broken-short-account', severity: 'error' },
      { code: 'incomplete-sso-session', line: 63, profile: 'sso-session broken-no-region', severity: 'error' },
    ],
    // The two profiles (an sso-session is no profile to list); each is its own source.
    skipped: [
      skip('broken-unknown-session', 53, 'broken-unknown-session', 'missing-sso-session'),
      skip('broken-short-account', 58, 'broken-short-account', 'invalid-account-id'),
    ],
  },
};

describe('configuration fixtures', () => {
  it('has expectations for every fixture', () => {
    const files = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.ini')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const model: ConfigModel = parseConfig(readFixture(file));

    it('gives the exact roles, with accounts, ARNs, partitions, regions, colours and chains', () => {
      expect(withoutLayout(model.roles)).toEqual(expected.roles);
    });

    it('gives the exact sources and SSO sessions', () => {
      expect(withoutLayout(model.sources)).toEqual(expected.sources);
      expect(withoutLayout(model.ssoSessions)).toEqual(expected.ssoSessions ?? []);
    });

    it('gives the exact diagnostics', () => {
      expect(summary(model)).toEqual(expected.diagnostics);
    });

    it('lists exactly the profiles its errors leave out, each with its first error', () => {
      expect(model.skipped.map(({ name, line, source, reason }) => ({
        name, line, source, code: model.diagnostics.find((d) => d.profile === name && d.message === reason)?.code,
      }))).toEqual(expected.skipped ?? []);
    });

    it('survives export and parse again', () => {
      const again = parseConfig(exportConfig(model));
      expect(essence(again)).toEqual(essence(model));
      // Only the warnings stay (an https image, kept as written but never shown); errors left with their profiles.
      const warnings = (expected.diagnostics as { code: string; severity: string }[]).filter((d) => d.severity === 'warning');
      expect(summary(again).map((d) => d.code)).toEqual(warnings.map((d) => d.code));
    });
  });

  it("AESR's complex example takes the alias-only profile as a console-switch role, and says what needs the id", () => {
    const model = parseConfig(readFixture('aesr-readme-complex.ini'));
    expect(model.roles).toHaveLength(11);
    expect(model.skipped).toEqual([]);
    const [problem] = model.diagnostics;
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toContain('account-3-alias');
    expect(problem?.message).toContain('switching to this role from a console session works');
    expect(problem?.message).toContain('12-digit account id');
    expect(problem?.message).toContain('aws_account_alias = account-3-alias');
    // Exported as written: AESR's form, and no aws_account_alias line the text did not have.
    expect(exportConfig(model)).toContain('[AnotherRole]\nrole_name = SomeOtherRole\naws_account_id = account-3-alias\n\n');
  });

  it('exports the ~/.aws/config fixture as written, minus its comments', () => {
    const text = readFixture('aws-cli-config.ini');
    const withoutComments = text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(exportConfig(parseConfig(text))).toBe(withoutComments);
  });

  it("exports AESR's simple example as written, quotes and colours without # included", () => {
    const text = readFixture('aesr-readme-simple.ini');
    expect(exportConfig(parseConfig(text))).toBe(text.replace('region=ap-northeast-1', 'region = ap-northeast-1'));
  });
});
