/** Where a console login went, from what the tab shows; and the sentences the popup shows after a fallback. */
import { describe, expect, it } from 'vitest';
import { loginVerdict, NEITHER_NOTE, otherMethod, switchedNote } from '../../../src/core/login-method';

const LAUNCH = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/launch/index.html';

describe('the login verdict', () => {
  it('is undefined while the login is on its way', () => {
    expect(loginVerdict('aws', `${LAUNCH}#0000`, true, LAUNCH)).toBeUndefined();
    expect(loginVerdict('aws', LAUNCH, false, LAUNCH)).toBeUndefined();
    expect(loginVerdict('aws', 'about:blank', true, LAUNCH)).toBeUndefined();
    expect(loginVerdict('aws', undefined, false, LAUNCH)).toBeUndefined();
    expect(loginVerdict('aws', 'https://eu-west-1.signin.aws.amazon.com/federation', false, LAUNCH)).toBeUndefined();
  });

  it('is console on any console page of the partition', () => {
    expect(loginVerdict('aws', 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', false, LAUNCH)).toBe('console');
    expect(loginVerdict('aws', 'https://222222222222-abcd1234.eu-west-1.console.aws.amazon.com/ec2/home', true, LAUNCH)).toBe('console');
    expect(loginVerdict('aws-cn', 'https://console.amazonaws.cn/console/home', false, LAUNCH)).toBe('console');
  });

  it('is stopped when a page of the sign-in host finished loading (its error page), by POST or by link', () => {
    expect(loginVerdict('aws', 'https://eu-west-1.signin.aws.amazon.com/federation', true, LAUNCH)).toBe('stopped');
    expect(loginVerdict('aws', 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=x', true, LAUNCH)).toBe('stopped');
    expect(loginVerdict('aws-us-gov', 'https://signin.amazonaws-us-gov.com/oauth', true, LAUNCH)).toBe('stopped');
  });

  it('is left anywhere else: the person took the tab away', () => {
    expect(loginVerdict('aws', 'https://example.com/', true, LAUNCH)).toBe('left');
    expect(loginVerdict('aws', 'https://signin.aws.amazon.com.evil.example/federation', true, LAUNCH)).toBe('left');
    expect(loginVerdict('aws', 'https://console.amazonaws.cn/', true, LAUNCH)).toBe('left');
    expect(loginVerdict('aws', 'http://eu-west-1.console.aws.amazon.com/', true, LAUNCH)).toBe('left');
  });
});

describe('the notes', () => {
  it('say what failed, what worked, and what the link costs', () => {
    expect(otherMethod('post')).toBe('get');
    expect(otherMethod('get')).toBe('post');
    const note = switchedNote('post', 'get', 'stopped');
    expect(note).toMatch(/^AWS did not take the console login sent as a form \(POST\), so it was sent again as a link \(GET\)/);
    expect(note).toMatch(/history, sign-in token included/);
    expect(switchedNote('get', 'post', 'timeout')).toMatch(/^The console login got no answer in 15 s sent as a link \(GET\)/);
    expect(NEITHER_NOTE).toMatch(/did not reach a console page/);
  });
});
