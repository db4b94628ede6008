/**
 * A role written with an account alias (AESR's README `[AnotherRole]`): the console's switch-role is asked for the
 * alias as the account; the session it makes is registered under the alias; AssumeRole paths see it as blocked,
 * on the role and on every role chained on it.
 */
import { describe, expect, it } from 'vitest';
import { aliasHops, parseConfig } from '../../../src/core/config';
import { classicSwitchForm, multiSessionSwitch, type ConsolePage } from '../../../src/core/console-switch/switch-request';
import { parseAssumedRoleArn } from '../../../src/core/sessions/assumed-role';
import { readFixture } from '../config/helpers';

const complex = parseConfig(`${readFixture('aesr-readme-complex.ini')}
[chained-on-alias]
role_arn = arn:aws:iam::222222222222:role/Next
source_profile = AnotherRole
`);
const another = complex.roles.find((role) => role.name === 'AnotherRole')!;
const page: ConsolePage = {
  partition: 'aws', signinHost: 'signin.aws.amazon.com', multiSession: true, differentiator: 'abc', csrf: 'tok', account: '000011112222', user: 'alice',
};

describe('a role whose account is an alias', () => {
  it('is switched to with the alias as the account, in both modes, and the console header says so', () => {
    expect(classicSwitchForm(page, another, 'https://console.aws.amazon.com/').fields).toMatchObject({
      account: 'account-3-alias', roleName: 'SomeOtherRole', displayName: 'AnotherRole  |  account-3-alias',
    });
    expect(multiSessionSwitch(page, another, 'https://console.aws.amazon.com/')?.body).toMatchObject({
      account: 'account-3-alias', roleName: 'SomeOtherRole', displayName: 'AnotherRole  |  account-3-alias',
    });
  });

  it('makes a session the registry takes, under the alias (what the console was asked for; its id is not known)', () => {
    expect(parseAssumedRoleArn('arn:aws:sts::account-3-alias:assumed-role/SomeOtherRole/alice')).toEqual({
      partition: 'aws', accountId: 'account-3-alias', roleName: 'SomeOtherRole', sessionName: 'alice',
    });
    expect(parseAssumedRoleArn('arn:aws:sts::123456789012:assumed-role/Admin/alice')?.accountId).toBe('123456789012');
    // Nothing else stands in the account's place.
    for (const account of ['12345', '-alias', 'a--b', 'acme prod', '']) {
      expect(parseAssumedRoleArn(`arn:aws:sts::${account}:assumed-role/Admin/alice`)).toBeUndefined();
    }
  });

  it('blocks AssumeRole on itself and on every role chained on it, and on nothing else', () => {
    const blocked = aliasHops(complex);
    expect(complex.roles.filter((role) => blocked(role)).map((role) => [role.name, blocked(role)?.name])).toEqual([
      ['AnotherRole', 'AnotherRole'], ['chained-on-alias', 'AnotherRole'],
    ]);
    expect(aliasHops(parseConfig(readFixture('aesr-readme-simple.ini')))(another)).toBeUndefined();
  });
});
