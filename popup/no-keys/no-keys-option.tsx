/**
 * A role whose source has no access keys (use-no-keys.ts), in the list where it is: greyed out as a skipped profile
 * is (popup.css `.option.skipped`), its name searchable and highlighted, and why it cannot sign in with what to do:
 * "No access keys for alice — Add keys". Activating it (a click, Enter) opens the options page at that source's keys
 * (app.tsx), never a sign-in that can only fail. As tall as a role row, with the same listbox semantics.
 */
import type { RoleSummary } from '../../src/messages';
import { Highlighted } from '../highlight';
import { t } from '../i18n';

export interface NoKeysOptionProps {
  role: RoleSummary;
  source: string;
  id: string;
  top: number;
  height: number;
  active: boolean;
  words: readonly string[];
  position: number;
  setSize: number;
  onPick: () => void;
  /** A right click: the role's menu (its ARN and account id can still be copied). */
  onMenu: () => void;
}

export function NoKeysOption(props: NoKeysOptionProps) {
  const { role } = props;
  const detailId = `${props.id}-detail`;
  const reason = t('popupNoKeys', props.source);
  const action = t('popupNoKeysAction', props.source);
  return (
    <div
      role="option"
      id={props.id}
      class="option skipped no-keys"
      aria-describedby={detailId}
      data-profile={role.profile}
      aria-selected={props.active}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      title={`${role.roleArn}\n${action}`}
      style={{ top: `${props.top}px`, height: `${props.height}px` }}
      onClick={props.onPick}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onMenu();
      }}
    >
      <span class="swatch" aria-hidden="true" />
      <span class="name">
        <Highlighted text={role.profile} words={props.words} />
      </span>
      {/* The name is the profile (from content); the reason, hidden from it, is the description. */}
      <span class="detail" id={detailId} aria-hidden="true">
        <span>
          {reason}
          <span class="visually-hidden">{` ${action}`}</span>
        </span>
      </span>
    </div>
  );
}
