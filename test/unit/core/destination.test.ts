import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDestinationChoice, consoleDestination, destinationFor, keepPageDestination } from '../../../src/core/destination';
import { regionsOf } from '../../../src/core/partitions';

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

  it('refuses paths the URL parser would take to another host: backslashes, tabs and newlines, encoded slashes', () => {
    const home = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
    for (const bad of [
      '/\\evil.com',
      '/\\\\evil.com',
      '\\\\evil.com',
      '/\\/evil.com',
      '/\t/evil.com',
      '/\n/evil.com',
      '/\r\n/evil.com/x',
      '/s3\t/x',
      '//evil.com',
      '/%2F%2Fevil.com',
      '/%2f/evil.com',
      '/%5Cevil.com',
      '/%5c%5cevil.com',
      '/%252F%252Fevil.com',
      'https://us-east-1.console.aws.amazon.com/\\evil.com',
      'https://us-east-1.console.aws.amazon.com//evil.com',
      'https://us-east-1.console.aws.amazon.com/%2F%2Fevil.com',
      'https://us-east-1.console.aws\t.amazon.com/',
    ]) {
      expect(destinationFor('aws', 'us-east-1', bad), JSON.stringify(bad)).toBe(home);
    }
    // What a person writes still works, slashes inside the path and encoded characters in the query included.
    expect(destinationFor('aws', 'us-east-1', '/s3/buckets/my-bucket?prefix=a%2Fb%2F&region=us-east-1'))
      .toBe('https://us-east-1.console.aws.amazon.com/s3/buckets/my-bucket?prefix=a%2Fb%2F&region=us-east-1');
    expect(destinationFor('aws', 'us-east-1', '/cloudwatch/home#logsV2:log-groups/log-group/$252Faws$252Flambda'))
      .toBe('https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Faws$252Flambda');
  });

  it('keeps any path it accepts on the console host, however it is resolved later (property)', () => {
    const piece = fc.constantFrom('/', '\\', '%2F', '%5C', '%252F', '\t', '\n', '.', '..', '@', 'evil.com', ':', '?', '#', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join('')}`), (value) => {
        const out = destinationFor('aws', 'us-east-1', value);
        const url = new URL(out);
        expect(url.host).toBe('us-east-1.console.aws.amazon.com');
        // Used as a relative reference, or decoded and used so, it stays on the console host too.
        expect(new URL(`${url.pathname}${url.search}`, 'https://console.aws.amazon.com').host).toBe('console.aws.amazon.com');
        let path = url.pathname;
        for (let i = 0; i < 3; i += 1) path = decodeURIComponent(path);
        expect(new URL(path, 'https://console.aws.amazon.com').host).toBe('console.aws.amazon.com');
      }),
    );
  });

  it('keeps the current page and swaps the region', () => {
    expect(keepPageDestination('aws', 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:region=us-east-1', 'eu-west-1'))
      .toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:region=eu-west-1');
    expect(keepPageDestination('aws', 'https://111111111111-abcd.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1', undefined))
      .toBe('https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1');
  });

  it('puts only a region of the partition into the console host: an unknown or foreign one keeps the page\u2019s', () => {
    const page = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:region=us-east-1';
    for (const raw of ['europe', 'cn-north-1', 'evil.com/x', 'us-east-1.attacker']) {
      expect(keepPageDestination('aws', page, raw)).toBe(page);
    }
  });

  it('keeps nothing from a page that is not the console', () => {
    expect(keepPageDestination('aws', 'https://example.com/ec2/home', 'eu-west-1')).toBeUndefined();
    expect(keepPageDestination('aws', 'chrome://newtab/', undefined)).toBeUndefined();
    expect(keepPageDestination('aws-cn', 'https://us-east-1.console.aws.amazon.com/', undefined)).toBeUndefined();
  });
});

describe('the region and service a click chooses (issue 14, Granted\u2019s assume -c --region \u2026 -s \u2026)', () => {
  it('opens the service in the chosen region, over the profile\u2019s region, destination and the page kept', () => {
    const page = 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions';
    const profile = { region: 'us-east-1', destination: 's3' };
    expect(consoleDestination('aws', profile, { region: 'eu-west-1', service: 'ec2' }, page)).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1');
    expect(consoleDestination('aws', profile, { service: 'cloudwatch' })).toBe('https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1');
  });

  it('with a region only: the page kept in that region, else the profile\u2019s destination there', () => {
    const page = 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions';
    expect(consoleDestination('aws', { destination: 's3' }, { region: 'eu-west-1' }, page)).toBe('https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions');
    expect(consoleDestination('aws', { destination: 's3' }, { region: 'eu-west-1' })).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
  });

  it('without a choice, as before: page kept, else the profile\u2019s destination in its region', () => {
    expect(consoleDestination('aws', { region: 'eu-central-1' }, {})).toBe('https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1');
    expect(consoleDestination('aws', { region: 'europe' }, {})).toBe('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
  });

  it('refuses a region of another partition and a service that is no console path name, in one sentence', () => {
    expect(checkDestinationChoice('aws', { region: ' eu-west-1 ', service: 'EC2' })).toEqual({ ok: true, choice: { region: 'eu-west-1', service: 'ec2' } });
    expect(checkDestinationChoice('aws', { region: '', service: '' })).toEqual({ ok: true, choice: {} });
    expect(checkDestinationChoice('aws', {})).toEqual({ ok: true, choice: {} });
    const region = checkDestinationChoice('aws', { region: 'cn-north-1' });
    expect(region.ok ? '' : region.reason).toMatch(/^That is not a region of this role's partition \(aws\): choose one from the list\.$/);
    for (const service of ['//evil.example', 'ec2/home', 'https://evil.example/', 'e', 'ec2?x=1']) {
      const checked = checkDestinationChoice('aws', { service });
      expect(checked.ok, service).toBe(false);
    }
    expect(checkDestinationChoice('aws', { region: 42 })).toEqual({ ok: true, choice: {} });
  });

  it('lists the partition\u2019s regions for the popup\u2019s choice', () => {
    expect(regionsOf('aws')).toContain('eu-west-1');
    expect(regionsOf('aws-cn')).toEqual(['cn-north-1', 'cn-northwest-1']);
    expect(regionsOf('toString')).toEqual([]);
  });
});
