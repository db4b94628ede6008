/**
 * Which row is active (highlighted, and what Enter acts on). It is remembered by identity (a role or a section),
 * so starring or collapsing keeps it on the same row; a new query selects the first match instead.
 */
import { useState } from 'preact/hooks';
import type { RoleSummary } from '../src/messages';
import { firstRoleRow, type Row } from './sections';

export function useActiveRow(rows: readonly Row[], roles: readonly RoleSummary[], query: string): [number, (rowIndex: number) => void] {
  // By profile name, not position: a configuration refreshed while open may move roles around.
  const keyOf = (row: Row | undefined): string | undefined => {
    if (!row) return undefined;
    return row.kind === 'role' ? `r:${roles[row.index]?.profile ?? ''}` : `h:${row.section.id}`;
  };
  const [chosen, setChosen] = useState<{ key: string; query: string } | undefined>(undefined);
  let active = -1;
  if (chosen && chosen.query === query) active = rows.findIndex((row) => keyOf(row) === chosen.key);
  if (active === -1) active = firstRoleRow(rows);
  // A list of collapsed sections only has headers: the first of them, so Enter can open it.
  if (active === -1 && rows.length > 0) active = 0;

  const choose = (rowIndex: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, rowIndex));
    const key = keyOf(rows[clamped]);
    if (key !== undefined) setChosen({ key, query });
  };
  return [active, choose];
}
