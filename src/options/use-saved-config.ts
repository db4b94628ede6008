/**
 * The saved configuration and where it is stored, asked of the background, and asked again whenever storage says
 * it changed: a save in this tab, another tab, or another browser through sync (storage.onChanged).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send, type AppError, type ConfigDiagnostic, type StoredConfigInfo } from '../messages';
import { onConfigChanged } from '../platform/config-changes';

export interface SavedConfig {
  text: string;
  stored: StoredConfigInfo;
  /** Problems the read-only layers beside the text make on its lines (a profile of a name they have). */
  shadowed?: ConfigDiagnostic[];
}

export function useSavedConfig(): { saved: SavedConfig | undefined; error: AppError | undefined; setSaved: (saved: SavedConfig) => void } {
  const [saved, setSavedState] = useState<SavedConfig | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  /** Bumped by every request and by every save: an answer that is no longer the latest is dropped. */
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const result = await send('config.get', {});
    // Answers can cross: the first load may come back after a quick Save, with the text from before it.
    if (request !== latest.current) return;
    if (result.ok) {
      setSaved(result.value);
      setError(undefined);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    void reload();
    return onConfigChanged(() => void reload());
  }, [reload]);

  const setSaved = useCallback((next: SavedConfig) => {
    latest.current++;
    setSavedState(next);
  }, []);

  return { saved, error, setSaved };
}
