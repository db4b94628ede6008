/**
 * One example for every diagnostic code: it must give that code, on that line, for that profile, with its
 * severity; an error leaves its profile out; and a good profile written next to it still parses.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, parseConfig, severityOf, type DiagnosticCode } from '../../../src/core/config';

const ARN = 'role_arn = arn:aws:iam::123456789012:role/Admin';

interface Example {
  text: string[];
  line: number;
  profile?: string;
}

/**
 * Codes about the whole text, which refuse all of it (tested in chains.test.ts), the safety net, and the codes of the
 * layers merged beside a text, which no text alone gives (tested in layers.test.ts).
 */
const WHOLE_TEXT = ['internal-error', 'too-large', 'too-many-profiles', 'shadowed-profile', 'shadowed-source', 'shadowed-sso-session'];

/** source_profile = the one before, six roles deep from the keys of [k]: the sixth is one too many. */
const DEEP = ['[k]', ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`[profile a${n}]`, `role_arn = arn:aws:iam::12345678901${n}:role/A`, `source_profile = ${n === 1 ? 'k' : `a${n - 1}`}`])];

const EXAMPLES: Record<Exclude<DiagnosticCode, 'internal-error' | 'too-large' | 'too-many-profiles' | `shadowed-${string}`>, Example> = {
  'bad-line': { text: ['[profile p]', ARN, 'region eu-west-1'], line: 3, profile: 'p' },
  'bad-section': { text: ['[profile p', ARN], line: 1 },
  'outside-section': { text: ['region = eu-west-1', '[profile p]', ARN], line: 1 },
  'duplicate-section': { text: ['[profile p]', ARN, '[p]', ARN], line: 3, profile: 'p' },
  'duplicate-key': { text: ['[profile p]', ARN, 'region = eu-west-1', 'region = eu-west-2'], line: 4, profile: 'p' },
  'unclosed-quote': { text: ['[profile p]', ARN, 'image = "https://x.test/i.png'], line: 3, profile: 'p' },
  'ignored-section': { text: ['[services local]', 's3 =', '  endpoint_url = http://localhost:4566'], line: 1 },
  'empty-value': { text: ['[profile p]', ARN, 'region ='], line: 3, profile: 'p' },
  'keys-in-config': { text: ['[default]', 'aws_access_key_id = AKIAEXAMPLE'], line: 2, profile: 'default' },
  'misspelt-key': { text: ['[profile p]', ARN, 'colour = ff9900'], line: 3, profile: 'p' },
  'missing-account': { text: ['[profile p]', 'role_name = Admin'], line: 2, profile: 'p' },
  'missing-role-name': { text: ['[base]', 'aws_account_id = 111111111111', '[profile p]', 'aws_account_id = 123456789012', 'source_profile = base'], line: 4, profile: 'p' },
  'invalid-arn': { text: ['[profile p]', 'role_arn = arn:aws:iam::123456789012:user/alice'], line: 2, profile: 'p' },
  'role-arn-conflict': { text: ['[profile p]', ARN, 'role_name = Admin'], line: 3, profile: 'p' },
  'account-alias': { text: ['[profile p]', 'aws_account_id = my-alias', 'role_name = Admin'], line: 2, profile: 'p' },
  'invalid-account-id': { text: ['[profile p]', 'aws_account_id = 23456789012', 'role_name = Admin'], line: 2, profile: 'p' },
  'invalid-role-name': { text: ['[profile p]', 'aws_account_id = 123456789012', 'role_name = Admin Role'], line: 3, profile: 'p' },
  'sso-and-role': { text: ['[profile p]', 'sso_session = corp', ARN], line: 3, profile: 'p' },
  'default-without-source': { text: ['[default]', ARN], line: 1, profile: 'default' },
  'bad-color': { text: ['[profile p]', ARN, 'color = red'], line: 3, profile: 'p' },
  'bad-duration': { text: ['[profile p]', ARN, 'duration_seconds = 60'], line: 3, profile: 'p' },
  'bad-session-name': { text: ['[profile p]', ARN, 'role_session_name = alice smith'], line: 3, profile: 'p' },
  'bad-source-identity': { text: ['[profile p]', ARN, 'source_identity = a'], line: 3, profile: 'p' },
  'bad-external-id': { text: ['[profile p]', ARN, 'external_id = a b'], line: 3, profile: 'p' },
  'bad-mfa-serial': { text: ['[profile p]', ARN, 'mfa_serial = 123'], line: 3, profile: 'p' },
  'bad-destination': { text: ['[profile p]', ARN, 'destination = https://evil.example.com/'], line: 3, profile: 'p' },
  'bad-start-url': { text: ['[sso-session corp]', 'sso_start_url = http://corp.awsapps.com/start', 'sso_region = us-east-1'], line: 2, profile: 'sso-session corp' },
  'unknown-region': { text: ['[profile p]', ARN, 'region = europe'], line: 3, profile: 'p' },
  'remote-image': { text: ['[profile p]', ARN, 'image = https://tracker.example.com/p.png'], line: 3, profile: 'p' },
  'bad-marker': { text: ['[profile p]', ARN, 'marker = loud'], line: 3, profile: 'p' },
  'region-partition': { text: ['[profile p]', ARN, 'region = cn-north-1'], line: 3, profile: 'p' },
  'missing-source': { text: ['[profile p]', ARN, 'source_profile = nowhere'], line: 3, profile: 'p' },
  'source-cycle': { text: ['[profile p]', ARN, 'source_profile = p'], line: 3, profile: 'p' },
  'chain-too-deep': { text: DEEP, line: 19, profile: 'a6' },
  'broken-source': { text: ['[profile bad]', 'role_name = X', '[profile p]', ARN, 'source_profile = bad'], line: 5, profile: 'p' },
  'incomplete-sso': { text: ['[profile s]', 'sso_account_id = 123456789012'], line: 1, profile: 's' },
  'missing-sso-session': { text: ['[profile s]', 'sso_session = nope', 'sso_account_id = 123456789012', 'sso_role_name = Admin'], line: 2, profile: 's' },
  'incomplete-sso-session': { text: ['[sso-session corp]', 'sso_region = us-east-1'], line: 1, profile: 'sso-session corp' },
  'sso-account-alias': {
    text: ['[sso-session corp]', 'sso_start_url = https://x.awsapps.com/start', 'sso_region = us-east-1', '[profile s]', 'sso_session = corp', 'sso_account_id = prod', 'sso_role_name = A'],
    line: 6, profile: 's',
  },
  'source-account-alias': { text: ['[base]', 'aws_account_id = my-org', '[profile p]', ARN, 'source_profile = base'], line: 2, profile: 'base' },
  'unused-base-account': { text: ['[base]', 'aws_account_id = 111111111111'], line: 2, profile: 'base' },
  'target-ignored': {
    text: ['[profile s]', 'sso_start_url = https://x.awsapps.com/start', 'sso_region = us-east-1', 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'target_role_name = Dev'],
    line: 6, profile: 's',
  },
  'sso-key-ignored': {
    text: ['[sso-session corp]', 'sso_start_url = https://x.awsapps.com/start', 'sso_region = us-east-1', '[profile s]', 'sso_session = corp', 'sso_start_url = https://y.awsapps.com/start', 'sso_account_id = 123456789012', 'sso_role_name = Admin'],
    line: 6, profile: 's',
  },
  'credential-source-ignored': { text: ['[profile p]', ARN, 'credential_source = Ec2InstanceMetadata'], line: 3, profile: 'p' },
  'chained-duration': {
    text: ['[profile a]', ARN, '[profile p]', 'role_arn = arn:aws:iam::210987654321:role/Deployer', 'source_profile = a', 'duration_seconds = 7200'],
    line: 6, profile: 'p',
  },
};

/** Errors whose profile is not one the popup lists: a second section of a name, a base of keys, an sso-session. */
const NOT_LISTED = new Set(['duplicate-section', 'incomplete-sso-session', 'bad-start-url']);

const GOOD = [
  '', '[profile good-keys]', 'mfa_serial = arn:aws:iam::999999999999:mfa/good',
  '[profile good]', 'role_arn = arn:aws:iam::999999999999:role/Good', 'source_profile = good-keys', 'color = #00ff00',
];

describe('diagnostics', () => {
  it('has an example for every code (but the internal-error safety net and the whole-text limits)', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(DIAGNOSTIC_CODES.filter((c) => !WHOLE_TEXT.includes(c)).sort());
  });

  describe.each(Object.entries(EXAMPLES))('%s', (code, example) => {
    const model = parseConfig([...example.text, ...GOOD].join('\n'));
    const found = model.diagnostics.find((d) => d.code === code);

    it('is reported on its line, for its profile, with its severity and a hint of what to write', () => {
      expect(found).toBeDefined();
      expect(found?.line).toBe(example.line);
      expect(found?.profile).toBe(example.profile);
      expect(found?.severity).toBe(severityOf(code as DiagnosticCode));
      expect(found?.message).toMatch(/: .*\S/);
    });

    it('leaves the profile out if it is an error, and keeps the good profile next to it', () => {
      const names = [...model.roles, ...model.sources].map((p) => p.name);
      expect(names).toContain('good');
      if (found?.severity === 'error' && example.profile && code !== 'duplicate-section') {
        expect(names).not.toContain(example.profile);
      }
      expect(model.roles.find((r) => r.name === 'good')?.color).toBe('#00ff00');
    });

    it('lists a role or Identity Center profile it leaves out as skipped, with its first error as the reason', () => {
      const skipped = model.skipped.find((p) => p.name === example.profile);
      if (found?.severity === 'error' && example.profile && !NOT_LISTED.has(code)) {
        expect(skipped?.reason).toBe(model.diagnostics.find((d) => d.profile === example.profile && d.severity === 'error')?.message);
      } else {
        expect(skipped).toBeUndefined();
      }
      expect(model.skipped.map((p) => p.name)).not.toContain('good');
    });
  });

  it('keeps the first of two sections with the same name ([default] and [profile default] are one)', () => {
    const model = parseConfig(['[default]', 'region = eu-west-1', '[profile default]', 'region = us-east-1'].join('\n'));
    expect(model.sources).toMatchObject([{ name: 'default', region: 'eu-west-1' }]);
    expect(model.diagnostics).toMatchObject([{ code: 'duplicate-section', line: 3, profile: 'default' }]);
    expect(model.diagnostics[0]?.message).toContain('line 1');
  });

  it('says on which line a duplicated key was first set', () => {
    const model = parseConfig(EXAMPLES['duplicate-key'].text.join('\n'));
    expect(model.diagnostics[0]?.message).toContain('first on line 3');
  });

  it('sorts diagnostics by line', () => {
    // The unused base account is found last, the bad line first: the list still reads top to bottom.
    const model = parseConfig(['[base]', 'aws_account_id = 111111111111', '[profile a]', 'role_name = X', 'oops'].join('\n'));
    expect(model.diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'unused-base-account'], [4, 'missing-account'], [5, 'bad-line']]);
  });
});
