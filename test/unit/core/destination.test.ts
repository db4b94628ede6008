import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destinationFor, keepPageDestination } from '../../../src/core/destination';

describe('console destinations', () => {
  it('opens the region\u2019s console home by default', () => {
    expect(destinationFor('aws', 'eu-west-1', undefined)).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(destinationFor('aws-cn', 'cn-north-1', undefined)).toBe('https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1');
  });

  it('opens a service or a console path', () => {
    expect(destinationFor('aws', 'us-west-2', 'cloudformation')).toBe('https://us-west-2.console.aws.amazon.com/cloudformation/home?region=us-west-2');
    expect(destinationFor('aws', 'us-west-2', '/ec2/home?region=us-west-2#Instances:')).toBe('https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:');
  });

  it('never leaves the console of the partition', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', 'https://console.amazonaws.cn/']) {
      expect(new URL(destinationFor('aws', 'us-east-1', bad)).host).toBe('us-east-1.console.aws.amazon.com');
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const host = new URL(destinationFor('aws', 'us-east-1', value)).hostname;
        expect(host.endsWith('.console.aws.amazon.com') || host === 'console.aws.amazon.com').toBe(true);
      }),
    );
  });

  it('keeps the current page and swaps the region', () => {
    expect(keepPageDestination('aws', 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:region=us-east-1', 'eu-west-1'))
      .toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:region=eu-west-1');
    expect(keepPageDestination('aws', 'https://111111111111-abcd.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1', undefined))
      .toBe('https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1');
  });

  it('keeps nothing from a page that is not the console', () => {
    expect(keepPageDestination('aws', 'https://example.com/ec2/home', 'eu-west-1')).toBeUndefined();
    expect(keepPageDestination('aws', 'chrome://newtab/', undefined)).toBeUndefined();
    expect(keepPageDestination('aws-cn', 'https://us-east-1.console.aws.amazon.com/', undefined)).toBeUndefined();
  });
});
