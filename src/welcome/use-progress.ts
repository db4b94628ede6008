/**
 * The welcome page's steps as the background finds them (`welcome.progress`), asked again whenever something a step
 * depends on changes in storage: the configuration (here, the options page, another browser), the vault (keys
 * saved, unlocked), an Identity Center sign-in, a console switch, a sign-in. Nothing is guessed or timed: a step
 * ticks when the stored fact that proves it is there.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send, type AppError, type WelcomeProgress } from '../messages';
import { onConfigChanged } from '../platform/config-changes';
import { onStoredChanged } from '../platform/stored-changes';
import type { StoredKey } from '../platform/storage';

/** What the steps are decided from, besides the configuration (src/background/welcome/progress.ts). */
const PROGRESS_KEYS: readonly StoredKey[] = [
  'vault.sealed',
  'vault.key',
  'sso.tokens',
  'vault.ssoSealed',
  'sessions.registry',
  'roles.recent',
  'console.lastRoles',
];

export interface Steps {
  progress: WelcomeProgress | undefined;
  error: AppError | undefined;
  /** Ask again now (after a save on this page, which storage will report too). */
  refresh: () => void;
}

export function useProgress(): Steps {
  const [progress, setProgress] = useState<WelcomeProgress | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  /** Answers can cross: only the latest request's answer is shown. */
  const latest = useRef(0);

  const ask = useCallback(async () => {
    const request = ++latest.current;
    const result = await send('welcome.progress', {});
    if (request !== latest.current) return;
    if (result.ok) {
      setProgress(result.value);
      setError(undefined);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    void ask();
    const stopConfig = onConfigChanged(() => void ask());
    const stopStored = onStoredChanged(PROGRESS_KEYS, () => void ask());
    return () => {
      stopConfig();
      stopStored();
    };
  }, [ask]);

  return { progress, error, refresh: () => void ask() };
}

/** Step 1: the configuration in force has a role. */
export function hasRoles(progress: WelcomeProgress): boolean {
  return progress.roles > 0;
}

/** Step 2: some source can sign in (keys for a source the roles use, Identity Center, the console), or one did. */
export function hasWayIn(progress: WelcomeProgress): boolean {
  return (progress.keySources?.length ?? 0) > 0 || progress.identityCenter || progress.consoleSwitched || progress.signedIn;
}
