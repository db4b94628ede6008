/**
 * The options page: the configuration, beside it the roles the organisation's policy and a subscription give
 * (read-only), and the access keys of each source.
 */
import { ConfigEditor } from './config-editor';
import { ManagedPanel } from './managed-panel';
import { SubscriptionPanel } from './subscription-panel';
import { useManaged } from './use-managed';
import { SignInSettingsPanel } from './sign-in-settings';
import { SsoSignInMethods } from './sso-sign-in-methods';
import { SourceKeys } from './source-keys';
import { useVault } from './use-vault';
import { VaultPanel } from './vault-panel';
import { useState } from 'preact/hooks';
import type { FoundKeys } from '../core/config/strip-secrets';

export function App() {
  // Bumped after a save so the sources list re-reads which sources the configuration names.
  const [configVersion, setConfigVersion] = useState(0);
  const vault = useVault();
  // Keys taken out of a saved configuration, offered to the Access keys forms (page memory only).
  const [foundKeys, setFoundKeys] = useState<FoundKeys[]>([]);
  // The organisation's policy: its roles, the settings it locks, whether keys may be kept in the vault.
  const { managed, update: setManaged } = useManaged();
  return (
    <main class="options">
      <h1>Role Switcher</h1>
      <ConfigEditor onSaved={() => setConfigVersion((v) => v + 1)} onKeysFound={setFoundKeys} />
      {managed && <ManagedPanel managed={managed} onUpdate={setManaged} />}
      <SubscriptionPanel />
      <SourceKeys configVersion={configVersion} vault={vault} foundKeys={foundKeys} keysForbidden={managed?.allowVaultKeys === false} />
      <VaultPanel vault={vault} />
      <SignInSettingsPanel locked={managed?.lockedSettings ?? []} />
      <SsoSignInMethods configVersion={configVersion} />
    </main>
  );
}
