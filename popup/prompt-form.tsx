/**
 * The inline prompts a sign-in can need: the vault passphrase, or an MFA code. Each takes focus when it appears,
 * Esc or Cancel closes it (focus goes back to the search box, its text untouched), and a refusal is shown in it.
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

export function MfaForm(props: PromptProps & { onSubmit: (code: string) => void }) {
  const [code, setCode] = useState('');
  const field = useFocusOnShow(props.error);
  useEffect(() => setCode(''), [props.error]);
  return (
    <Prompt {...props} canSubmit={CODE.test(code)} submitLabel={t('popupMfaSubmit')} onSubmit={() => props.onSubmit(code)}>
      <label class="field">
        <span>{t('popupMfaCode')}</span>
        <input
          ref={field}
          class="code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          value={code}
          // Digits only: a pasted "123 456" or a stray letter becomes the six digits AWS expects.
          onInput={(event) => {
            const digits = event.currentTarget.value.replace(/\D/g, '').slice(0, 6);
            event.currentTarget.value = digits;
            setCode(digits);
          }}
        />
      </label>
    </Prompt>
  );
}
