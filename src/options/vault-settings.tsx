/**
 * The vault's settings, part of the page's Settings: auto-lock time and MFA session length, each saved as it
 * changes, with what the 1-hour cap of MFA sessions means. They apply before a vault exists too.
 */
import { send, type VaultStatus } from '../messages';
import { MinutesField } from './minutes-field';
import { useSavedMark } from './saved-mark';

export function VaultSettings({ status, onChange }: { status: VaultStatus; onChange: (status: VaultStatus) => void }) {
  const { saved, mark } = useSavedMark();

  function saver(key: 'autoLock' | 'mfaSession') {
    return async (minutes: number) => {
      const result = await send(key === 'autoLock' ? 'vault.setAutoLock' : 'vault.setMfaSession', { minutes });
      if (!result.ok) {
        mark(undefined);
        return result.error;
      }
      mark(key);
      onChange(result.value);
      return undefined;
    };
  }

  return (
    <div role="group" aria-labelledby="vault-settings-heading">
      <h3 id="vault-settings-heading">Vault lock and MFA</h3>
      <div class="settings">
        <MinutesField
          label="Lock after this many idle minutes (1 to 1,440; it also locks when the browser closes)"
          value={status.autoLockMinutes}
          min={1}
          max={1440}
          save={saver('autoLock')}
          saved={saved === 'autoLock'}
          invalid="Type a whole number of minutes from 1 to 1,440 for the auto-lock."
        />
        <MinutesField
          label="MFA session length in minutes (0: ask for a code at every sign-in)"
          value={status.mfaSessionMinutes}
          min={0}
          max={2160}
          save={saver('mfaSession')}
          saved={saved === 'mfaSession'}
          invalid="Type a whole number of minutes from 15 to 2,160 for MFA sessions, or 0 to type a code at every sign-in."
        />
        <p class="hint">
          When a profile or its source has an MFA device (<code>mfa_serial</code>), one code opens an MFA session (STS
          GetSessionToken), kept in memory until it expires or the vault locks; sign-ins within it ask for no code. AWS
          caps roles assumed from an MFA session at 1 hour, so a role that asks for a longer session
          (<code>duration_seconds</code> above 3600) always asks for a code and is assumed straight from your keys.
        </p>
      </div>
    </div>
  );
}
