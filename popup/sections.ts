/**
 * The order of the list: favourites first, then recently and frequently used roles, then everyone else grouped
 * by `group`, groups and roles in configuration order, so the list reads like the text the person wrote. Roles
 * without a `group` are one section of their own ("Other roles", where their first role is), or, when the person
 * asks (`groupBySource`, a view choice, off by default), grouped by the source their keys come from. Alphabetical is
 * one flat A–Z list instead.
 *
 * The sections are computed once per opening (and when a star changes); typing only filters them, so the order
 * never shifts under the cursor while a query is typed.
 */
import type { RoleSummary } from '../src/messages';
import { groupOf, matchesAll } from './search';

export type SectionKind = 'favourites' | 'recent' | 'group';

export interface Section {
  /** Stable across openings, for remembering which sections are collapsed. */
  id: string;
  kind: SectionKind;
  /** The group's name; empty for favourites, recent and the alphabetical list. */
  name: string;
  /** Indices into the role array, in display order. */
  members: number[];
}

export interface OrderInput {
  favourites: ReadonlySet<string>;
  /** Profiles by frecency, best first. */
  recent: readonly string[];
  alphabetical: boolean;
  /** Roles without a `group` grouped under their source's name, rather than together (issue 14). */
  groupBySource?: boolean;
}

/** The section of the roles without a `group` (when not grouped by source): its name is empty, its title "Other roles". */
export const UNGROUPED = 'ungrouped';

export const RECENT_SHOWN = 5;

/**
 * A–Z ignoring case, numbers by value ("role-9" before "role-10"): digit runs are zero-padded so plain string
 * comparison does it. Intl.Collator's numeric compare is the same order, but five times slower on 10,000 names.
 */
export function sortKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(20, '0'));
}

export function buildSections(roles: readonly RoleSummary[], input: OrderInput): Section[] {
  if (input.alphabetical) {
    const keys = roles.map((role) => sortKey(role.profile));
    const all = roles.map((_, index) => index).sort((a, b) => {
      const [x = '', y = ''] = [keys[a], keys[b]];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    return [{ id: 'all', kind: 'group', name: '', members: all }];
  }
  const placed = new Set<number>();
  // Where each recent profile is: a map of the few recent names, not of every role (10,000 at the worst).
  const recentRank = new Map(input.recent.map((profile, rank) => [profile, rank]));
  const recentAt: Array<number | undefined> = [];
  if (recentRank.size > 0) {
    roles.forEach((role, index) => {
      const rank = recentRank.get(role.profile);
      if (rank !== undefined) recentAt[rank] = index;
    });
  }

  const favourites: number[] = [];
  roles.forEach((role, index) => {
    if (input.favourites.has(role.profile)) favourites.push(index);
  });
  favourites.forEach((index) => placed.add(index));

  const recent: number[] = [];
  for (const index of recentAt) {
    if (index === undefined || placed.has(index)) continue;
    recent.push(index);
    placed.add(index);
    if (recent.length === RECENT_SHOWN) break;
  }

  // Groups keep the place of their first role in the configuration, even when that role moved up to favourites
  // or recent: a sign-in must not reshuffle the groups.
  const groups = new Map<string, number[]>();
  roles.forEach((role, index) => {
    const name = input.groupBySource === true ? groupOf(role) : (role.group ?? '');
    const members = groups.get(name) ?? [];
    groups.set(name, members);
    if (!placed.has(index)) members.push(index);
  });

  const sections: Section[] = [];
  if (favourites.length > 0) sections.push({ id: 'favourites', kind: 'favourites', name: '', members: favourites });
  if (recent.length > 0) sections.push({ id: 'recent', kind: 'recent', name: '', members: recent });
  for (const [name, members] of groups) {
    if (members.length > 0) sections.push({ id: name === '' ? UNGROUPED : `group:${name}`, kind: 'group', name, members });
  }
  return sections;
}

export type Row =
  | { kind: 'header'; section: Section; collapsed: boolean }
  | { kind: 'role'; index: number; section: Section };

/**
 * The rows on the list. With a query: the matching roles, flat, in section order (a search shows every match,
 * even in a collapsed group). Without: section headers (when there is more than one section) and the roles of
 * the open sections.
 */
export function layoutRows(
  sections: readonly Section[],
  /** Called only when there is a query. */
  haystacks: () => readonly string[],
  words: readonly string[],
  collapsed: ReadonlySet<string>,
): Row[] {
  const rows: Row[] = [];
  if (words.length > 0) {
    const hay = haystacks();
    for (const section of sections) {
      for (const index of section.members) {
        if (matchesAll(hay[index] ?? '', words)) rows.push({ kind: 'role', index, section });
      }
    }
    return rows;
  }
  const headed = sections.length > 1;
  for (const section of sections) {
    const closed = headed && collapsed.has(section.id);
    if (headed) rows.push({ kind: 'header', section, collapsed: closed });
    if (!closed) for (const index of section.members) rows.push({ kind: 'role', index, section });
  }
  return rows;
}

/** The first role row at or after `from` (the first match is selected), or -1. */
export function firstRoleRow(rows: readonly Row[], from = 0): number {
  for (let i = Math.max(0, from); i < rows.length; i += 1) if (rows[i]?.kind === 'role') return i;
  return -1;
}
