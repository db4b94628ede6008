/**
 * A renewal's status line, error, or inline prompt (the sign-in's panel, other texts): the status in its own line
 * with the sessions' summary beside it, the rest over the session list (`under`), so no session's buttons move.
 */
import type { ComponentChildren } from 'preact';
import { AttemptPanel, mfaPrompt, type AttemptPrompt } from '../attempt-panel';
import { t } from '../i18n';
import { progressText } from '../progress-text';
import type { Renew, RenewState } from './use-renew';

export function RenewPanel({ renew, beside, under }: { renew: Renew; beside?: ComponentChildren; under?: ComponentChildren }) {
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
      beside={beside}
      under={under}
    />
  );
}

function promptOf(state: RenewState): AttemptPrompt {
  switch (state.kind) {
    case 'failed':
      return { kind: 'failed', error: state.error, profile: state.target.profile };
    case 'passphrase':
      return { kind: 'passphrase', prompt: t('popupSessionRenewLocked', state.target.profile), ...(state.error !== undefined && { error: state.error }) };
    case 'mfa':
      return { kind: 'mfa', prompt: mfaPrompt(state.target.profile, state.mfaSerial), ...(state.error !== undefined && { error: state.error }) };
    default:
      return { kind: 'none' };
  }
}
