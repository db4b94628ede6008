/**
 * A configuration fetched from an address (src/core/config/fetched-config.ts, config-url.ts): checked before it is
 * used (a text refused whole, a web page, no role: refused with one sentence), access keys taken out as from a pasted
 * text, compared with the copy in use (profiles added, removed, changed), and a failure keeps the last good copy.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { checkConfigUrl } from '../../../src/core/config/config-url';
import { afterFetch, checkFetchedConfig, describeDiff, diffConfigs, type FetchedCopy } from '../../../src/core/config/fetched-config';

const V1 = `[team-base]
aws_account_id = 111111111111

[dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = team-base

[prod]
aws_account_id = 333333333333
role_name = ReadOnly
source_profile = team-base
`;

const V2 = `# moved around, commented: nothing changes for these two
[prod]
aws_account_id = 333333333333
role_name = ReadOnly
source_profile = team-base

[team-base]
aws_account_id = 111111111111

[dev]
aws_account_id = 222222222222
role_name = Admin
source_profile = team-base

[audit]
aws_account_id = 444444444444
role_name = Audit
source_profile = team-base
`;

describe('checkFetchedConfig', () => {
  it('takes a configuration with roles, its problems kept', () => {
    const checked = checkFetchedConfig(`${V1}\n[broken]\nrole_name = X\n`, 'team-roles.example.com');
    expect(checked.ok && checked.model.roles.map((r) => r.name)).toEqual(['dev', 'prod']);
    expect(checked.ok && checked.model.skipped.map((s) => s.name)).toEqual(['broken']);
  });

  it('takes access keys out, as from a pasted text, and counts them', () => {
    const checked = checkFetchedConfig(`[team-base]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = abc/def\n${V1.slice(V1.indexOf('\n[dev]'))}`, 'x.example.com');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.removedKeys).toBe(2);
    expect(checked.text).not.toContain('AKIAEXAMPLE');
    expect(checked.text).not.toContain('abc/def');
  });

  it('refuses a web page, a text with no role, and a text refused whole', () => {
    expect(checkFetchedConfig('<!DOCTYPE html><html><body>Sign in</body></html>', 'github.com')).toEqual({
      ok: false, reason: 'github.com answered a web page or an XML document, not a configuration: use the address of the raw file.',
    });
    expect(checkFetchedConfig('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>', 'b.s3.amazonaws.com').ok).toBe(false);
    expect(checkFetchedConfig('just some text\n', 'x.example.com')).toEqual({
      ok: false, reason: 'The file at x.example.com has no role to sign in as, so it is not used: check that the address is the configuration file.',
    });
    expect(checkFetchedConfig('[broken]\nrole_name = X\n', 'x.example.com')).toEqual({
      ok: false, reason: 'The file at x.example.com has no role to sign in as (1 profile with errors), so it is not used: check that the address is the configuration file.',
    });
    const huge = `[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    expect(checkFetchedConfig(huge, 'x.example.com')).toEqual({ ok: false, reason: 'The file at x.example.com is over 5 MB, so none of it is used.' });
  });
});

describe('diffConfigs', () => {
  it('names the profiles added, removed and changed, not the ones moved or commented', () => {
    const diff = diffConfigs(parseConfig(V1), parseConfig(V2));
    expect(diff).toEqual({ added: ['audit'], removed: [], changed: ['dev'] });
    expect(describeDiff(diff)).toBe('1 profile added (audit); 1 changed (dev)');
    expect(diffConfigs(parseConfig(V2), parseConfig(V1))).toEqual({ added: [], removed: ['audit'], changed: ['dev'] });
  });

  it('counts every profile as added against nothing, and says when nothing changed', () => {
    expect(diffConfigs(undefined, parseConfig(V1))).toEqual({ added: ['team-base', 'dev', 'prod'], removed: [], changed: [] });
    expect(describeDiff(diffConfigs(parseConfig(V1), parseConfig(`# a comment\n${V1}`)))).toBe('no profile changed');
  });

  it('sees a profile that broke, or was mended, as changed', () => {
    const broken = V1.replace('role_name = ReadOnly', 'role_name = Read Only');
    expect(diffConfigs(parseConfig(V1), parseConfig(broken)).changed).toEqual(['prod']);
    expect(diffConfigs(parseConfig(broken), parseConfig(V1)).changed).toEqual(['prod']);
  });
});

describe('afterFetch', () => {
  const URL_A = 'https://team-roles.example.com/roles.ini';
  const good = (text: string) => ({ ok: true as const, text, removedKeys: 0, diff: diffConfigs(undefined, parseConfig(text)) });

  it('keeps the last good copy when a fetch fails or a text is refused, and says why and when', () => {
    const first = afterFetch(undefined, URL_A, 1_000, good(V1));
    expect(first).toMatchObject({ url: URL_A, text: V1, fetchedAt: 1_000, checkedAt: 1_000 });
    expect(first.failure).toBeUndefined();
    const failed = afterFetch(first, URL_A, 2_000, { ok: false, reason: 'team-roles.example.com answered HTTP 500: check the address.' });
    expect(failed).toEqual({ ...first, checkedAt: 2_000, failure: { at: 2_000, message: 'team-roles.example.com answered HTTP 500: check the address.' } });
    // The next good fetch replaces the copy and clears the failure.
    const next = afterFetch(failed, URL_A, 3_000, { ok: true, text: V2, removedKeys: 0, diff: diffConfigs(parseConfig(V1), parseConfig(V2)) });
    expect(next).toMatchObject({ text: V2, fetchedAt: 3_000, lastChange: { added: ['audit'], removed: [], changed: ['dev'], at: 3_000 } });
    expect(next.failure).toBeUndefined();
  });

  it('keeps the last change when a good fetch changes nothing; a failure of a new address has no copy', () => {
    const first = afterFetch(undefined, URL_A, 1_000, good(V1));
    const same = afterFetch(first, URL_A, 2_000, { ok: true, text: V1, removedKeys: 0, diff: { added: [], removed: [], changed: [] } });
    expect(same.lastChange).toEqual(first.lastChange);
    const other: FetchedCopy = afterFetch(first, 'https://elsewhere.example.com/x.ini', 5_000, { ok: false, reason: 'no' });
    expect(other).toMatchObject({ url: 'https://elsewhere.example.com/x.ini', text: '', fetchedAt: 0, failure: { at: 5_000, message: 'no' } });
  });
});

describe('checkConfigUrl', () => {
  it('takes an https address, without its fragment, with its origin', () => {
    expect(checkConfigUrl(' https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini#top ')).toEqual({
      ok: true, url: 'https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini', origin: 'https://team-roles.s3.eu-west-1.amazonaws.com',
    });
    expect(checkConfigUrl('https://raw.githubusercontent.com/acme/roles/main/roles.ini?v=2').ok).toBe(true);
  });

  it('refuses what is not https, and an address carrying a credential', () => {
    expect(checkConfigUrl('team-roles/roles.ini')).toMatchObject({ ok: false, reason: expect.stringMatching(/^That is not a web address/) as unknown });
    expect(checkConfigUrl('http://intranet.example.com/roles.ini')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only https:\/\//) as unknown });
    expect(checkConfigUrl('https://me:secret@intranet.example.com/roles.ini')).toMatchObject({ ok: false, reason: expect.stringMatching(/user name or password/) as unknown });
    expect(checkConfigUrl('https://raw.githubusercontent.com/acme/roles/main/roles.ini?token=GHSAT0AAA')).toEqual({
      ok: false,
      reason: 'This address carries a credential (token=…), which would be stored in plain text: use an address that needs none, such as a public file or a bucket your network may read.',
    });
    expect(checkConfigUrl('https://b.s3.amazonaws.com/r.ini?X-Amz-Signature=abc&X-Amz-Credential=x').ok).toBe(false);
  });
});
