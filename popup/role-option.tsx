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
      {/* Hidden from the name, read as the description (aria-describedby reads hidden content, without the CSS
          separators: hence the spaces between the parts, which the drawn ' · ' swallows). */}
      <span class="detail" id={detailId} aria-hidden="true">
        {props.favourite && <span class="visually-hidden">{t('popupFavourite')}, </span>}
        <SignedInMarker profile={role.profile} />{' '}
        <ConsoleWayMarker profile={role.profile} />{' '}
        {role.accountAlias !== undefined && (
          <span class="alias">
            <Highlighted text={role.accountAlias} words={words} />
          </span>
        )}{' '}
        {!props.hideAccountIds && (
          <span class="account">
            <Highlighted text={role.accountId} words={words} />
          </span>
        )}{' '}
        <span class="role-name">
          <Highlighted text={role.roleName} words={words} />
        </span>{' '}
        {role.region !== undefined && (
          <span class="region">
            <Highlighted text={role.region} words={words} />
          </span>
        )}{' '}
        {groupMatched && (
          <span class="group">
            <Highlighted text={group} words={words} />
          </span>
        )}{' '}
      </span>
    </div>
  );
}
