import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerSessionName, isValidSessionName, sanitizeSessionName, userNameFromArn } from '../../../src/core/session-name';

describe('role session names', () => {
  it('keeps valid names and repairs the rest', () => {
    expect(sanitizeSessionName('alice@example.com')).toBe('alice@example.com');
    expect(sanitizeSessionName('Jane Doe (ops)')).toBe('Jane-Doe-ops');
    expect(sanitizeSessionName('é')).toBe('role-switcher');
    expect(sanitizeSessionName(undefined)).toBe('role-switcher');
    expect(sanitizeSessionName('x'.repeat(100))).toHaveLength(64);
  });

  it('always satisfies STS\u2019s pattern (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => isValidSessionName(sanitizeSessionName(raw))));
  });

  it('reads the user name from a user ARN', () => {
    expect(userNameFromArn('arn:aws:iam::111111111111:user/alice')).toBe('alice');
    expect(userNameFromArn('arn:aws:iam::111111111111:user/team/ops/bob')).toBe('bob');
    expect(userNameFromArn('arn:aws:sts::111111111111:assumed-role/R/s')).toBeUndefined();
  });

  it('names a caller after the IAM user or the assumed role\u2019s session (Identity Center: the person), valid for STS', () => {
    expect(callerSessionName('arn:aws:iam::111111111111:user/team/alice')).toBe('alice');
    expect(callerSessionName('arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_0123abcd/alice@example.com')).toBe('alice@example.com');
    expect(callerSessionName('arn:aws-us-gov:sts::111111111111:assumed-role/R/Jane Doe')).toBe('Jane-Doe');
    expect(callerSessionName('arn:aws:iam::111111111111:root')).toBeUndefined();
    expect(callerSessionName('arn:aws:sts::111111111111:assumed-role/R/é')).toBeUndefined();
    expect(callerSessionName(undefined)).toBeUndefined();
  });
});
