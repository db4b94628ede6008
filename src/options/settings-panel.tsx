/**
 * Every setting in one place, each saved as it changes with "Saved" beside it: sign-in (with the console tab's way),
 * the vault's lock and MFA sessions, the console sessions' warning, and how Identity Center signs in (when the
 * configuration has one).
 */
import { SavedScope } from './saved-mark';
import { SessionSettings } from './session-settings';
import { SignInSettingsPanel } from './sign-in-settings';
import { SsoSignInMethods } from './sso-sign-in-methods';
import type { VaultState } from './use-vault';
import { VaultSettings } from './vault-settings';

interface Props {
  vault: VaultState;
  /** The settings the organisation's policy fixes. */
  locked: readonly string[];
  /** Bumped by each configuration save: the Identity Center start URLs are read again. */
  configVersion: number;
}

export function SettingsPanel({ vault, locked, configVersion }: Props) {
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="hint">Each setting is saved as you change it.</p>
      <SavedScope>
        <SignInSettingsPanel locked={locked} />
        {vault.status && <VaultSettings status={vault.status} onChange={vault.update} />}
        <SessionSettings />
        <SsoSignInMethods configVersion={configVersion} />
      </SavedScope>
    </section>
  );
}
