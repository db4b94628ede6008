/** The vault's status as the options page shows it, re-read on demand and after every vault answer. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send, type AppError, type VaultStatus } from '../messages';

export interface VaultState {
  status: VaultStatus | undefined;
  error: AppError | undefined;
  /** Takes a status a vault message answered with. */
  update: (status: VaultStatus) => void;
  refresh: () => Promise<void>;
}

export function useVault(): VaultState {
  const [status, setStatus] = useState<VaultStatus | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const refresh = useCallback(async () => {
    const result = await send('vault.status', {});
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, []);
  useEffect(() => {
    void refresh();
    // The vault can lock itself while the page is open (idle timeout): look again when the page regains focus.
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
  return { status, error, update: setStatus, refresh };
}
