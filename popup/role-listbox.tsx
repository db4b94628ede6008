/**
 * The virtualized listbox. Only rows in view (plus overscan, plus the active row so `aria-activedescendant`
 * always points at an element) are rendered, absolutely placed inside a box as tall as the whole list.
 * Focus stays in the search box; this component only scrolls the active row into view.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OpenIn, RoleSummary } from '../src/messages';
import { clickOpenIn } from './keyboard';
import { t } from './i18n';
import { RoleOption } from './role-option';
import { SectionHeader } from './section-header';
import { isSkipped, SkippedOption } from './skipped-option';
import { NoKeysOption, type NoKeysOf } from './no-keys';
import type { Row } from './sections';
import { prefixOffsets, revealRow, visibleRange } from './virtual-window';

export const ROLE_ROW_HEIGHT = 44;
export const HEADER_ROW_HEIGHT = 28;
/** Tall enough for ten roles, short enough that the popup (at most 600 px in Chrome) keeps its prompts in view. */
export const LIST_MAX_HEIGHT = 440;
const OVERSCAN = 6;

export const LISTBOX_ID = 'role-list';
export const optionId = (rowIndex: number) => `role-option-${rowIndex}`;

export interface RoleListboxProps {
  rows: readonly Row[];
  roles: readonly RoleSummary[];
  words: readonly string[];
  activeRow: number;
  favourites: ReadonlySet<string>;
  hideAccountIds: boolean;
  busy: boolean;
  /** A click on a row: sign in to a role (with the click's modifiers; `alt`: the other way), or open or close a section. */
  onActivate: (rowIndex: number, openIn: OpenIn | undefined, alt?: boolean) => void;
  onStar: (profile: string) => void;
  /** A right click on a role: its menu. */
  onMenu: (rowIndex: number) => void;
  /** The source whose missing keys keep a role from signing in (no-keys/): such a row is greyed, with the reason. */
  noKeys?: NoKeysOf;
}

export function rowHeight(row: Row | undefined): number {
  return row?.kind === 'header' ? HEADER_ROW_HEIGHT : ROLE_ROW_HEIGHT;
}

export function RoleListbox(props: RoleListboxProps) {
  const { rows, activeRow } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const offsets = useMemo(() => prefixOffsets(rows.length, (i) => rowHeight(rows[i])), [rows]);
  const total = offsets[rows.length] ?? 0;
  // The viewport height is known without measuring: the list is as tall as its rows, up to the maximum.
  const viewport = Math.min(total, LIST_MAX_HEIGHT);
  const top = Math.min(scrollTop, Math.max(0, total - viewport));

  // Keep the active row in view when the keyboard moves it or the list is filtered.
  useLayoutEffect(() => {
    if (activeRow < 0) return;
    const next = revealRow(offsets, activeRow, top, viewport);
    if (next !== top || scroller.current?.scrollTop !== next) {
      if (scroller.current) scroller.current.scrollTop = next;
      setScrollTop(next);
    }
    // Deliberately not on `top`: only the active row and the rows move the view, so scrolling by hand sticks.
  }, [activeRow, offsets]);

  const [start, end] = visibleRange(offsets, top, viewport, OVERSCAN);
  const shown: number[] = [];
  for (let i = start; i < end; i += 1) shown.push(i);
  if (activeRow >= 0 && (activeRow < start || activeRow >= end)) shown.push(activeRow);

  return (
    <div
      class="list"
      ref={scroller}
      style={{ height: `${viewport}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      // When it scrolls, in the Tab order, so a keyboard can scroll it without the search box too (WCAG 2.1.1; axe's
      // scrollable-region-focusable). A click never takes focus from the search box: its keys would stop working.
      tabIndex={total > viewport ? 0 : undefined}
      onMouseDown={(event) => event.preventDefault()}
    >
      <div role="listbox" id={LISTBOX_ID} aria-label={t('popupRolesLabel')} aria-busy={props.busy} class="listbox" style={{ height: `${total}px` }}>
        {shown.map((index) => {
          const row = rows[index];
          if (!row) return null;
          const common = {
            id: optionId(index),
            top: offsets[index] ?? 0,
            height: rowHeight(row),
            active: index === activeRow,
            position: index + 1,
            setSize: rows.length,
          };
          if (row.kind === 'header') {
            return (
              <SectionHeader
                key={`h:${row.section.id}`}
                {...common}
                section={row.section}
                collapsed={row.collapsed}
                onToggle={() => props.onActivate(index, undefined)}
              />
            );
          }
          const role = props.roles[row.index];
          if (!role) return null;
          if (isSkipped(role)) {
            return <SkippedOption key={`r:${row.index}`} {...common} role={role} words={props.words} onPick={() => props.onActivate(index, undefined)} />;
          }
          const noKeys = props.noKeys?.(role);
          if (noKeys !== undefined) {
            return (
              <NoKeysOption
                key={`r:${row.index}`}
                {...common}
                role={role}
                source={noKeys}
                words={props.words}
                onPick={() => props.onActivate(index, undefined)}
                onMenu={() => props.onMenu(index)}
              />
            );
          }
          return (
            <RoleOption
              key={`r:${row.index}`}
              {...common}
              role={role}
              favourite={props.favourites.has(role.profile)}
              hideAccountIds={props.hideAccountIds}
              words={props.words}
              onPick={(event) => props.onActivate(index, clickOpenIn(event), event.altKey)}
              onStar={() => props.onStar(role.profile)}
              onMenu={() => props.onMenu(index)}
            />
          );
        })}
      </div>
    </div>
  );
}
