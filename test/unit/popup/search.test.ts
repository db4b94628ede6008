import { describe, expect, it } from 'vitest';
import { haystackOf, highlightRanges, matchesAll, queryWords } from '../../../popup/search';
import { role } from './fake-browser';

const prod = role('prod-admin', {
  accountId: '123456789012',
  accountAlias: 'acme-prod',
  roleName: 'Admin',
  roleArn: 'arn:aws:iam::123456789012:role/ops/Admin',
  region: 'eu-west-1',
  group: 'Payments',
});
const find = (query: string) => matchesAll(haystackOf(prod), queryWords(query));

describe('search words', () => {
  it('splits on spaces, lower-cases, and drops words another word already covers', () => {
    expect(queryWords('  Prod   ADMIN ')).toEqual(['prod', 'admin']);
    expect(queryWords('dev developer dev')).toEqual(['developer']);
    expect(queryWords('')).toEqual([]);
  });

  it('matches when every word is in some field: profile, account id, alias, role, group, region, ARN', () => {
    expect(find('prod admin')).toBe(true);
    expect(find('1234567')).toBe(true);
    expect(find('acme')).toBe(true);
    expect(find('payments eu-west')).toBe(true);
    expect(find('arn:aws:iam::123456789012:role/ops/Admin')).toBe(true);
    expect(find('prod staging')).toBe(false);
  });

  it('falls back to the root source as the group', () => {
    const viaSource = role('x', { source: 'corp-sso' });
    expect(matchesAll(haystackOf(viaSource), ['corp-sso'])).toBe(true);
  });

  it('never matches across two fields', () => {
    // profile "prod-admin" ends and account "123..." starts: "admin1" spans the boundary.
    expect(find('admin1')).toBe(false);
  });
});

describe('highlight ranges', () => {
  it('marks every occurrence of every word, merged and in order', () => {
    expect(highlightRanges('prod-admin-prod', ['prod'])).toEqual([[0, 4], [11, 15]]);
    expect(highlightRanges('Developer', ['dev', 'velo'])).toEqual([[0, 6]]);
    expect(highlightRanges('ReadOnly', ['only', 'read'])).toEqual([[0, 8]]);
    expect(highlightRanges('abc', [])).toEqual([]);
  });
});
