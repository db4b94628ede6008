/** Change the passphrase: everything is re-encrypted and stored in one step, so nothing can be lost halfway. */
import { useState } from 'preact/hooks';
import { send, type VaultStatus } from '../messages';
import { passphraseHint } from '../core/vault/passphrase';
import { PassphraseField } from './passphrase-field';
import { Disclosure } from './disclosure';

export function ChangePassphrase({ onChanged }: { onChanged: (status: VaultStatus) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function change(event: Event) {
    event.preventDefault();
    setDone(false);
    const hint = passphraseHint(next);
    if (!hint.acceptable) {
      setError(`Choose another new passphrase. ${hint.text}`);
      return;
    }
    if (next !== confirm) {
      setError('The new passphrase and its confirmation differ. Type them again.');
      return;
    }
    setBusy(true);
    const result = await send('vault.changePassphrase', { current, next });
    setBusy(false);
    setCurrent('');
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setNext('');
    setConfirm('');
    setError(undefined);
    setDone(true);
    onChanged(result.value);
  }

  return (
    <Disclosure summary="Change the passphrase">
      <form class="source" aria-label="Change the passphrase" onSubmit={(event) => void change(event)}>
        <PassphraseField label="Current passphrase" value={current} onInput={setCurrent} />
        <PassphraseField label="New passphrase" value={next} onInput={setNext} showStrength />
        <PassphraseField label="Confirm new passphrase" value={confirm} onInput={setConfirm} />
        <button type="submit" disabled={busy || current === '' || next === ''}>
          {busy ? 'Re-encrypting…' : 'Change passphrase'}
        </button>
        {done && <p aria-live="polite">Passphrase changed: every key was re-encrypted under it.</p>}
        {error && <p role="alert" class="error">{error}</p>}
      </form>
    </Disclosure>
  );
}
