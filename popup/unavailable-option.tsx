/**
 * A row that cannot sign in as things stand (issue 14), in the list where it would be: greyed out (popup.css
 * `.option.skipped`), its name searchable and highlighted, and why, with what activating it does (a click, Enter:
 * app.tsx opens the options page where it is mended). As tall as a role row, with the same listbox semantics, so the
 * list's layout and keys are the same with it. Two kinds use it: a profile skipped for an error (skipped-option.tsx)
 * and a role whose source has no keys (no-keys/no-keys-option.tsx).
 */
import { Highlighted } from './highlight';

/** Where a row stands in the virtual list and how it is picked: what every kind of unavailable row is given. */
export interface RowSlot {
  id: string;
  top: number;
  height: number;
  active: boolean;
  words: readonly string[];
  position: number;
  setSize: number;
  onPick: () => void;
}

export interface UnavailableOptionProps extends RowSlot {
  profile: string;
  /** Why it cannot sign in, shown; `action`, what activating it does, said to screen readers after it. */
  reason: string;
  action: string;
  /** The tooltip. */
  title: string;
  /** Extra classes beside `option skipped`. */
  kind?: string;
  /** Set where the row stands for a role whose profile the worker knows (hover warming reads it). */
  dataProfile?: boolean;
  /** A right click: the role's menu, where it has one. */
  onMenu?: () => void;
}

export function UnavailableOption(props: UnavailableOptionProps) {
  const detailId = `${props.id}-detail`;
  const onMenu = props.onMenu;
  return (
    <div
      role="option"
      id={props.id}
      class={props.kind !== undefined ? `option skipped ${props.kind}` : 'option skipped'}
      aria-describedby={detailId}
      data-profile={props.dataProfile === true ? props.profile : undefined}
      aria-selected={props.active}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      title={props.title}
      style={{ top: `${props.top}px`, height: `${props.height}px` }}
      onClick={props.onPick}
      onContextMenu={
        onMenu &&
        ((event) => {
          event.preventDefault();
          onMenu();
        })
      }
    >
      <span class="swatch" aria-hidden="true" />
      <span class="name">
        <Highlighted text={props.profile} words={props.words} />
      </span>
      {/* The name is the profile (from content); the reason, hidden from it, is the description. */}
      <span class="detail" id={detailId} aria-hidden="true">
        <span>
          {props.reason}
          <span class="visually-hidden">{` ${props.action}`}</span>
        </span>
      </span>
    </div>
  );
}
