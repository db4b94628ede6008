/**
 * The sign-in settings about the console tab in front (issue 13), as the popup uses them: list only the roles the
 * console can switch to (AESR's option; also a toggle in the popup), and the way a role goes when it could go
 * either way (keys in the vault, and the console can switch to it). Alt+click or Alt+Enter takes the other way.
 */
import type { SignInSettings, SignInWay } from '../messages';

export function ConsoleWaySettings(props: { settings: SignInSettings; onChange: (update: Partial<SignInSettings>) => void; locked?: ReadonlySet<string> }) {
  const { settings } = props;
  const locked = props.locked ?? new Set<string>();
  return (
    <>
      <label class="check">
        <input type="checkbox" disabled={locked.has('onlySwitchable')} checked={settings.onlySwitchable} onChange={(event) => props.onChange({ onlySwitchable: event.currentTarget.checked })} />
        Show only roles that can switch from this console
      </label>
      <p class="hint">On an AWS console tab, the popup lists only the roles that console&apos;s own switch-role reaches.</p>
      <label>
        When a role can sign in with keys or switch the console tab
        <select disabled={locked.has('defaultWay')} value={settings.defaultWay} onChange={(event) => props.onChange({ defaultWay: event.currentTarget.value as SignInWay })}>
          <option value="keys">keys: a new session with a timer</option>
          <option value="console">switch this console tab</option>
        </select>
      </label>
      <p class="hint">Alt+click or Alt+Enter in the popup takes the other way for that one sign-in.</p>
    </>
  );
}
