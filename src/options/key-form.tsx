/**
 * One source's keys: type them, check them with AWS (the identity ARN is shown), then save. A first-time user
 * chooses the vault passphrase (typed twice) with the first keys.
 */
import { useState } from 'preact/hooks';
import { send, type AppError, type KeyIdentity, type SourceStatus, type VaultStatus } from '../messages';
import { passphraseHint } from '../core/vault/passphrase';
import { SECRET_FIELD } from '../core/secret-field';
import { deepLink } from './deep-link';
import { PassphraseField } from './passphrase-field';

interface Props {
  status: SourceStatus;
  /** Keys found in a pasted configuration, to check and save into the vault. */
  prefill?: { accessKeyId?: string; secretAccessKey?: string } | undefined;
  vaultReady: boolean;
  onVaultCreated: (status: VaultStatus) => void;
  onChange: () => void;
}

/**
 * The key fields hold secrets: no autofill or form history (Chromium writes form text to its session-restore files
 * otherwise), no password manager (1Password, LastPass), no spell checking.
 */

export function KeyForm({ status, prefill, vaultReady, onVaultCreated, onChange }: Props) {
  const [accessKeyId, setAccessKeyId] = useState(prefill?.accessKeyId ?? '');
  const [secret, setSecret] = useState(prefill?.secretAccessKey ?? '');
  const [mfaSerial, setMfaSerial] = useState(status.mfaSerial ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [identity, setIdentity] = useState<KeyIdentity | undefined>();
  const [error, setError] = useState<AppError | string | undefined>();
  const [busy, setBusy] = useState(false);
  const keys = { source: status.source, accessKeyId, secretAccessKey: secret };

  /** Any edit of the keys asks for a new check. */
  function edit(set: (value: string) => void) {
    return (value: string) => {
      set(value);
      setIdentity(undefined);
    };
  }

  async function check() {
    setBusy(true);
    const result = await send('keys.verify', keys);
    setBusy(false);
    setError(result.ok ? undefined : result.error);
    setIdentity(result.ok ? result.value : undefined);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!identity) return;
    if (!vaultReady) {
      const hint = passphraseHint(passphrase);
      if (!hint.acceptable) return setError(`Choose another passphrase. ${hint.text}`);
      if (passphrase !== confirm) return setError('The passphrase and its confirmation differ. Type them again.');
      const created = await send('vault.create', { passphrase });
      if (!created.ok) return setError(created.error);
      setPassphrase('');
      setConfirm('');
      onVaultCreated(created.value);
    }
    setBusy(true);
    const result = await send('keys.set', { ...keys, ...(mfaSerial.trim() !== '' && { mfaSerial: mfaSerial.trim() }) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAccessKeyId('');
    setSecret('');
    setIdentity(undefined);
    setError(undefined);
    onChange();
  }

  const message = typeof error === 'string' ? error : error?.message;
  return (
    <form class="source" aria-label={`Keys for ${status.source}`} ref={focusWhenLinked(status.source)} onSubmit={(event) => void save(event)}>
      <h3>{status.source}</h3>
      <p>{status.accessKeyId !== undefined ? `Key in use: ${status.accessKeyId}` : 'No keys yet.'}</p>
      {status.arn !== undefined && <p class="hint">Belongs to {status.arn}</p>}
      <label>
        Access key id
        <input value={accessKeyId} {...SECRET_FIELD} onInput={(e) => edit(setAccessKeyId)(e.currentTarget.value)} />
      </label>
      <label>
        Secret access key
        <input type="password" value={secret} {...SECRET_FIELD} onInput={(e) => edit(setSecret)(e.currentTarget.value)} />
      </label>
      <label>
        MFA device ARN (optional)
        <input value={mfaSerial} autocomplete="off" spellcheck={false} placeholder="arn:aws:iam::123456789012:mfa/name" onInput={(e) => setMfaSerial(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" disabled={busy || accessKeyId === '' || secret === ''} onClick={() => void check()}>
          Check keys
        </button>
        {status.accessKeyId !== undefined && (
          <button type="button" onClick={() => void send('keys.remove', { source: status.source }).then(onChange)}>
            Remove keys
          </button>
        )}
      </div>
      {identity && (
        <>
          <p aria-live="polite">These keys belong to {identity.arn}.</p>
          {!vaultReady && (
            <>
              <p class="hint">Choose a passphrase for the vault. Your keys are encrypted under it; it is never stored, and cannot be recovered.</p>
              <PassphraseField label="Vault passphrase" value={passphrase} onInput={setPassphrase} showStrength />
              <PassphraseField label="Confirm passphrase" value={confirm} onInput={setConfirm} />
            </>
          )}
          <button type="submit" disabled={busy}>
            {status.accessKeyId !== undefined ? 'Replace keys' : 'Save keys'}
          </button>
        </>
      )}
      {message !== undefined && <p role="alert" class="error">{message}</p>}
    </form>
  );
}

/** Sent here from the popup to add a source's keys (`#keys=<source>`): its form in view, the first field focused. */
function focusWhenLinked(source: string): (form: HTMLFormElement | null) => void {
  return (form) => {
    const link = deepLink();
    if (!form || link?.kind !== 'keys' || link.subject !== source || form.dataset['linked'] === 'yes') return;
    form.dataset['linked'] = 'yes';
    form.scrollIntoView({ block: 'center' });
    form.querySelector('input')?.focus();
  };
}
