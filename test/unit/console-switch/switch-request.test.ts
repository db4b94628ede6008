/** The console's switch-role request: AESR's fields, and the sign-in hosts a switch may be sent to. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import {
  classicSwitchForm, isSigninHost, multiSessionSwitch, switchedSessionName, type ConsolePage,
} from '../../../src/core/console-switch/switch-request';

const model = parseConfig(`
[base]
aws_account_id = 111111111111

[deployer]
role_arn = arn:aws:iam::222222222222:role/ops/Deployer
source_profile = base
color = #2E7D32

[a-very-long-profile-name-that-goes-on-and-on-and-on-and-on]
aws_account_id = 333333333333
role_name = ReadOnly
source_profile = base
`);
const [deployer, long] = model.roles;
const page: ConsolePage = {
  partition: 'aws', signinHost: 'signin.aws.amazon.com', multiSession: false, csrf: 'tok', account: '111111111111', user: 'alice',
};

describe('the switch request', () => {
  it('classic: the form AESR posts, the role with its path, colour without #, the redirect encoded once more', () => {
    const form = classicSwitchForm(page, deployer!, 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1');
    expect(form.action).toBe('https://signin.aws.amazon.com/switchrole');
    expect(form.fields).toEqual({
      action: 'switchFromBasis', src: 'nav', csrf: 'tok', roleName: 'ops/Deployer', account: '222222222222', color: '2e7d32',
      displayName: 'deployer  |  222222222222',
      redirect_uri: 'https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1', mfaNeeded: '0',
    });
    expect(classicSwitchForm(page, long!, 'https://console.aws.amazon.com/').fields.displayName).toHaveLength(64);
    expect(classicSwitchForm(page, long!, 'https://console.aws.amazon.com/').fields.color).toBe('aaaaaa');
  });

  it('multi-session: JSON to the session of the page; none without a differentiator', () => {
    expect(multiSessionSwitch(page, deployer!, 'https://console.aws.amazon.com/')).toBeUndefined();
    const request = multiSessionSwitch({ ...page, multiSession: true, differentiator: 'ab12cd34' }, deployer!, 'https://console.aws.amazon.com/');
    expect(request?.url).toBe('https://signin.aws.amazon.com/sessions/ab12cd34/v1/switchrole');
    expect(request?.body).toEqual({ account: '222222222222', color: '2e7d32', displayName: 'deployer  |  222222222222', redirectUri: 'https://console.aws.amazon.com/', roleName: 'ops/Deployer' });
  });

  it('is sent only to a sign-in host of the partition', () => {
    expect(isSigninHost('aws', 'signin.aws.amazon.com')).toBe(true);
    expect(isSigninHost('aws', 'eu-west-1.signin.aws.amazon.com')).toBe(true);
    expect(isSigninHost('aws', 'evil.signin.aws.amazon.com')).toBe(false);
    expect(isSigninHost('aws', 'signin.aws.amazon.com.evil.com')).toBe(false);
    expect(isSigninHost('aws', 'signin.amazonaws.cn')).toBe(false);
    expect(isSigninHost('aws-cn', 'signin.amazonaws.cn')).toBe(true);
    expect(isSigninHost('aws-us-gov', 'us-gov-west-1.signin.amazonaws-us-gov.com')).toBe(false);
  });

  it('names the switched session after the console user', () => {
    expect(switchedSessionName('alice')).toBe('alice');
    expect(switchedSessionName('Entry-Role-1/bob')).toBe('bob');
    expect(switchedSessionName('AWSReservedSSO_ReadOnly_0123456789abcdef/jane')).toBe('jane');
  });
});
