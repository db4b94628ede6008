/**
 * The popup's view of the console sessions: asked from the background when the popup opens and again whenever the
 * registry changes (a login lands, a session expires), with a clock that ticks each second while one is live so
 * countdowns move. The popup never reads the registry itself.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send, type AppError, type SessionsOverview } from '../../src/messages';
import { onSessionsChanged } from '../../src/platform/sessions-changes';
import { whenIdle } from '../paint-marks';

export interface Sessions {
  overview: SessionsOverview | undefined;
  error: AppError | undefined;
  now: number;
  reload: () => void;
  act: (action: 'sessions.focus' | 'sessions.signOut' | 'sessions.forget', id: string, tabId?: number) => void;
  saveSettings: (change: { warnMinutes?: number; autoRenew?: { profile: string; on: boolean } }) => void;
}

export function useSessions(): Sessions {
  const [overview, setOverview] = useState<SessionsOverview | undefined>(undefined);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());

  const reload = useCallback(() => {
    void send('sessions.list', {}).then((result) => {
      if (result.ok) {
        setOverview(result.value);
        setError(undefined);
      } else setError(result.error);
      setNow(Date.now());
    });
  }, []);

  useEffect(() => {
    // Asked once the role list has painted: asking wakes the worker, which the popup otherwise opens without (it
    // reads the role index from storage), and the list must not wait for it.
    const cancel = typeof requestIdleCallback === 'function' ? whenIdle(reload) : (reload(), () => undefined);
    const stop = onSessionsChanged(reload);
    return () => {
      cancel();
      stop();
    };
  }, [reload]);

  const live = overview?.sessions.some((s) => s.status === 'live') ?? false;
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);

  const act = useCallback<Sessions['act']>((action, id, tabId) => {
    void send(action, { id, ...(tabId !== undefined && { tabId }) }).then((result) => {
      if (!result.ok) setError(result.error);
    });
  }, []);

  const saveSettings = useCallback<Sessions['saveSettings']>((change) => {
    void send('sessions.saveSettings', change).then((result) => {
      if (result.ok) setOverview(result.value);
      else setError(result.error);
    });
  }, []);

  return { overview, error, now, reload, act, saveSettings };
}
