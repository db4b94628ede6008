/**
 * The sign-in settings about the console tab in front (issue 13), as the popup uses them: list only the roles the
 * console can switch to (AESR's option; also a toggle in the popup), and the way a role goes when it could go
 * either way (keys in the vault, and the console can switch to it). Alt+click or Alt+Enter takes the other way.
 */
import type { SignInSettings, SignInWay } from '../messages';
import { Setting } from './saved-mark';

interface Props {
  settings: SignInSettings;
  onChange: (update: Partial<SignInSettings>) => void;
  locked?: ReadonlySet<string>;
  /** The setting saved last, marked "Saved". */
  saved?: string | undefined;
}

export function ConsoleWaySettings(props: Props) {
  const { settings } = props;
  const locked = props.locked ?? new Set<string>();
  return (
    <>
      <Setting saved={props.saved === 'onlySwitchable'}>
        <label class="check">
          <input type="checkbox" disabled={locked.has('onlySwitchable')} checked={settings.onlySwitchable} onChange={(event) => props.onChange({ onlySwitchable: event.currentTarget.checked })} />
          Show only roles that can switch from this console
        </label>
      </Setting>
      <p class="hint">On an AWS console tab, the popup lists only the roles that console&apos;s own switch-role reaches.</p>
      <Setting saved={props.saved === 'defaultWay'}>
        <label>
          When a role can sign in with keys or switch the console tab
          <select disabled={locked.has('defaultWay')} value={settings.defaultWay} onChange={(event) => props.onChange({ defaultWay: event.currentTarget.value as SignInWay })}>
            <option value="keys">keys: a new session with a timer</option>
            <option value="console">switch this console tab</option>
          </select>
        </label>
      </Setting>
      <p class="hint">Alt+click or Alt+Enter in the popup takes the other way for that one sign-in.</p>
    </>
  );
}
