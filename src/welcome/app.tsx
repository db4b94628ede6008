/**
 * The welcome page (issue 14), opened once when the extension is installed and linked from the empty popup: three
 * steps to a first sign-in, each ticking itself off when the person has done it, here or anywhere else (use-progress.ts).
 * The configuration editor and the access-key forms are the options page's own components, saving through the same
 * messages, so what is done here is done there.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FoundKeys } from '../core/config/strip-secrets';
import type { WelcomeProgress } from '../messages';
import { ConfigEditor } from '../options/config-editor';
import { SourceKeys } from '../options/source-keys';
import { useManaged } from '../options/use-managed';
import { useVault } from '../options/use-vault';
import { VaultPanel } from '../options/vault-panel';
import { ShortcutHint } from './shortcut-hint';
import { Step } from './step';
import { hasRoles, hasWayIn, useProgress } from './use-progress';

export function App() {
  const { progress, error } = useProgress();
  // Bumped after a save, so the access-key forms follow the sources the configuration names.
  const [configVersion, setConfigVersion] = useState(0);
  // Keys taken out of a pasted configuration, offered to step 2's forms (page memory only), as on the options page.
  const [foundKeys, setFoundKeys] = useState<FoundKeys[]>([]);
  const vault = useVault();
  const { managed } = useManaged();
  const locked = vault.status?.initialized === true && vault.status.locked;
  const allDone = progress !== undefined && hasRoles(progress) && hasWayIn(progress) && progress.signedIn;

  return (
    <main class="options welcome">
      <h1>Welcome to Role Switcher for AWS</h1>
      <p class="hint">Three steps to your first sign-in. Each one ticks itself off as you do it, here or anywhere else in the extension.</p>
      {error && <p role="alert" class="error">{error.message}</p>}
      {allDone && (
        <p class="all-done" role="status">
          You are set up. Close this tab whenever you like; the options page has everything else.
        </p>
      )}
      <ol class="steps">
        <Step number={1} title="Your roles" done={progress && hasRoles(progress)} summary={progress && rolesSummary(progress)}>
          <p>
            Paste your roles below and press Save. Coming from AWS Extend Switch Roles? Copy its whole configuration from
            its options page (right-click its toolbar button, Options, the Configuration box) and paste it as it is. Using
            the AWS CLI? Paste your <code>~/.aws/config</code>, or pick the file with Import file… (the <code>.aws</code>{' '}
            folder is hidden: Ctrl+H shows it in most file dialogs). Access keys never go here: step 2 keeps them.
          </p>
          <ConfigEditor onSaved={() => setConfigVersion((v) => v + 1)} onKeysFound={setFoundKeys} />
        </Step>
        <Step number={2} title="How you get in" done={progress && hasWayIn(progress)} summary={progress && waySummary(progress)}>
          <p>Your roles start from one of three places: an IAM user's access keys, IAM Identity Center, or the console session you already have. Set up the one you use.</p>
          {locked && <VaultPanel vault={vault} />}
          <SourceKeys configVersion={configVersion} vault={vault} foundKeys={foundKeys} keysForbidden={managed?.allowVaultKeys === false} />
          <h3>IAM Identity Center</h3>
          <p>
            Put your <code>[sso-session]</code> and its profiles in step 1 and save. The options page's IAM Identity Center
            part, under its configuration, imports every account and role you can reach; the first sign-in asks you to
            approve it in an AWS tab.{' '}
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              Open the options page
            </button>
          </p>
          <h3>Your console session</h3>
          <p>
            Already signed in to the AWS console, as with AWS Extend Switch Roles? You need no keys: sign in to the console
            as usual and open the popup on that tab.
          </p>
        </Step>
        <Step number={3} title="Pick a role" done={progress?.signedIn} summary="You signed in. Next time: open the popup, type a few letters, Enter.">
          <ShortcutHint />
        </Step>
      </ol>
    </main>
  );
}

function rolesSummary(progress: WelcomeProgress): string {
  return `${progress.roles} ${progress.roles === 1 ? 'role' : 'roles'} ready.`;
}

function waySummary(progress: WelcomeProgress): string {
  const keys = progress.keySources ?? [];
  if (keys.length > 0) return `Access keys for ${keys.join(', ')} are in the vault.`;
  if (progress.identityCenter) return 'You are signed in to IAM Identity Center.';
  if (progress.consoleSwitched) return 'Your console session switches roles.';
  return 'A sign-in worked.';
}
