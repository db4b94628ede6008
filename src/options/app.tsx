/** The options page: the configuration and the access keys of each source. */
import { ConfigEditor } from './config-editor';
import { SignInSettingsPanel } from './sign-in-settings';
import { SourceKeys } from './source-keys';
import { useVault } from './use-vault';
import { VaultPanel } from './vault-panel';
import { useState } from 'preact/hooks';

export function App() {
  // Bumped after a save so the sources list re-reads which sources the configuration names.
  const [configVersion, setConfigVersion] = useState(0);
  const vault = useVault();
  return (
    <main class="options">
      <h1>Role Switcher</h1>
      <ConfigEditor onSaved={() => setConfigVersion((v) => v + 1)} />
      <SourceKeys configVersion={configVersion} vault={vault} />
      <VaultPanel vault={vault} />
      <SignInSettingsPanel />
    </main>
  );
}
