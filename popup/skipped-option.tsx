/**
 * A profile the configuration's errors leave out (RoleSummary.skipped), in the list where it would be: greyed out,
 * its name (searchable, highlighted like any row) and why it is skipped (its first error). It never signs in:
 * activating it (a click, Enter) opens the options page at that profile (app.tsx), where the error is fixed. As tall
 * as a role row, with the same listbox semantics, so the list's layout and keys are the same with it.
 */
import type { RoleSummary } from '../src/messages';
import { Highlighted } from './highlight';
import { t } from './i18n';

export interface SkippedOptionProps {
  role: RoleSummary & { skipped: string };
  id: string;
  top: number;
  height: number;
  active: boolean;
  words: readonly string[];
  position: number;
  setSize: number;
  onPick: () => void;
}

export function SkippedOption(props: SkippedOptionProps) {
  const { role } = props;
  const detailId = `${props.id}-detail`;
  const reason = t('popupSkipped', role.skipped);
  return (
    <div
      role="option"
      id={props.id}
      class="option skipped"
      aria-describedby={detailId}
      aria-selected={props.active}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      title={`${reason}\n${t('popupSkippedAction')}`}
      style={{ top: `${props.top}px`, height: `${props.height}px` }}
      onClick={props.onPick}
    >
      <span class="swatch" aria-hidden="true" />
      <span class="name">
        <Highlighted text={role.profile} words={props.words} />
      </span>
      {/* The name is the profile (from content); the reason, hidden from it, is the description. */}
      <span class="detail" id={detailId} aria-hidden="true">
        <span>
          {reason}
          <span class="visually-hidden">{` ${t('popupSkippedAction')}`}</span>
        </span>
      </span>
    </div>
  );
}

export function isSkipped(role: RoleSummary): role is RoleSummary & { skipped: string } {
  return role.skipped !== undefined;
}
