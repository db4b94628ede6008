/**
 * What a sign-in shows above the list: one live status line (progress, unlocking, success), an alert with Retry,
 * or an inline prompt. The status element is always present, so screen readers announce its changes.
 */
import { t } from './i18n';
import { progressText } from './progress-text';
import { MfaForm, PassphraseForm } from './prompt-form';
import type { SignIn } from './use-sign-in';

export function SignInPanel({ signIn, onPromptClosed }: { signIn: SignIn; onPromptClosed: () => void }) {
  const { state } = signIn;
  const cancel = () => {
    signIn.dismiss();
    onPromptClosed();
  };
  let status = '';
  if (state.kind === 'running') status = progressText(state.attempt.profile, state.progress);
  else if (state.kind === 'unlocking') status = t('popupUnlocking');
  else if (state.kind === 'done') status = t('popupSignedIn', state.assumedRoleArn);

  return (
    <>
      <p role="status" class={state.kind === 'done' ? 'status ok' : 'status'}>
        {status}
      </p>
      {state.kind === 'done' && state.notes.length > 0 && (
        <ul class="notes" aria-label={t('popupSessionNotes')}>
          {state.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {state.kind === 'failed' && (
        <div role="alert" class="alert">
          <span>{state.error.message}</span>
          <span class="alert-actions">
            <button type="button" class="primary" onClick={signIn.retry}>
              {t('popupRetry')}
            </button>
            <button type="button" onClick={cancel}>
              {t('popupDismiss')}
            </button>
          </span>
        </div>
      )}
      {state.kind === 'passphrase' && (
        <PassphraseForm
          label={t('popupUnlockForm')}
          prompt={t('popupVaultLocked', state.attempt.profile)}
          error={state.error}
          onSubmit={signIn.submitPassphrase}
          onCancel={cancel}
        />
      )}
      {state.kind === 'mfa' && (
        <MfaForm
          label={t('popupMfaForm')}
          prompt={state.mfaSerial !== undefined ? t('popupMfaPrompt', state.attempt.profile, state.mfaSerial) : t('popupMfaPromptNoSerial', state.attempt.profile)}
          error={state.error}
          onSubmit={signIn.submitMfaCode}
          onCancel={cancel}
        />
      )}
    </>
  );
}
