/** What a sign-in shows above the list: progress, success with its notes, an alert with Retry, or a prompt. */
import { send } from '../src/messages';
import { AttemptPanel, mfaPrompt, type AttemptPrompt } from './attempt-panel';
import { t } from './i18n';
import { progressText } from './progress-text';
import type { SignIn, SignInState } from './use-sign-in';
import { formatLabel } from './role-menu';

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
  else if (state.kind === 'credentials') {
    const until = new Date(state.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    status = state.copied
      ? t('popupCredentialsCopied', state.attempt.profile, formatLabel(state.attempt.terminal), until)
      : t('popupCredentialsReady', state.attempt.profile, until);
  }

  return (
    <AttemptPanel
      status={status}
      ok={state.kind === 'done' || state.kind === 'credentials'}
      prompt={promptOf(state)}
      onRetry={signIn.retry}
      onCancel={cancel}
      onPassphrase={signIn.submitPassphrase}
      onMfaCode={signIn.submitMfaCode}
    >
      {state.kind === 'running' && state.progress?.step === 'sso-approve' && (
        // The background waits for the approval; Cancel stops it (the sign-in then answers sso-cancelled).
        <button type="button" class="link" onClick={() => void send('sso.cancel', {})}>
          {t('popupSsoCancel')}
        </button>
      )}
      {state.kind === 'credentials' && (
        <span class="alert-actions">
          {!state.copied && (
            <button type="button" class="primary" onClick={signIn.copy}>
              {t('popupCopy')}
            </button>
          )}
          <button type="button" onClick={cancel}>
            {t('popupDismiss')}
          </button>
        </span>
      )}
      {state.kind === 'done' && state.notes.length > 0 && (
        <ul class="notes" aria-label={t('popupSessionNotes')}>
          {state.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </AttemptPanel>
  );
}

function promptOf(state: SignInState): AttemptPrompt {
  switch (state.kind) {
    case 'failed':
      return { kind: 'failed', error: state.error };
    case 'passphrase':
      return { kind: 'passphrase', prompt: t('popupVaultLocked', state.attempt.profile), ...(state.error !== undefined && { error: state.error }) };
    case 'mfa':
      return { kind: 'mfa', prompt: mfaPrompt(state.attempt.profile, state.mfaSerial), ...(state.error !== undefined && { error: state.error }) };
    default:
      return { kind: 'none' };
  }
}
