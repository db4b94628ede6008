/**
 * Property tests: the parser never throws and keeps its promises on any text; export -> parse gives back the
 * model, for models the parser made (layouts included) and for generated ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAccountAlias, parseRoleArn, type Partition } from '../../../src/core/arn';
import {
  MAX_CHAIN_HOPS,
  exportConfig, parseConfig, type ConfigModel, type KeySource, type RoleProfile, type SsoSession, type SsoSource,
} from '../../../src/core/config';
import { ssoRole } from '../../../src/core/config/read-sources';
import { essence, withoutLines } from './helpers';

// ---- INI-ish text: real keys and values, comments, quotes, indentation, junk, any line ending ----

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'default', 'base', 'src/B', 'x y', 'corp', 'dev', 'prod', 'Org2-Base'];
const KEYS = [
  'role_arn', 'aws_account_id', 'role_name', 'source_profile', 'region', 'color', 'image', 'aws_account_alias',
  'target_role_name', 'target_region', 'mfa_serial', 'external_id', 'duration_seconds', 'role_session_name',
  'source_identity', 'group', 'destination', 'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id',
  'sso_role_name', 'sso_registration_scopes', 'output', 'credential_process', 'credential_source',
  'aws_access_key_id', 'aws_secret_access_key', 's3', 'max_concurrent_requests', 'Role_Arn', 'REGION',
];
const VALUES = [
  'arn:aws:iam::123456789012:role/Admin', 'arn:aws-cn:iam::123456789012:role/p/q/R', 'arn:aws-us-gov:iam::210987654321:role/G',
  'arn:aws:iam::1:role/x', '123456789012', '210987654321', 'my-alias', 'Admin', 'path/to/Dev', 'bad name',
  'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'europe', 'ff9900', '#ABCDEF', 'red', '3600', '7200', '60',
  'alice@example.com', 'arn:aws:iam::111111111111:mfa/alice', 'https://x.awsapps.com/start', '/ec2/home', 's3',
  'json', '', '"quoted ; x"', "'single'", '"unclosed', 'Ec2InstanceMetadata',
];

const name = fc.constantFrom(...NAMES);
const profileHeader = fc.oneof(name.map((n) => `[${n}]`), name.map((n) => `[profile ${n}]`), fc.constant(' [ profile  b ] ; c'));
const junkHeader = fc.constantFrom('[services s]', '[broken', '[]', '[a] junk');
const value = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 2, arbitrary: name }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
/** Any known or unknown key with any value: mostly mistakes. */
const randomSetting = fc
  .tuple(fc.constantFrom(...KEYS), value, fc.constantFrom('', ' ; comment', ' # comment', ';c'))
  .map(([key, v, comment]) => `${key} = ${v}${comment}`);
const noise = fc.oneof(
  fc.constantFrom('', '# comment', '; comment', '   ; indented comment', 'not a setting'),
  fc.string({ maxLength: 20 }),
);
const source = fc
  .tuple(fc.option(name, { nil: undefined }), fc.option(fc.constantFrom('eu-west-1', 'us-gov-west-1'), { nil: undefined }))
  .map(([n, region]) => [...(n === undefined ? [] : [`source_profile = ${n}`]), ...(region === undefined ? [] : [`region = ${region}`])]);
/** Mostly coherent sections, so that many profiles parse and chains, targets and sessions get exercised. */
const section = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(profileHeader, fc.constantFrom(...VALUES.slice(0, 3)), source).map(([h, arn, src]) => [h, `role_arn = ${arn}`, ...src]),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(profileHeader, fc.constantFrom('123456789012', '210987654321', 'my-alias'), fc.option(fc.constantFrom('Admin', 'path/to/Dev', 'Dev', 'bad name'), { nil: undefined }), source)
      .map(([h, id, role, src]) => [h, `aws_account_id = ${id}`, ...(role ? [`role_name = ${role}`] : []), ...src]),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(profileHeader, fc.subarray([
      'region = eu-west-1', 'mfa_serial = arn:aws:iam::111111111111:mfa/alice', 'aws_account_id = 111111111111',
      'target_role_name = Dev', 'target_region = us-gov-west-1', 'output = json', 'cli_pager =', 's3 =', '  max_concurrent_requests = 10',
    ])).map(([h, lines]) => [h, ...lines]),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(profileHeader, name, fc.boolean()).map(([h, session, legacy]) => [h,
      ...(legacy ? ['sso_start_url = https://x.awsapps.com/start', 'sso_region = us-east-1'] : [`sso_session = ${session}`]),
      'sso_account_id = 555555555555', 'sso_role_name = Admin']),
  },
  {
    weight: 1,
    arbitrary: name.map((n) => [`[sso-session ${n}]`, 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access']),
  },
  { weight: 1, arbitrary: fc.tuple(junkHeader, fc.array(randomSetting, { maxLength: 2 })).map(([h, lines]) => [h, ...lines]) },
);
/** Ways people write the same setting: spacing, comments, quotes, indentation, case. */
function decorate(line: string, how: number): string {
  const cut = line.indexOf(' = ');
  if (line.startsWith('[') || line.startsWith(' ') || cut < 0) return line;
  const key = line.slice(0, cut);
  const v = line.slice(cut + 3);
  switch (how % 10) {
    case 0: return `${key}=${v}`;
    case 1: return `${key}  = ${v}`;
    case 2: return `${key} = ${v} ; comment`;
    case 3: return `${key} = ${v}\t# comment`;
    case 4: return `${key} = "${v}"`;
    case 5: return `  ${key} = ${v}`;
    case 6: return `${key.toUpperCase()} = ${v}`;
    default: return line;
  }
}
const decoratedSection = fc
  .tuple(section, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(randomSetting, { maxLength: 2 }) }), fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: noise }))
  .map(([lines, hows, extra, junk]) => [...lines.map((l, i) => decorate(l, hows[i % hows.length] ?? 9)), ...extra, ...(junk === undefined ? [] : [junk])]);
const iniText = fc
  .tuple(fc.array(decoratedSection, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([sections, eol, bom]) => (bom ? '\uFEFF' : '') + sections.flat().join(eol));

// ---- Invariants every parse must keep ----

function checkInvariants(text: string, model: ConfigModel): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  expect(model.diagnostics.map((d) => d.code)).not.toContain('internal-error');
  for (const d of model.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lineCount);
    expect(d.message.length).toBeGreaterThan(20);
  }
  const profiles = new Map<string, RoleProfile | KeySource | SsoSource>();
  for (const p of [...model.roles.filter((r) => !r.identityCenter), ...model.sources]) {
    expect(profiles.has(p.name)).toBe(false);
    profiles.set(p.name, p);
  }
  // An Identity Center profile is listed as a role too, and as nothing else.
  const ssoNames = model.sources.filter((s) => s.kind === 'sso').map((s) => s.name).sort();
  expect(model.roles.filter((r) => r.identityCenter).map((r) => r.name).sort()).toEqual(ssoNames);
  const sessions = new Set(model.ssoSessions.map((s) => s.name));
  // An error leaves its profile out (but for a duplicate section, whose first copy stays).
  const duplicated = new Set(model.diagnostics.filter((d) => d.code === 'duplicate-section').map((d) => d.profile));
  for (const d of model.diagnostics) {
    if (d.severity !== 'error' || d.profile === undefined || duplicated.has(d.profile)) continue;
    if (d.profile.startsWith('sso-session ')) expect(sessions.has(d.profile.slice('sso-session '.length))).toBe(false);
    else expect(profiles.has(d.profile)).toBe(false);
  }
  // A skipped profile is out of the model, with an error of its own as the reason; listed once, in text order.
  for (const skipped of model.skipped) {
    expect(profiles.has(skipped.name)).toBe(false);
    expect(model.diagnostics.some((d) => d.profile === skipped.name && d.severity === 'error' && d.message === skipped.reason)).toBe(true);
  }
  expect(new Set(model.skipped.map((p) => p.name)).size).toBe(model.skipped.length);
  expect(model.skipped.map((p) => p.line)).toEqual(model.skipped.map((p) => p.line).sort((a, b) => a - b));
  for (const role of model.roles) {
    if (role.accountIsAlias) {
      // An alias stands where the id goes, never a made-up id, and the profile says what it cannot do.
      expect(isAccountAlias(role.accountId)).toBe(true);
      expect(role.roleArn).toBe(`arn:${role.partition}:iam::${role.accountId}:role${role.rolePath}${role.roleName}`);
      expect(model.diagnostics.some((d) => d.code === 'account-alias' && d.profile === role.name)).toBe(true);
    } else {
      expect(parseRoleArn(role.roleArn)).toEqual({ partition: role.partition, accountId: role.accountId, path: role.rolePath, name: role.roleName });
    }
    expect(role.chain.at(-1)).toBe(role.name);
    const [root, ...hops] = role.chain;
    // The root is a key or SSO source, or `default` with no section (its keys are in the vault).
    expect((root === 'default' && !profiles.has('default')) || model.sources.some((s) => s.name === root)).toBe(true);
    for (const hop of hops) expect(model.roles.some((r) => r.name === hop)).toBe(true);
    if (role.color !== undefined) expect(role.color).toMatch(/^#[0-9a-f]{6}$/);
  }
  for (const source of model.sources) {
    if (source.kind === 'sso' && source.sessionName !== undefined) expect(sessions.has(source.sessionName)).toBe(true);
  }
}

describe('parseConfig properties', () => {
  it('never throws on any text, of any characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      checkInvariants(text, parseConfig(text));
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      checkInvariants(text, parseConfig(text));
    }), { numRuns: 300 });
  });

  it('never throws and keeps its invariants on INI-ish text', () => {
    fc.assert(fc.property(iniText, (text) => {
      checkInvariants(text, parseConfig(text));
    }), { numRuns: 1500 });
  });

  it('gives back the same model, layouts included, after export and parse, and exports it the same again', () => {
    fc.assert(fc.property(iniText, (text) => {
      const first = parseConfig(text);
      const exported = exportConfig(first);
      const second = parseConfig(exported);
      expect(withoutLines(second)).toEqual(withoutLines(first));
      expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(exportConfig(second)).toBe(exported);
    }), { numRuns: 1500 });
  });
});

// ---- Generated valid models, with no layout ----

const profileName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.@+/-]{0,11}$/).filter((n) => n !== 'default');
const accountId = fc.stringMatching(/^\d{12}$/);
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1', 'cn-north-1', 'us-gov-west-1');
const iamName = fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{1,20}$/);
const freeText = fc
  .string({ unit: fc.constantFrom('a', 'B', '1', ' ', ';', '#', '"', 'é', '/', '=', '\\'), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s);
const startUrl = fc.constantFrom('https://corp.awsapps.com/start', 'https://d-123.awsapps.com/start#/');

const roleFields = fc.record({
  accountId, roleName: iamName, rolePath: fc.constantFrom('/', '/a/', '/team/ops/'),
  partition: fc.constantFrom<Partition>('aws', 'aws-cn', 'aws-us-gov'),
  accountAlias: freeText, region, color: fc.stringMatching(/^#[0-9a-f]{6}$/), image: fc.webUrl(), group: freeText,
  externalId: fc.stringMatching(/^[A-Za-z0-9_+=,.@:/-]{2,30}$/), mfaSerial: fc.constantFrom('arn:aws:iam::111111111111:mfa/alice', 'GAHT12345678'),
  durationSeconds: fc.integer({ min: 900, max: 43_200 }), roleSessionName: fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{2,20}$/),
  sourceIdentity: fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{2,20}$/), destination: fc.constantFrom('/ec2/home', 's3', 'https://console.aws.amazon.com/iam'),
  targetRoleName: fc.constantFrom('Dev', 'team/Dev'), targetRegion: region,
}, { requiredKeys: ['accountId', 'roleName', 'rolePath', 'partition'] });

const keyFields = fc.record({
  accountId, accountAlias: freeText, region, mfaSerial: fc.constantFrom('arn:aws:iam::111111111111:mfa/alice'),
  color: fc.stringMatching(/^#[0-9a-f]{6}$/), targetRoleName: fc.constantFrom('Dev', 'team/Dev'), targetRegion: region,
}, { requiredKeys: [] });

const ssoFields = fc.record({ accountId, roleName: iamName, region, startUrl, ssoRegion: region, session: fc.nat() }, {
  requiredKeys: ['accountId', 'roleName', 'startUrl', 'ssoRegion', 'session'],
});

const plan = fc.record({
  sessions: fc.uniqueArray(fc.record({ name: profileName, startUrl, region, scopes: fc.option(fc.constant('sso:account:access'), { nil: undefined }) }), { selector: (s) => s.name, maxLength: 2 }),
  profiles: fc.uniqueArray(
    fc.record({ name: profileName, kind: fc.constantFrom('keys', 'sso', 'role', 'role', 'role'), source: fc.option(fc.nat(), { nil: undefined }), role: roleFields, keys: keyFields, sso: ssoFields }),
    { selector: (p) => p.name, minLength: 1, maxLength: 12 },
  ),
});

const validModel = plan.map(({ sessions: sessionPlans, profiles: profilePlans }): ConfigModel => {
  let line = 0;
  const ssoSessions: SsoSession[] = sessionPlans.map((s) => ({
    name: s.name, line: ++line, startUrl: s.startUrl, region: s.region, ...(s.scopes ? { registrationScopes: s.scopes } : {}),
  }));
  const sources: (KeySource | SsoSource)[] = [];
  const roles: RoleProfile[] = [];
  const byName = new Map<string, KeySource | SsoSource | RoleProfile>();
  profilePlans.forEach((p, index) => {
    if (p.kind === 'keys') {
      const source: KeySource = { kind: 'keys', name: p.name, line: ++line, ...p.keys };
      sources.push(source);
      byName.set(p.name, source);
    } else if (p.kind === 'sso') {
      const { session: pick, startUrl: url, ssoRegion, ...rest } = p.sso;
      const session = ssoSessions[pick % (ssoSessions.length + 1)];
      const source: SsoSource = session
        ? { kind: 'sso', name: p.name, line: ++line, ...rest, startUrl: session.startUrl, ssoRegion: session.region, sessionName: session.name }
        : { kind: 'sso', name: p.name, line: ++line, ...rest, startUrl: url, ssoRegion };
      sources.push(source);
      roles.push(ssoRole(source));
      byName.set(p.name, source);
    } else {
      const sourceName = p.source === undefined || index === 0 ? undefined : profilePlans[p.source % index]?.name;
      const named = sourceName === undefined ? undefined : byName.get(sourceName);
      // A valid model chains at most MAX_CHAIN_HOPS roles beyond the source: a deeper one starts from default.
      const source = named && !('kind' in named) && named.chain.length > MAX_CHAIN_HOPS ? undefined : named;
      const { partition, accountId: account, rolePath, roleName } = p.role;
      const role: RoleProfile = {
        name: p.name, line: ++line, ...p.role, roleArn: `arn:${partition}:iam::${account}:role${rolePath}${roleName}`,
        chain: !source ? ['default', p.name] : 'kind' in source ? [source.name, p.name] : [...source.chain, p.name],
      };
      // What the text would give: a base account's (or role's) target_region fills in a missing region.
      const targetRegion = source && (!('kind' in source) || source.kind === 'keys') ? source.targetRegion : undefined;
      if (role.region === undefined && targetRegion !== undefined) role.region = targetRegion;
      if (source) role.sourceProfile = source.name;
      roles.push(role);
      byName.set(p.name, role);
    }
  });
  return { roles, skipped: [], sources, ssoSessions, diagnostics: [] };
});

describe('exportConfig properties', () => {
  it('gives back any valid model after export and parse', () => {
    fc.assert(fc.property(validModel, (model) => {
      const parsed = parseConfig(exportConfig(model));
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(essence(parsed)).toEqual(essence(model));
    }), { numRuns: 500 });
  });
});
