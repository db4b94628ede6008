/** The options page: the configuration and the access keys of each source. */
import { ConfigEditor } from './config-editor';
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
  return (
    <main class="options">
      <h1>Role Switcher</h1>
      <ConfigEditor onSaved={() => setConfigVersion((v) => v + 1)} onKeysFound={setFoundKeys} />
      <SourceKeys configVersion={configVersion} vault={vault} foundKeys={foundKeys} />
      <VaultPanel vault={vault} />
      <SignInSettingsPanel />
      <SsoSignInMethods configVersion={configVersion} />
    </main>
  );
}
