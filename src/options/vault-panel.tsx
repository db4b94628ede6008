/**
 * The vault: what it does for the person first (the algorithm behind a disclosure), locked or not, unlock, lock now,
 * change the passphrase, and the way out of a forgotten passphrase (erase). Its settings are in Settings.
 */
import { useState } from 'preact/hooks';
import { send, type AppError } from '../messages';
import { ChangePassphrase } from './change-passphrase';
import { PassphraseField } from './passphrase-field';
import type { VaultState } from './use-vault';
import { Disclosure } from './disclosure';

export function VaultPanel({ vault }: { vault: VaultState }) {
  const { status } = vault;
  const [error, setError] = useState<AppError | undefined>();

  async function lockNow() {
    const result = await send('vault.lock', {});
    if (result.ok) {
      setError(undefined);
      vault.update(result.value);
    } else {
      setError(result.error);
    }
  }

  return (
    <section aria-labelledby="vault-heading">
      <h2 id="vault-heading">Vault</h2>
      <p>Your access keys stay in this browser, locked under a passphrase only you know: nobody who gets your files can use them.</p>
      <Disclosure summary="How the keys are protected">
        <p class="hint">
          Access keys are encrypted in this browser with AES-GCM-256, under a key made from your passphrase with PBKDF2
          (600,000 rounds). The passphrase itself is never stored, and nothing is synced.
        </p>
      </Disclosure>
      {vault.error && <p role="alert" class="error">{vault.error.message}</p>}
      {status && !status.initialized && <p aria-live="polite">No vault yet: you choose its passphrase when you save your first access keys.</p>}
      {status?.initialized && status.locked && (
        <>
          <p aria-live="polite">The vault is locked.</p>
          <UnlockForm onUnlocked={(s) => vault.update(s)} />
          <EraseVault onErased={(s) => vault.update(s)} />
        </>
      )}
      {status?.initialized && !status.locked && (
        <div class="actions">
          <p aria-live="polite">
            The vault is unlocked.{' '}
            {status.autoLockMinutes > 0
              ? `It locks after ${status.autoLockMinutes} minutes without use, and when the browser closes.`
              : 'It locks when the browser closes.'}
          </p>
          <button type="button" onClick={() => void lockNow()}>
            Lock now
          </button>
        </div>
      )}
      {error && <p role="alert" class="error">{error.message}</p>}
      {status?.initialized && <ChangePassphrase onChanged={(s) => vault.update(s)} />}
    </section>
  );
}

function UnlockForm({ onUnlocked }: { onUnlocked: (status: NonNullable<VaultState['status']>) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const [busy, setBusy] = useState(false);

  async function unlock(event: Event) {
    event.preventDefault();
    setBusy(true);
    const result = await send('vault.unlock', { passphrase });
    setBusy(false);
    setPassphrase('');
    if (result.ok) {
      setError(undefined);
      onUnlocked(result.value);
    } else {
      setError(result.error);
    }
  }

  return (
    <form class="source" aria-label="Unlock the vault" onSubmit={(event) => void unlock(event)}>
      <PassphraseField label="Passphrase" value={passphrase} onInput={setPassphrase} />
      <button type="submit" class="primary" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      {error && <p role="alert" class="error">{error.message}</p>}
    </form>
  );
}

function EraseVault({ onErased }: { onErased: (status: NonNullable<VaultState['status']>) => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Disclosure summary="Forgot the passphrase?">
      <p class="hint">It cannot be recovered: nobody, not even this extension, can decrypt the vault without it. Erase the vault and add your keys again.</p>
      {confirming ? (
        <button type="button" onClick={() => void send('vault.reset', {}).then((r) => r.ok && onErased(r.value))}>
          Erase the vault and every key in it
        </button>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Erase the vault…
        </button>
      )}
    </Disclosure>
  );
}
