/**
 * A profile the configuration's errors leave out (RoleSummary.skipped), in the list where it would be: greyed out,
 * its name (searchable, highlighted like any row) and why it is skipped (its first error). It never signs in:
 * activating it (a click, Enter) opens the options page at that profile (app.tsx), where the error is fixed. As tall
 * as a role row (unavailable-option.tsx, shared with the rows whose source has no keys).
 */
import type { RoleSummary } from '../src/messages';
import { t } from './i18n';
import { UnavailableOption, type RowSlot } from './unavailable-option';

export interface SkippedOptionProps extends RowSlot {
  role: RoleSummary & { skipped: string };
}

export function SkippedOption(props: SkippedOptionProps) {
  const { role, ...row } = props;
  const reason = t('popupSkipped', role.skipped);
  const action = t('popupSkippedAction');
  return <UnavailableOption {...row} profile={role.profile} reason={reason} action={action} title={`${reason}\n${action}`} />;
}

export function isSkipped(role: RoleSummary): role is RoleSummary & { skipped: string } {
  return role.skipped !== undefined;
}
