/** A renewal's status line, error, or inline prompt, above the session list (the sign-in's panel, other texts). */
import { AttemptPanel, mfaPrompt, type AttemptPrompt } from '../attempt-panel';
import { t } from '../i18n';
import { progressText } from '../progress-text';
import type { Renew, RenewState } from './use-renew';

export function RenewPanel({ renew }: { renew: Renew }) {
  const { state } = renew;
  let status = '';
  if (state.kind === 'running') status = state.progress ? progressText(state.target.profile, state.progress) : t('popupSessionRenewing', state.target.profile);
  else if (state.kind === 'unlocking') status = t('popupUnlocking');
  else if (state.kind === 'done') status = t('popupSessionRenewed', state.target.profile);
  return (
    <AttemptPanel
      status={status}
      ok={state.kind === 'done'}
      prompt={promptOf(state)}
      onRetry={renew.retry}
      onCancel={renew.dismiss}
      onPassphrase={renew.submitPassphrase}
      onMfaCode={renew.submitMfaCode}
    />
  );
}

function promptOf(state: RenewState): AttemptPrompt {
  switch (state.kind) {
    case 'failed':
      return { kind: 'failed', error: state.error };
    case 'passphrase':
      return { kind: 'passphrase', prompt: t('popupSessionRenewLocked', state.target.profile), ...(state.error !== undefined && { error: state.error }) };
    case 'mfa':
      return { kind: 'mfa', prompt: mfaPrompt(state.target.profile, state.mfaSerial), ...(state.error !== undefined && { error: state.error }) };
    default:
      return { kind: 'none' };
  }
}
