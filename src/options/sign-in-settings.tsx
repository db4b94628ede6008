/**
 * Sign-in preferences, part of the page's Settings: how long sessions last by default, where the console opens,
 * keep-my-page, the console tab's way. Each saves as it changes, with "Saved" beside it. A setting the organisation's
 * policy locks is shown disabled, with why (the background refuses a change too).
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type AppError, type SignInSettings } from '../messages';
import { onConfigChanged } from '../platform/config-changes';
import { ConsoleWaySettings } from './console-way-settings';
import { SETTING_LABELS } from './managed-panel';
import { Setting, useSavedMark } from './saved-mark';

const DURATIONS: [number, string][] = [
  [900, '15 minutes'],
  [3_600, '1 hour'],
  [7_200, '2 hours'],
  [14_400, '4 hours'],
  [28_800, '8 hours'],
  [43_200, '12 hours'],
];

export function SignInSettingsPanel({ locked: lockedList = [] }: { locked?: readonly string[] }) {
  const locked = new Set(lockedList);
  const [settings, setSettings] = useState<SignInSettings | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const { saved, mark } = useSavedMark();

  useEffect(() => {
    const load = () => void send('settings.get', {}).then((result) => (result.ok ? setSettings(result.value) : setError(result.error)));
    load();
    // An organisation's policy (its defaults, what it locks) arrives as a configuration change: read them again.
    return onConfigChanged(load);
  }, []);

  async function change(update: Partial<SignInSettings>) {
    const result = await send('settings.save', update);
    if (result.ok) {
      setSettings(result.value);
      setError(undefined);
      mark(Object.keys(update)[0]);
    } else {
      setError(result.error);
      mark(undefined);
    }
  }

  return (
    <div role="group" aria-labelledby="sign-in-heading">
      <h3 id="sign-in-heading">Sign-in</h3>
      {error && <p role="alert" class="error">{error.message}</p>}
      {locked.size > 0 && (
        <p role="note">Set by your organisation, and shown greyed out: {[...locked].map((key) => SETTING_LABELS[key] ?? key).join(', ')}.</p>
      )}
      {settings && (
        <div class="settings">
          <Setting saved={saved === 'defaultDurationSeconds'}>
            <label>
              Default session length
              <select
                disabled={locked.has('defaultDurationSeconds')}
                value={String(settings.defaultDurationSeconds)}
                onChange={(event) => void change({ defaultDurationSeconds: Number(event.currentTarget.value) })}
              >
                {DURATIONS.map(([seconds, label]) => (
                  <option key={seconds} value={String(seconds)}>{label}</option>
                ))}
              </select>
            </label>
          </Setting>
          <p class="hint">
            Used when a profile sets no <code>duration_seconds</code>. AWS caps roles reached through role chaining at 1 hour,
            and never exceeds the role&apos;s own maximum session duration.
          </p>
          <Setting saved={saved === 'openIn'}>
            <label>
              Open the console in
              <select disabled={locked.has('openIn')} value={settings.openIn} onChange={(event) => void change({ openIn: event.currentTarget.value as SignInSettings['openIn'] })}>
                <option value="new-tab">a new tab</option>
                <option value="beside-tab">a new tab beside the current one</option>
                <option value="current-tab">the current tab</option>
              </select>
            </label>
          </Setting>
          <p class="hint">Shift+Enter or Shift+click opens a new window; Ctrl+Enter uses the current tab.</p>
          <Setting saved={saved === 'keepPage'}>
            <label class="check">
              <input type="checkbox" disabled={locked.has('keepPage')} checked={settings.keepPage} onChange={(event) => void change({ keepPage: event.currentTarget.checked })} />
              When switching from a console tab, open the new role on the same console page
            </label>
          </Setting>
          <ConsoleWaySettings settings={settings} locked={locked} saved={saved} onChange={(update) => void change(update)} />
          <Setting saved={saved === 'autoAssumeLastRole'}>
            <label class="check">
              <input type="checkbox" disabled={locked.has('autoAssumeLastRole')} checked={settings.autoAssumeLastRole} onChange={(event) => void change({ autoAssumeLastRole: event.currentTarget.checked })} />
              After I sign in to the console again, switch to the role I last switched to from it
            </label>
          </Setting>
          <p class="hint">Once per console sign-in, in the tab where you signed in; switching back by hand stays.</p>
        </div>
      )}
    </div>
  );
}
