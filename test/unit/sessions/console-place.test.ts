/** What a tab's URL says about the console session it shows. */
import { describe, expect, it } from 'vitest';
import { consolePlace, isLoginStep, samePageOn } from '../../../src/core/sessions/console-place';
import { LAUNCH } from './helpers';

describe('a console URL', () => {
  it('names the session of a multi-session host', () => {
    expect(consolePlace('https://222222222222-ab12cd34.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances')).toEqual({
      partition: 'aws',
      origin: 'https://222222222222-ab12cd34.eu-west-1.console.aws.amazon.com',
      rest: '/ec2/home?region=eu-west-1#Instances',
      region: 'eu-west-1',
      subdomain: '222222222222-ab12cd34',
      accountId: '222222222222',
      differentiator: 'ab12cd34',
    });
  });

  it('names no session on the plain and regional hosts, in every partition', () => {
    expect(consolePlace('https://console.aws.amazon.com/console/home')).toMatchObject({ partition: 'aws', rest: '/console/home' });
    expect(consolePlace('https://console.aws.amazon.com/console/home')?.subdomain).toBeUndefined();
    expect(consolePlace('https://us-east-1.console.aws.amazon.com/')).toMatchObject({ partition: 'aws', region: 'us-east-1' });
    expect(consolePlace('https://cn-north-1.console.amazonaws.cn/')).toMatchObject({ partition: 'aws-cn', region: 'cn-north-1' });
    expect(consolePlace('https://555555555555-zz99zz99.us-gov-west-1.console.amazonaws-us-gov.com/s3')).toMatchObject({
      partition: 'aws-us-gov',
      subdomain: '555555555555-zz99zz99',
    });
  });

  it('is not a console page elsewhere, nor on look-alike hosts, plain HTTP or odd ports', () => {
    for (const url of [
      'https://example.com/',
      'https://console.aws.amazon.com.evil.example/',
      'https://evilconsole.aws.amazon.com/',
      'http://console.aws.amazon.com/',
      'https://console.aws.amazon.com:8443/',
      'https://signin.aws.amazon.com/federation',
      'chrome://newtab/',
      '',
      'not a url',
    ]) {
      expect(consolePlace(url), url).toBeUndefined();
    }
  });
});

describe('a login on its way', () => {
  it('is the launch page or the federation endpoint', () => {
    expect(isLoginStep(LAUNCH, LAUNCH)).toBe(true);
    expect(isLoginStep(`${LAUNCH}#one-time-id`, LAUNCH)).toBe(true);
    expect(isLoginStep('https://eu-west-1.signin.aws.amazon.com/federation', LAUNCH)).toBe(true);
    expect(isLoginStep('https://signin.amazonaws.cn/federation', LAUNCH)).toBe(true);
    expect(isLoginStep('https://eu-west-1.console.aws.amazon.com/', LAUNCH)).toBe(false);
    expect(isLoginStep('https://signin.aws.amazon.com/oauth', LAUNCH)).toBe(false);
  });
});

describe('the same page on another session host', () => {
  it('keeps the path, query and fragment', () => {
    expect(samePageOn('https://222222222222-new00001.eu-west-1.console.aws.amazon.com', 'https://222222222222-old00001.eu-west-1.console.aws.amazon.com/s3/buckets?region=eu-west-1#x')).toBe(
      'https://222222222222-new00001.eu-west-1.console.aws.amazon.com/s3/buckets?region=eu-west-1#x',
    );
  });

  it('refuses to cross partitions or leave the console', () => {
    expect(samePageOn('https://cn-north-1.console.amazonaws.cn', 'https://eu-west-1.console.aws.amazon.com/')).toBeUndefined();
    expect(samePageOn('https://example.com', 'https://eu-west-1.console.aws.amazon.com/')).toBeUndefined();
  });
});
