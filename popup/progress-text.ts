/** The sentence for a sign-in in flight, naming the step the background reported (`signIn.progress`). */
import { t } from './i18n';
import type { Progress } from './use-sign-in';

export function progressText(profile: string, progress: Progress | undefined): string {
  if (!progress) return t('popupSigningIn', profile);
  return t('popupSigningInStep', profile, stepText(progress));
}

function stepText(progress: Progress): string {
  switch (progress.step) {
    case 'unlocking':
      return t('popupStepUnlocking');
    case 'getting-session':
      return t('popupStepGettingSession');
    case 'sso-approve':
      return progress.userCode !== undefined ? t('popupStepSsoApprove', progress.userCode) : t('popupStepSsoSigningIn');
    case 'getting-role-credentials':
      return t('popupStepRoleCredentials');
    case 'assuming-role':
      // A chain names the hop, so a slow three-role chain visibly advances.
      return progress.hop !== undefined && progress.hops !== undefined && progress.hops > 1
        ? t('popupStepAssumingRoleHop', String(progress.hop), String(progress.hops))
        : t('popupStepAssumingRole');
    case 'getting-token':
      return t('popupStepGettingToken');
    case 'opening-console':
      return t('popupStepOpeningConsole');
  }
}
