import { describe, expect, it } from 'vitest';
import { formatRoleArn, parseRoleArn } from '../../../src/core/arn';

describe('role ARNs', () => {
  it('reads partition, account, path and name', () => {
    expect(parseRoleArn('arn:aws:iam::123456789012:role/Admin')).toEqual({ partition: 'aws', accountId: '123456789012', path: '/', name: 'Admin' });
    expect(parseRoleArn('arn:aws-us-gov:iam::123456789012:role/path/to/Reader')).toEqual({ partition: 'aws-us-gov', accountId: '123456789012', path: '/path/to/', name: 'Reader' });
    expect(parseRoleArn('arn:aws-cn:iam::123456789012:role/cn')?.partition).toBe('aws-cn');
  });

  it('refuses what is not a role ARN', () => {
    for (const bad of ['', 'arn:aws:iam::123:role/A', 'arn:aws:iam::123456789012:user/alice', 'arn:aws-xx:iam::123456789012:role/A', 'arn:aws:iam::123456789012:role/']) {
      expect(parseRoleArn(bad)).toBeUndefined();
    }
  });

  it('formats back to the same text', () => {
    for (const arn of ['arn:aws:iam::123456789012:role/Admin', 'arn:aws:iam::123456789012:role/a/b/C']) {
      const parsed = parseRoleArn(arn);
      expect(parsed && formatRoleArn(parsed)).toBe(arn);
    }
  });
});
