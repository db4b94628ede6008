/**
 * A role whose source has no access keys (use-no-keys.ts), in the list where it is: greyed out as a skipped profile
 * is (popup.css `.option.skipped`), its name searchable and highlighted, and why it cannot sign in with what to do:
 * "No access keys for alice — Add keys". Activating it (a click, Enter) opens the options page at that source's keys
 * (app.tsx), never a sign-in that can only fail. The row itself: unavailable-option.tsx, shared with skipped profiles.
 */
import type { RoleSummary } from '../../src/messages';
import { t } from '../i18n';
import { UnavailableOption, type RowSlot } from '../unavailable-option';

export interface NoKeysOptionProps extends RowSlot {
  role: RoleSummary;
  source: string;
  /** A right click: the role's menu (its ARN and account id can still be copied). */
  onMenu: () => void;
}

export function NoKeysOption(props: NoKeysOptionProps) {
  const { role, source, ...row } = props;
  const action = t('popupNoKeysAction', source);
  return (
    <UnavailableOption {...row} profile={role.profile} kind="no-keys" dataProfile reason={t('popupNoKeys', source)} action={action} title={`${role.roleArn}\n${action}`} />
  );
}
