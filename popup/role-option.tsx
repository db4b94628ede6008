/**
 * One role in the listbox: swatch, profile name, star; then account, role name and region. Its accessible name
 * is the profile name alone (what people search and tests ask for), from its content: the star and the detail line
 * are hidden from it, and the detail line is its description. Not an aria-label: a name that is not the visible
 * text breaks speech input (WCAG 2.5.3, axe's label-content-name-mismatch).
 */
import type { JSX } from 'preact';
import type { RoleSummary } from '../src/messages';
import { Highlighted } from './highlight';
import { groupOf } from './search';
import { t } from './i18n';
import { Swatch } from './swatch';
import { SignedInMarker } from './sessions';
import { ConsoleWayMarker } from './console-offer';

export interface RoleOptionProps {
  role: RoleSummary;
  id: string;
  top: number;
  height: number;
  active: boolean;
  favourite: boolean;
  hideAccountIds: boolean;
  words: readonly string[];
  position: number;
  setSize: number;
  onPick: (event: MouseEvent) => void;
  onStar: () => void;
  /** A right click: the role's menu (role-menu.tsx). */
  onMenu: () => void;
}

export function RoleOption(props: RoleOptionProps) {
  const { role, words } = props;
  const detailId = `${props.id}-detail`;
  // Search results are flat, without section headers: when the group is what matched, show it, or the row
  // would match for no visible reason.
  const group = groupOf(role);
  const groupMatched = words.some((word) => group.toLowerCase().includes(word));
  const details = detailParts(role, { hideAccountIds: props.hideAccountIds, group: groupMatched ? group : undefined });
  const star = (event: JSX.TargetedMouseEvent<HTMLSpanElement>) => {
    // The star is part of the row for the mouse; it must not also sign in.
    event.stopPropagation();
    props.onStar();
  };
  return (
    <div
      role="option"
      id={props.id}
      class="option"
      aria-describedby={detailId}
      data-profile={role.profile}
      aria-selected={props.active}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      style={{ top: `${props.top}px`, height: `${props.height}px` }}
      onClick={(event) => props.onPick(event)}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onMenu();
      }}
      // A middle click opens a new tab, as it does on a link.
      onAuxClick={(event) => {
        if (event.button === 1) props.onPick(event);
      }}
    >
      <Swatch role={role} />
      <span class="name">
        <Highlighted text={role.profile} words={words} />
      </span>
      <span
        class={props.favourite ? 'star on' : 'star'}
        aria-hidden="true"
        title={t(props.favourite ? 'popupStarRemove' : 'popupStarAdd')}
        onClick={star}
      >
        {props.favourite ? '★' : '☆'}
      </span>
      {/* The detail line is drawn for the eye only: hidden from the name, and not the description either (a
          description read from a hidden subtree takes every piece of it, drawn marks and spoken ones alike, so a
          time left was read twice). The description is its own hidden line of the same parts, each said once. */}
      <span class="detail" aria-hidden="true">
        <SignedInMarker profile={role.profile} /> <ConsoleWayMarker profile={role.profile} />{' '}
        {details.map((part) => (
          <span key={part.kind} class={part.kind}>
            <Highlighted text={part.text} words={words} />
          </span>
        ))}
      </span>
      <span class="visually-hidden" id={detailId} aria-hidden="true">
        {props.favourite && <span>{t('popupFavourite')}, </span>}
        <SignedInMarker profile={role.profile} spoken /> <ConsoleWayMarker profile={role.profile} spoken />{' '}
        {details.map((part) => part.text).join(' ')}
      </span>
    </div>
  );
}

/** The detail line's parts, in order, each with its class: alias, account, role name, region, the group that matched. */
function detailParts(role: RoleSummary, options: { hideAccountIds: boolean; group: string | undefined }): Array<{ kind: string; text: string }> {
  const parts: Array<{ kind: string; text: string | undefined }> = [
    { kind: 'alias', text: role.accountAlias },
    { kind: 'account', text: options.hideAccountIds ? undefined : role.accountId },
    { kind: 'role-name', text: role.roleName },
    { kind: 'region', text: role.region },
    { kind: 'group', text: options.group },
  ];
  return parts.filter((part): part is { kind: string; text: string } => part.text !== undefined);
}
