/**
 * A password input with its label, kept out of autofill: `autocomplete="off"` (`new-password` is what invites a
 * manager to save it) and the 1Password / LastPass opt-outs, no spell checking (which can send text to a service).
 * A new passphrase shows how strong it is while it is typed.
 */
import { useId } from 'preact/hooks';
import { SECRET_FIELD } from '../core/secret-field';
import { MIN_PASSPHRASE_LENGTH, passphraseHint } from '../core/vault/passphrase';

export function PassphraseField(props: { label: string; value: string; onInput: (value: string) => void; showStrength?: boolean }) {
  const hintId = useId();
  const hint = props.showStrength === true && props.value !== '' ? passphraseHint(props.value) : undefined;
  return (
    <>
      <label>
        {props.label}
        <input
          type="password"
          {...SECRET_FIELD}
          value={props.value}
          aria-describedby={props.showStrength === true ? hintId : undefined}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </label>
      {/* Beside the label, not in it: the field's name stays its label alone. */}
      {props.showStrength === true && (
        <p id={hintId} class={`hint strength ${hint?.strength ?? ''}`} data-strength={hint?.strength} aria-live="polite">
          {hint?.text ?? `At least ${MIN_PASSPHRASE_LENGTH} characters: a few words are easy to remember and hard to guess.`}
        </p>
      )}
    </>
  );
}
