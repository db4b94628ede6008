/** A password input with its label; never autofilled or remembered by the browser. */
export function PassphraseField(props: { label: string; value: string; onInput: (value: string) => void; isNew?: boolean }) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        // new-password: password managers offer to generate rather than fill an old one; never saved as form history.
        autocomplete={props.isNew ? 'new-password' : 'current-password'}
        spellcheck={false}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </label>
  );
}
