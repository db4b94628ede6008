/**
 * What an attempt (a sign-in, or a session's renewal) shows: one live status line, an alert with the action that
 * mends it, Copy details and Dismiss, or an inline passphrase or MFA-code prompt. The status element is always present, so screen readers
 * announce its changes. The sign-in and renew panels differ only in their texts, passed in here.
 *
 * Nothing here moves the list below it (issue 14: a row pushed under the pointer signs in to another role). The
 * status line has a place of its own, one line high from the first paint (cut with an ellipsis, the whole text on
 * hover), shared with what `beside` puts there (the way to the Sessions view); alerts and prompts lie in a sheet
 * over the top of what is `under` it (the list), in front of the rows rather than above them. The two share one grid
 * cell, so a sheet taller than a short list makes the cell taller (what is below it moves), never cut off. What only
 * informs and asks nothing (a success's notes) goes `after` the list, where it covers no row and moves none.
 */
import type { ComponentChildren } from 'preact';
import { fixOf } from '../src/core/app-error';
import type { AppError } from '../src/messages';
import { CopyDetails } from './copy-details';
import { openOptionsAt } from './open-options';
import { t } from './i18n';
import { MfaForm, PassphraseForm } from './prompt-form';

export type AttemptPrompt =
  /** `profile`: what the sign-in or renewal was for, in the error's copied details. */
  | { kind: 'failed'; error: AppError; profile?: string }
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
  /** In the sheet over the list, above an alert or prompt (the sign-in's Copy and Cancel buttons). */
  children?: ComponentChildren;
  /** Under the list: what only informs (the sign-in's notes). */
  after?: ComponentChildren;
  /** The whole status on hover, when the line says it shorter (a success names the role; this is its full ARN). */
  statusTitle?: string | undefined;
  /** On the status line, after the status: what acts on it (the success's Copy ARN). */
  statusAction?: ComponentChildren;
  /** On the status line's right (the sessions strip). */
  beside?: ComponentChildren;
  /** What the sheet lies over: the list. */
  under?: ComponentChildren;
}

export function AttemptPanel(props: AttemptPanelProps) {
  const { prompt } = props;
  return (
    <>
      <div class="status-bar">
        <p role="status" class={props.ok ? 'status ok' : 'status'} title={props.statusTitle ?? (props.status === '' ? undefined : props.status)}>
          {props.status}
        </p>
        {props.statusAction}
        {props.beside}
      </div>
      <div class="over-list">
        {/* Empty (and then not shown, popup.css) unless there is something to say. */}
        <div class="sheet">
          {props.children}
          {prompt.kind === 'failed' && (
            <div role="alert" class="alert">
              <span>{prompt.error.message}</span>
              <span class="alert-actions">
                <FixButton error={prompt.error} onRetry={props.onRetry} />
                <CopyDetails error={prompt.error} profile={prompt.profile} />
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
        </div>
        <div class="under">{props.under}</div>
      </div>
      {props.after}
    </>
  );
}

/**
 * The action that can mend the failure: the source's keys, the profile in the editor, or Retry where retrying can
 * help (throttling, network, a timeout). Retry never stands where it cannot help.
 */
function FixButton({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const fix = fixOf(error);
  if ((fix === 'keys' || fix === 'profile') && error.subject !== undefined) {
    const subject = error.subject;
    return (
      <button type="button" class="primary" onClick={() => void openOptionsAt(fix, subject)}>
        {t(fix === 'keys' ? 'popupAddKeys' : 'popupOpenProfile')}
      </button>
    );
  }
  if (fix === undefined) return null;
  return (
    <button type="button" class="primary" onClick={onRetry}>
      {t('popupRetry')}
    </button>
  );
}

/** The MFA prompt's text for a profile, naming the device when known. */
export function mfaPrompt(profile: string, mfaSerial: string | undefined): string {
  return mfaSerial !== undefined ? t('popupMfaPrompt', profile, mfaSerial) : t('popupMfaPromptNoSerial', profile);
}
