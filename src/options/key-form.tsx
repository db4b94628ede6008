/**
 * One source's keys. Saved keys show collapsed to one line (key-summary.tsx); new keys are typed and saved in one
 * step, "Save keys": checked with AWS (STS GetCallerIdentity) first and saved only when AWS takes them, with the
 * reason otherwise, and nothing typed is lost. A first-time user chooses the vault passphrase (typed twice) with the
 * first keys.
 */
import { useState } from 'preact/hooks';
import { send, type AppError, type SourceStatus, type VaultStatus } from '../messages';
import { passphraseHint } from '../core/vault/passphrase';
import { SECRET_FIELD } from '../core/secret-field';
import { deepLink } from './deep-link';
import { KeySummary } from './key-summary';
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
  const [error, setError] = useState<AppError | string | undefined>();
  const [busy, setBusy] = useState(false);
  // Saved keys show as one line until Replace; keys found in a pasted configuration open the form to save them.
  const [replacing, setReplacing] = useState(prefill !== undefined);
  const saved = status.accessKeyId;
  const keys = { source: status.source, accessKeyId: accessKeyId.trim(), secretAccessKey: secret.trim() };

  async function save(event: Event) {
    event.preventDefault();
    if (!vaultReady) {
      const hint = passphraseHint(passphrase);
      if (!hint.acceptable) return setError(`Choose another passphrase. ${hint.text}`);
      if (passphrase !== confirm) return setError('The passphrase and its confirmation differ. Type them again.');
    }
    setBusy(true);
    try {
      // Checked before anything is stored: keys AWS refuses never make a vault or replace working keys.
      const checked = await send('keys.verify', keys);
      if (!checked.ok) return setError(checked.error);
      if (!vaultReady) {
        const created = await send('vault.create', { passphrase });
        if (!created.ok) return setError(created.error);
        setPassphrase('');
        setConfirm('');
        onVaultCreated(created.value);
      }
      const result = await send('keys.set', { ...keys, ...(mfaSerial.trim() !== '' && { mfaSerial: mfaSerial.trim() }) });
      if (!result.ok) return setError(result.error);
      setAccessKeyId('');
      setSecret('');
      setError(undefined);
      setReplacing(false);
      onChange();
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const result = await send('keys.remove', { source: status.source });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    onChange();
  }

  const message = typeof error === 'string' ? error : error?.message;
  const collapsed = saved !== undefined && !replacing;
  return (
    <form class="source" aria-label={`Keys for ${status.source}`} ref={focusWhenLinked(status.source)} onSubmit={(event) => void save(event)}>
      <h3>{status.source}</h3>
      {collapsed ? (
        <KeySummary source={status.source} accessKeyId={saved} arn={status.arn} onReplace={() => setReplacing(true)} onRemove={remove} />
      ) : (
        <>
          {saved === undefined && <p>No keys yet.</p>}
          <label>
            Access key id
            <input value={accessKeyId} {...SECRET_FIELD} onInput={(e) => setAccessKeyId(e.currentTarget.value)} />
          </label>
          <label>
            Secret access key
            <input type="password" value={secret} {...SECRET_FIELD} onInput={(e) => setSecret(e.currentTarget.value)} />
          </label>
          <label>
            MFA device ARN (optional)
            <input value={mfaSerial} autocomplete="off" spellcheck={false} placeholder="arn:aws:iam::123456789012:mfa/name" onInput={(e) => setMfaSerial(e.currentTarget.value)} />
          </label>
          {!vaultReady && (
            <>
              <p class="hint">Choose a passphrase for the vault. Your keys are encrypted under it; it is never stored, and cannot be recovered.</p>
              <PassphraseField label="Vault passphrase" value={passphrase} onInput={setPassphrase} showStrength />
              <PassphraseField label="Confirm passphrase" value={confirm} onInput={setConfirm} />
            </>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy || keys.accessKeyId === '' || keys.secretAccessKey === ''}>
              {busy ? 'Checking with AWS…' : 'Save keys'}
            </button>
            {saved !== undefined && (
              <button type="button" disabled={busy} onClick={() => setReplacing(false)}>Cancel</button>
            )}
          </div>
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
