/**
 * What an attempt (a sign-in, or a session's renewal) shows: one live status line, an alert with Retry and
 * Dismiss, or an inline passphrase or MFA-code prompt. The status element is always present, so screen readers
 * announce its changes. The sign-in and renew panels differ only in their texts, passed in here.
 */
import type { ComponentChildren } from 'preact';
import type { AppError } from '../src/messages';
import { t } from './i18n';
import { MfaForm, PassphraseForm } from './prompt-form';

export type AttemptPrompt =
  | { kind: 'failed'; error: AppError }
  | { kind: 'passphrase'; prompt: string; error?: string }
  | { kind: 'mfa'; prompt: string; error?: string }
  | { kind: 'none' };

export interface AttemptPanelProps {
  status: string;
  ok: boolean;
  prompt: AttemptPrompt;
  onRetry: () => void;
  onCancel: () => void;
  onPassphrase: (passphrase: string) => void;
  onMfaCode: (code: string) => void;
  /** Shown under the status line (the sign-in's notes). */
  children?: ComponentChildren;
}

export function AttemptPanel(props: AttemptPanelProps) {
  const { prompt } = props;
  return (
    <>
      <p role="status" class={props.ok ? 'status ok' : 'status'}>
        {props.status}
      </p>
      {props.children}
      {prompt.kind === 'failed' && (
        <div role="alert" class="alert">
          <span>{prompt.error.message}</span>
          <span class="alert-actions">
            <button type="button" class="primary" onClick={props.onRetry}>
              {t('popupRetry')}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t('popupDismiss')}
            </button>
          </span>
        </div>
      )}
      {prompt.kind === 'passphrase' && (
        <PassphraseForm label={t('popupUnlockForm')} prompt={prompt.prompt} error={prompt.error} onSubmit={props.onPassphrase} onCancel={props.onCancel} />
      )}
      {prompt.kind === 'mfa' && (
        <MfaForm label={t('popupMfaForm')} prompt={prompt.prompt} error={prompt.error} onSubmit={props.onMfaCode} onCancel={props.onCancel} />
      )}
    </>
  );
}

/** The MFA prompt's text for a profile, naming the device when known. */
export function mfaPrompt(profile: string, mfaSerial: string | undefined): string {
  return mfaSerial !== undefined ? t('popupMfaPrompt', profile, mfaSerial) : t('popupMfaPromptNoSerial', profile);
}
