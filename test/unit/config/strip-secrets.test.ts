/** Access keys never reach the stored configuration: the line-based stripper and the key-pair finder. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConfig } from '../../../src/core/config';
import { findKeyPairs, removedLineComment, stripSecrets } from '../../../src/core/config/strip-secrets';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CREDENTIALS = [
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  `aws_secret_access_key = ${SECRET}`,
  '',
  '[profile ci]',
  'AWS_ACCESS_KEY_ID=AKIACIEXAMPLE0000001',
  `  AWS_Secret_Access_Key : "${SECRET}2"`,
  'aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN',
  '[prod]',
  'role_arn = arn:aws:iam::123456789012:role/Admin',
  'source_profile = default',
].join('\r\n');

describe('stripSecrets', () => {
  it('replaces every key line by a comment in the same place and keeps everything else byte for byte', () => {
    const { text, removed } = stripSecrets(CREDENTIALS);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('AKIA');
    expect(text).not.toContain('FwoGZXIvYXdz');
    expect(removed).toEqual([
      { line: 2, key: 'aws_access_key_id', profile: 'default' },
      { line: 3, key: 'aws_secret_access_key', profile: 'default' },
      { line: 6, key: 'aws_access_key_id', profile: 'ci' },
      { line: 7, key: 'aws_secret_access_key', profile: 'ci' },
      { line: 8, key: 'aws_session_token', profile: 'ci' },
    ]);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(CREDENTIALS.split('\r\n').length);
    expect(lines[2]).toBe(removedLineComment('aws_secret_access_key'));
    expect(lines[6]).toBe(`  ${removedLineComment('aws_secret_access_key')}`);
    expect(lines[9]).toBe('role_arn = arn:aws:iam::123456789012:role/Admin');
    // The saved text still parses to the same roles, with no warning about keys left.
    const model = parseConfig(text);
    expect(model.roles.map((r) => r.name)).toEqual(['prod']);
    expect(model.diagnostics.filter((d) => d.code === 'keys-in-config')).toEqual([]);
  });

  it('takes key lines out where the parser gives up: outside sections, after a bad header, in env-file form', () => {
    const text = [`aws_secret_access_key=${SECRET}`, '[broken', `aws_secret_access_key = ${SECRET}`, `export AWS_SECRET_ACCESS_KEY=${SECRET}`].join('\n');
    const stripped = stripSecrets(text);
    expect(stripped.text).not.toContain(SECRET);
    expect(stripped.removed.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('leaves a text without keys untouched (same string), including keys merely mentioned in a comment or value', () => {
    const text = '# put aws_secret_access_key in the vault\n[a]\nrole_arn = arn:aws:iam::123456789012:role/aws_secret_access_key\n';
    const stripped = stripSecrets(text);
    expect(stripped.text).toBe(text);
    expect(stripped.removed).toEqual([]);
  });

  it('never leaves a secret value behind, whatever surrounds it (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9/+]{20,40}$/);
    const key = fc.constantFrom('aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'aws_session_token', 'Aws_Access_Key_Id');
    const noise = fc.array(fc.constantFrom('[a]', '[profile b]', 'region = eu-west-1', '', '  ', '; c', '[x', 'output=json'));
    fc.assert(fc.property(secret, key, noise, noise, fc.constantFrom('', '  ', '\t', 'export '), fc.constantFrom(' = ', '=', ' : ', ' ='),
      (value, name, before, after, indent, sep) => {
        const text = [...before, `${indent}${name}${sep}${value}`, ...after].join('\n');
        expect(stripSecrets(text).text).not.toContain(value);
      }));
  });
});

describe('findKeyPairs', () => {
  it('finds the pairs per profile, unquoted, for the Access keys forms', () => {
    expect(findKeyPairs(CREDENTIALS)).toEqual([
      { profile: 'default', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
      { profile: 'ci', accessKeyId: 'AKIACIEXAMPLE0000001', secretAccessKey: `${SECRET}2` },
    ]);
    expect(findKeyPairs('[a]\nregion = eu-west-1\n')).toEqual([]);
  });
});
