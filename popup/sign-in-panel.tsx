/**
 * What a sign-in shows: progress and success on the status line (with the sessions strip beside it), over the list's
 * top an alert with its fix or a prompt, and under the list the success's notes (attempt-panel.tsx: nothing moves a
 * row, nothing that only informs covers one).
 */
import type { ComponentChildren } from 'preact';
import { send } from '../src/messages';
import { AttemptPanel, mfaPrompt, type AttemptPrompt } from './attempt-panel';
import { t } from './i18n';
import { progressText } from './progress-text';
import type { SignIn, SignInState } from './use-sign-in';
import { formatLabel } from './role-menu';
import { CopyArn, signedInText } from './signed-in-line';

export interface SignInPanelProps {
  signIn: SignIn;
  onPromptClosed: () => void;
  /** On the status line's right: the sessions strip. */
  beside?: ComponentChildren;
  /** What the sheet of notes, alerts and prompts lies over: the list. */
  under?: ComponentChildren;
}

export function SignInPanel({ signIn, onPromptClosed, beside, under }: SignInPanelProps) {
  const { state } = signIn;
  const cancel = () => {
    signIn.dismiss();
    onPromptClosed();
  };
  let status = '';
  if (state.kind === 'running') status = progressText(state.attempt.profile, state.progress);
  else if (state.kind === 'unlocking') status = t('popupUnlocking');
  else if (state.kind === 'done') status = signedInText(state.attempt.profile, state.assumedRoleArn);
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
      statusTitle={state.kind === 'done' ? state.assumedRoleArn : undefined}
      statusAction={state.kind === 'done' && <CopyArn arn={state.assumedRoleArn} />}
      beside={beside}
      under={under}
      after={
        state.kind === 'done' &&
        state.notes.length > 0 && (
          <ul class="notes" aria-label={t('popupSessionNotes')}>
            {state.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )
      }
    >
      {state.kind === 'running' && state.progress?.step === 'sso-approve' && (
        // The background waits for the approval; Cancel stops it (the sign-in then answers sso-cancelled).
        <div class="sheet-actions">
          <button type="button" class="link" onClick={() => void send('sso.cancel', {})}>
            {t('popupSsoCancel')}
          </button>
        </div>
      )}
      {state.kind === 'credentials' && !state.copied && (
        // The browser refused the write (the click was long ago): a click of this button can copy them. Once copied,
        // the status line says so and nothing lies over the list.
        <span class="sheet-actions alert-actions">
          <button type="button" class="primary" onClick={signIn.copy}>
            {t('popupCopy')}
          </button>
          <button type="button" onClick={cancel}>
            {t('popupDismiss')}
          </button>
        </span>
      )}
    </AttemptPanel>
  );
}

function promptOf(state: SignInState): AttemptPrompt {
  switch (state.kind) {
    case 'failed':
      return { kind: 'failed', error: state.error, profile: state.attempt.profile };
    case 'passphrase':
      return { kind: 'passphrase', prompt: t('popupVaultLocked', state.attempt.profile), ...(state.error !== undefined && { error: state.error }) };
    case 'mfa':
      return { kind: 'mfa', prompt: mfaPrompt(state.attempt.profile, state.mfaSerial), ...(state.error !== undefined && { error: state.error }) };
    default:
      return { kind: 'none' };
  }
}
