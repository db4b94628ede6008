/**
 * The options page: the configuration, beside it the roles the organisation's policy and a subscription give
 * (read-only), the access keys of each source and the vault that keeps them, every setting in one section (Identity
 * Center's sign-in included), and at
 * its foot the help link and the version.
 */
import { ConfigEditor } from './config-editor';
import { ManagedPanel } from './managed-panel';
import { PageFooter } from './page-footer';
import { SettingsPanel } from './settings-panel';
import { SubscriptionPanel } from './subscription-panel';
import { useManaged } from './use-managed';
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
    <>
      <main class="options">
        <header>
          <h1>Role Switcher for AWS</h1>
          <p class="hint">Options</p>
        </header>
        <ConfigEditor onSaved={() => setConfigVersion((v) => v + 1)} onKeysFound={setFoundKeys} />
        {managed && <ManagedPanel managed={managed} onUpdate={setManaged} />}
        <SubscriptionPanel />
        <SourceKeys configVersion={configVersion} vault={vault} foundKeys={foundKeys} keysForbidden={managed?.allowVaultKeys === false} />
        <VaultPanel vault={vault} />
        <SettingsPanel vault={vault} locked={managed?.lockedSettings ?? []} configVersion={configVersion} />
      </main>
      {/* Outside <main>, so it is the page's contentinfo landmark. */}
      <PageFooter />
    </>
  );
}
