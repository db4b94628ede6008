import { describe, expect, it } from 'vitest';
import { haystackOf, queryWords } from '../../../popup/search';
import { buildSections, firstRoleRow, layoutRows, RECENT_SHOWN, sortKey, type Row } from '../../../popup/sections';
import { role } from './fake-browser';

const roles = [
  role('prod-admin', { group: 'Payments' }),
  role('dev-admin', { source: 'alice' }),
  role('audit', { source: 'alice' }),
  role('prod-readonly', { group: 'Payments' }),
  role('Zeta'),
  role('alpha-10'),
  role('alpha-9'),
];
const none = { favourites: new Set<string>(), recent: [], alphabetical: false };
const names = (rows: Row[]) => rows.map((row) => (row.kind === 'header' ? `# ${row.section.id}` : roles[row.index]?.profile));
const haystacks = () => roles.map(haystackOf);

describe('order', () => {
  it('groups by group, and the roles without one together where the first of them is (issue 14)', () => {
    const sections = buildSections(roles, none);
    expect(sections.map((s) => s.id)).toEqual(['group:Payments', 'ungrouped']);
    expect(names(layoutRows(sections, haystacks, [], new Set()))).toEqual([
      '# group:Payments', 'prod-admin', 'prod-readonly', '# ungrouped', 'dev-admin', 'audit', 'Zeta', 'alpha-10', 'alpha-9',
    ]);
    // With no group at all: one section, so no header.
    const plain = [role('a', { source: 'alice' }), role('b', { source: 'bob' })];
    expect(names(layoutRows(buildSections(plain, none), () => plain.map(haystackOf), [], new Set())).length).toBe(2);
  });

  it('groups by group, else by source, in configuration order, when the person asks (groupBySource)', () => {
    const sections = buildSections(roles, { ...none, groupBySource: true });
    expect(sections.map((s) => s.id)).toEqual(['group:Payments', 'group:alice', 'group:keys']);
    expect(names(layoutRows(sections, haystacks, [], new Set()))).toEqual([
      '# group:Payments', 'prod-admin', 'prod-readonly', '# group:alice', 'dev-admin', 'audit', '# group:keys', 'Zeta', 'alpha-10', 'alpha-9',
    ]);
  });

  it('puts favourites first, then recent use, each role once', () => {
    const sections = buildSections(roles, { favourites: new Set(['audit']), recent: ['audit', 'Zeta', 'gone', 'prod-admin'], alphabetical: false });
    expect(names(layoutRows(sections, haystacks, [], new Set())).slice(0, 6)).toEqual([
      '# favourites', 'audit', '# recent', 'Zeta', 'prod-admin', '# group:Payments',
    ]);
  });

  it(`shows at most ${RECENT_SHOWN} recent roles`, () => {
    const sections = buildSections(roles, { ...none, recent: roles.map((r) => r.profile) });
    expect(sections.find((s) => s.kind === 'recent')?.members).toHaveLength(RECENT_SHOWN);
  });

  it('sorts A–Z, numbers by value, in one list without headers', () => {
    const sections = buildSections(roles, { ...none, favourites: new Set(['Zeta']), alphabetical: true });
    expect(names(layoutRows(sections, haystacks, [], new Set()))).toEqual([
      'alpha-9', 'alpha-10', 'audit', 'dev-admin', 'prod-admin', 'prod-readonly', 'Zeta',
    ]);
  });

  it('sorts like a numeric, case-insensitive collator', () => {
    const names = ['b', 'A', 'role-10', 'role-9', 'Role-9a', 'x100', 'x20'];
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([...names].sort(collator.compare));
  });

  it('hides the roles of a collapsed section but keeps its header', () => {
    const rows = layoutRows(buildSections(roles, none), haystacks, [], new Set(['group:Payments']));
    expect(names(rows).slice(0, 3)).toEqual(['# group:Payments', '# ungrouped', 'dev-admin']);
    expect(rows[0]).toMatchObject({ kind: 'header', collapsed: true });
  });

  it('filters in the same order, flat, including collapsed sections', () => {
    const sections = buildSections(roles, { ...none, favourites: new Set(['prod-readonly']) });
    const all = names(layoutRows(sections, haystacks, [], new Set())).filter((n) => !n?.startsWith('#'));
    const typed = names(layoutRows(sections, haystacks, queryWords('pro'), new Set(['favourites'])));
    expect(typed).toEqual(['prod-readonly', 'prod-admin']);
    expect(all.filter((n) => typed.includes(n))).toEqual(typed);
  });

  it('has no header when there is one section', () => {
    const single = [role('a'), role('b')];
    expect(names(layoutRows(buildSections(single, none), () => single.map(haystackOf), [], new Set())).length).toBe(2);
  });

  it('selects the first role row, skipping headers', () => {
    const rows = layoutRows(buildSections(roles, none), haystacks, [], new Set());
    expect(firstRoleRow(rows)).toBe(1);
    expect(firstRoleRow([])).toBe(-1);
  });
});
