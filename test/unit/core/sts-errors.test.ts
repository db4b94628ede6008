import { describe, expect, it } from 'vitest';
import { describeStsError } from '../../../src/core/sts-errors';

const context = { roleArn: 'arn:aws:iam::123456789012:role/Admin', source: 'alice' };

describe('STS errors as sentences', () => {
  it.each([
    ['InvalidClientTokenId', /does not recognise the access key of "alice"/],
    ['SignatureDoesNotMatch', /rejected the secret access key of "alice"/],
    ['ExpiredToken', /have expired/],
    ['AccessDenied', /not allowed to assume arn:aws:iam::123456789012:role\/Admin.*trust policy/],
    ['RegionDisabledException', /not activated in this region/],
    ['Throttling', /throttling/],
    ['SomethingNew', /\(SomethingNew\)/],
  ])('%s', (name, sentence) => {
    expect(describeStsError({ name, message: 'x' }, context).message).toMatch(sentence);
  });

  it('keeps validation text short and on one line', () => {
    const message = describeStsError({ name: 'ValidationError', message: `a\n${'b'.repeat(500)}` }, context).message;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(320);
  });
});
