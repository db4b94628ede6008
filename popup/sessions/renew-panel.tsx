/** A renewal's status line, error, or inline prompt, above the session list (like the sign-in's panel). */
import { progressText } from '../progress-text';
import { MfaForm, PassphraseForm } from '../prompt-form';
import { t } from '../i18n';
import type { Renew } from './use-renew';

export function RenewPanel({ renew }: { renew: Renew }) {
  const { state } = renew;
  let status = '';
  if (state.kind === 'running') status = state.progress ? progressText(state.target.profile, state.progress) : t('popupSessionRenewing', state.target.profile);
  else if (state.kind === 'unlocking') status = t('popupUnlocking');
  else if (state.kind === 'done') status = t('popupSessionRenewed', state.target.profile);
  return (
    <>
      <p role="status" class={state.kind === 'done' ? 'status ok' : 'status'}>
        {status}
      </p>
      {state.kind === 'failed' && (
        <div role="alert" class="alert">
          <span>{state.error.message}</span>
          <span class="alert-actions">
            <button type="button" class="primary" onClick={renew.retry}>
              {t('popupRetry')}
            </button>
            <button type="button" onClick={renew.dismiss}>
              {t('popupDismiss')}
            </button>
          </span>
        </div>
      )}
      {state.kind === 'passphrase' && (
        <PassphraseForm
          label={t('popupUnlockForm')}
          prompt={t('popupSessionRenewLocked', state.target.profile)}
          error={state.error}
          onSubmit={renew.submitPassphrase}
          onCancel={renew.dismiss}
        />
      )}
      {state.kind === 'mfa' && (
        <MfaForm
          label={t('popupMfaForm')}
          prompt={state.mfaSerial !== undefined ? t('popupMfaPrompt', state.target.profile, state.mfaSerial) : t('popupMfaPromptNoSerial', state.target.profile)}
          error={state.error}
          onSubmit={renew.submitMfaCode}
          onCancel={renew.dismiss}
        />
      )}
    </>
  );
}
