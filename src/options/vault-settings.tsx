/** Auto-lock time and MFA session length, with what the 1-hour cap of MFA sessions means. */
import { useEffect, useState } from 'preact/hooks';
import { send, type AppError, type VaultStatus } from '../messages';

export function VaultSettings({ status, onChange }: { status: VaultStatus; onChange: (status: VaultStatus) => void }) {
  const [autoLock, setAutoLock] = useState(String(status.autoLockMinutes));
  const [mfaSession, setMfaSession] = useState(String(status.mfaSessionMinutes));
  const [error, setError] = useState<AppError | undefined>();
  const [saved, setSaved] = useState('');
  useEffect(() => setAutoLock(String(status.autoLockMinutes)), [status.autoLockMinutes]);
  useEffect(() => setMfaSession(String(status.mfaSessionMinutes)), [status.mfaSessionMinutes]);

  async function save(event: Event) {
    event.preventDefault();
    const lock = await send('vault.setAutoLock', { minutes: Number(autoLock) });
    const mfa = lock.ok ? await send('vault.setMfaSession', { minutes: Number(mfaSession) }) : lock;
    if (!mfa.ok) {
      setError(mfa.error);
      setSaved('');
      return;
    }
    setError(undefined);
    setSaved('Settings saved.');
    onChange(mfa.value);
  }

  return (
    <form class="source" aria-label="Vault settings" onSubmit={(event) => void save(event)}>
      <h3>Settings</h3>
      <label>
        Lock after this many idle minutes (1 to 1,440; it also locks when the browser closes)
        <input type="number" min={1} max={1440} value={autoLock} onInput={(e) => setAutoLock(e.currentTarget.value)} />
      </label>
      <label>
        MFA session length in minutes (0: ask for a code at every sign-in)
        <input type="number" min={0} max={2160} value={mfaSession} onInput={(e) => setMfaSession(e.currentTarget.value)} />
      </label>
      <p class="hint">
        When a profile or its source has an MFA device (<code>mfa_serial</code>), one code opens an MFA session (STS
        GetSessionToken), kept in memory until it expires or the vault locks; sign-ins within it ask for no code. AWS
        caps roles assumed from an MFA session at 1 hour, so a role that asks for a longer session
        (<code>duration_seconds</code> above 3600) always asks for a code and is assumed straight from your keys.
      </p>
      <div class="actions">
        <button type="submit">Save settings</button>
        {saved && <span aria-live="polite">{saved}</span>}
      </div>
      {error && <p role="alert" class="error">{error.message}</p>}
    </form>
  );
}
