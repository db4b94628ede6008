/** Which action mends a failed sign-in: the keys of its source, its profile, or a retry where retrying can help. */
import { describe, expect, it, vi } from 'vitest';
import { fixOf } from '../../../src/core/app-error';
import { parseConfig } from '../../../src/core/config';
import { describeStsError } from '../../../src/core/sts-errors';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { withFix } = await import('../../../src/background/sign-in/error-fix');
const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');

describe('fixes', () => {
  it('follow the STS code: keys for wrong keys, the profile for a refusal, retry for throttling and expiry', () => {
    const fix = (name: string) => describeStsError({ name }, { roleArn: 'arn:aws:iam::123456789012:role/A', source: 'alice' }).fix;
    expect([fix('InvalidClientTokenId'), fix('SignatureDoesNotMatch')]).toEqual(['keys', 'keys']);
    expect([fix('AccessDenied'), fix('ValidationError')]).toEqual(['profile', 'profile']);
    expect([fix('Throttling'), fix('ExpiredToken'), fix('RegionDisabledException'), fix('SomethingNew')]).toEqual(['retry', 'retry', 'retry', 'retry']);
  });

  it('follow the error code otherwise; prompts have none', () => {
    expect(fixOf({ code: 'no-keys' })).toBe('keys');
    expect(fixOf({ code: 'invalid-config' })).toBe('profile');
    expect(fixOf({ code: 'sso-error' })).toBe('profile');
    expect(fixOf({ code: 'network' })).toBe('retry');
    expect(fixOf({ code: 'timeout' })).toBe('retry');
    expect(fixOf({ code: 'mfa-required' })).toBeUndefined();
    expect(fixOf({ code: 'vault-locked' })).toBeUndefined();
  });

  it('name the chain\u2019s root source for keys, and the clicked profile for anything else', () => {
    const config = parseConfig('[alice]\n[dev]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = alice\n[ops]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = dev\n');
    const noKeys = withFix(new SignInError('no-keys', 'No keys.'), config, 'ops') as InstanceType<typeof SignInError>;
    expect(noKeys.toAppError()).toMatchObject({ fix: 'keys', subject: 'alice' });
    const refused = new SignInError('sts-error', 'Refused.');
    refused.fix = 'profile';
    expect((withFix(refused, config, 'ops') as InstanceType<typeof SignInError>).toAppError()).toMatchObject({ fix: 'profile', subject: 'ops' });
    expect((withFix(new SignInError('network', 'Offline.'), config, 'ops') as InstanceType<typeof SignInError>).toAppError()).toMatchObject({ fix: 'retry' });
  });
});
