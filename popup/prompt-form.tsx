/**
 * The inline prompts a sign-in can need: the vault passphrase, or an MFA code (sent at its sixth digit). Each takes
 * focus when it appears, Esc or Cancel closes it (focus goes back to the search box, its text untouched), and a
 * refusal is shown in it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SECRET_FIELD } from '../src/core/secret-field';
import { t } from './i18n';

interface PromptProps {
  label: string;
  prompt: string;
  error: string | undefined;
  onCancel: () => void;
}

function Prompt(props: PromptProps & { onSubmit: () => void; children: ComponentChildren; canSubmit: boolean; submitLabel: string }) {
  return (
    <form
      class="prompt"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        if (props.canSubmit) props.onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Handled here: the page-wide Esc (clear the search, close the popup) must not also run.
        event.preventDefault();
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <p class="prompt-text">{props.prompt}</p>
      {props.error !== undefined && (
        <p role="alert" class="error">
          {props.error}
        </p>
      )}
      {props.children}
      <div class="prompt-actions">
        <button type="submit" class="primary" disabled={!props.canSubmit}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}

function useFocusOnShow(error: string | undefined) {
  const field = useRef<HTMLInputElement>(null);
  // Focus on appearing, and again after a refusal, so the person can type at once.
  useEffect(() => field.current?.focus(), [error]);
  return field;
}

export function PassphraseForm(props: PromptProps & { onSubmit: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const field = useFocusOnShow(props.error);
  // A refused passphrase is cleared: retyping is what the person does next.
  useEffect(() => setPassphrase(''), [props.error]);
  return (
    <Prompt {...props} canSubmit={passphrase !== ''} submitLabel={t('popupUnlock')} onSubmit={() => props.onSubmit(passphrase)}>
      <label class="field">
        <span>{t('popupPassphrase')}</span>
        {/* Out of autofill and password managers (it is the vault's passphrase, not a site's password), no spell check. */}
        <input
          ref={field}
          type="password"
          {...SECRET_FIELD}
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </label>
    </Prompt>
  );
}

const CODE = /^\d{6}$/;

/**
 * The MFA code: sent as the sixth digit arrives (typed, pasted or filled in by the system), as authenticator codes
 * are everywhere else; Enter or the button do the same for a code already complete. One code is sent once: the
 * sixth digit's submit and a quick Enter after it do not both go to AWS, which would refuse the code's second use;
 * a code edited below six digits, or a refusal, starts again. An Enter after the form has gone lands on the search
 * box while the sign-in runs, where it is ignored (use-sign-in.ts: one sign-in at a time).
 */
export function MfaForm(props: PromptProps & { onSubmit: (code: string) => void }) {
  const [code, setCode] = useState('');
  const field = useFocusOnShow(props.error);
  const sent = useRef(false);
  useEffect(() => {
    setCode('');
    sent.current = false;
  }, [props.error]);
  const submit = (value: string) => {
    if (sent.current || !CODE.test(value)) return;
    sent.current = true;
    props.onSubmit(value);
  };
  return (
    <Prompt {...props} canSubmit={CODE.test(code)} submitLabel={t('popupMfaSubmit')} onSubmit={() => submit(code)}>
      <label class="field">
        <span>{t('popupMfaCode')}</span>
        <input
          ref={field}
          class="code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          value={code}
          // Digits only: a pasted "123 456" or a stray letter becomes the six digits AWS expects (no maxLength: it
          // would cut "123 456" to "123 45" before this sees it).
          onInput={(event) => {
            const digits = event.currentTarget.value.replace(/\D/g, '').slice(0, 6);
            event.currentTarget.value = digits;
            setCode(digits);
            // A code edited below six digits is a new one: its sixth digit sends it.
            if (digits.length < 6) sent.current = false;
            submit(digits);
          }}
        />
      </label>
    </Prompt>
  );
}
