/**
 * The console sessions' setting, part of the page's Settings (it used to sit in the popup's Sessions view footer):
 * how many minutes before a session ends its warning comes (`sessions.settings` in storage.sync, 0 to 60).
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_WARN_MINUTES } from '../core/sessions/model';
import { send, type AppError } from '../messages';
import { MinutesField } from './minutes-field';
import { useSavedMark } from './saved-mark';

export function SessionSettings() {
  const [warnMinutes, setWarnMinutes] = useState<number | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const { saved, mark } = useSavedMark();

  useEffect(() => {
    void send('sessions.list', {}).then((result) => (result.ok ? setWarnMinutes(result.value.warnMinutes) : setError(result.error)));
  }, []);

  async function save(minutes: number): Promise<AppError | undefined> {
    const result = await send('sessions.saveSettings', { warnMinutes: minutes });
    if (!result.ok) {
      mark(undefined);
      return result.error;
    }
    setWarnMinutes(result.value.warnMinutes);
    mark('warnMinutes');
    return undefined;
  }

  return (
    <div role="group" aria-labelledby="session-settings-heading">
      <h3 id="session-settings-heading">Console sessions</h3>
      {error && <p role="alert" class="error">{error.message}</p>}
      {warnMinutes !== undefined && (
        <div class="settings">
          <MinutesField
            label="Warn this many minutes before a console session ends (0: never)"
            value={warnMinutes}
            min={0}
            max={MAX_WARN_MINUTES}
            save={save}
            saved={saved === 'warnMinutes'}
            invalid={`Type a whole number of minutes from 0 to ${MAX_WARN_MINUTES} for the warning (0: no warning).`}
          />
        </div>
      )}
    </div>
  );
}
