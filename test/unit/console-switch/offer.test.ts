/** AESR's rules for which roles a console can switch to, on AESR's own README configurations (shared fixtures). */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { consoleBase, switchOffer } from '../../../src/core/console-switch/offer';
import { readFixture } from '../config/helpers';

const complex = parseConfig(readFixture('aesr-readme-complex.ini'));
const simple = parseConfig(readFixture('aesr-readme-simple.ini'));

describe('the console identity switches start from', () => {
  it('reads the login account and user; an Identity Center role by its permission set; a role session by its role', () => {
    expect(consoleBase({ loginDisplayNameAccount: '0000-1111-2222', loginDisplayNameUser: 'alice' }, false)).toEqual({ account: '000011112222', name: 'alice' });
    expect(consoleBase({ loginDisplayNameAccount: 'MyCompany', loginDisplayNameUser: 'AWSReservedSSO_custom_permission-set_0123456890abcdef/jane' }, false))
      .toEqual({ account: 'mycompany', name: 'custom_permission-set' });
    expect(consoleBase({ loginDisplayNameAccount: '3333-0000-0000', loginDisplayNameUser: 'Entry-Role-1/bob' }, false)).toEqual({ account: '333300000000', name: 'Entry-Role-1' });
  });

  it('in multi-session mode, a switched session is the base of the next switch (it chains)', () => {
    const info = { loginDisplayNameAccount: '0000-1111-2222', loginDisplayNameUser: 'alice', roleDisplayNameAccount: '1234-5678-9012', roleDisplayNameUser: 'Role1' };
    expect(consoleBase(info, true)).toEqual({ account: '123456789012', name: 'Role1' });
    expect(consoleBase(info, false)).toEqual({ account: '000011112222', name: 'alice' });
    expect(consoleBase({}, false)).toBeUndefined();
  });
});

describe("AESR's README configurations", () => {
  it('signed in to the organisation account (by id or alias): its targets, and the single with an account alias', () => {
    for (const account of ['000011112222', 'your-account-alias']) {
      expect(switchOffer(complex, { account, name: 'alice' })).toEqual({
        bases: ['organization1'], targets: ['Org1-Account1-Role1', 'Org1-Account1-Role2', 'Org1-Account2-Role1'], singles: ['AnotherRole'],
      });
    }
  });

  it('a base with role_name matches only that role, an Identity Center permission set included', () => {
    expect(switchOffer(complex, { account: '333300000000', name: 'Entry-Role-1' }).targets).toEqual(['Org3-Account1-Role1']);
    expect(switchOffer(complex, { account: 'mycompany', name: 'custom_permission-set' }).targets).toEqual(['Org2-Account2-Role2']);
    expect(switchOffer(complex, { account: '333300000000', name: 'someone-else' }).targets).toEqual([]);
  });

  it('target_role_name bases, and an account nobody configured', () => {
    expect(switchOffer(complex, { account: '222200000000', name: 'alice' }).targets).toEqual(['Org2-Account1-Developer', 'Org2-Account2-Manager']);
    expect(switchOffer(complex, { account: '999999999999', name: 'alice' })).toEqual({ bases: [], targets: [], singles: ['AnotherRole'] });
  });

  it('the simple configuration is all singles, offered on every console', () => {
    expect(switchOffer(simple, { account: '111111111111', name: 'alice' })).toEqual({
      bases: [], targets: [], singles: ['marketingadmin', 'anotheraccount', 'athirdaccount'],
    });
  });
});
