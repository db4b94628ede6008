/**
 * `npm start`: the sandbox, plus Chromium with the built extension and demo roles preloaded, so a newcomer can
 * click a role and see the console; and a console tab signed in as carol (an IAM user, password only), as a person
 * signs in, to switch from with the console-* roles (AWS Extend Switch Roles' way, no keys). Headed when there is a
 * display, headless (with a hint, and one sign-in and one switch to show it works) when there is none.
 * `AWS_SANDBOX_NETWORK=aws-100ms npm start` (or `aws-250ms`): the sandbox answers as AWS does from that far away,
 * every new connection paying its handshakes (test/sandbox/network.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { networkProfile, startSandbox } from '../sandbox/index';
import { ALICE, CAROL } from '../sandbox/seed';
import { ACME, SSO_PASSWORD } from '../sandbox/sso-seed';
import { launchExtensionBrowser } from './browser';
import { IDENTITY_ACCOUNT, iamUserConsoleSignIn } from './console-login';
import { DEMO_PASSPHRASE, preload } from './preload';

const demoConfig = readFileSync(resolve(import.meta.dirname, 'demo-config.ini'), 'utf8');

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const networkName = process.env.AWS_SANDBOX_NETWORK ?? 'local';
const network = networkProfile(networkName);
const sandbox = await startSandbox({ network });
console.log(`AWS sandbox on https://127.0.0.1:${sandbox.port} (answers for the real AWS host names inside this browser)`);
if (networkName !== 'local') {
  console.log(`Network ${networkName}: every request ${network.latencyMs} ms, every new connection ${network.connectionSetupMs} ms more, idle connections closed after ${network.keepAliveMs / 1000} s.`);
}

const extension = await launchExtensionBrowser({ sandbox, headless });
console.log(`Extension loaded: chrome-extension://${extension.extensionId}/`);

// Preload as the options page would: the configuration, and alice's keys in the encrypted vault (left unlocked).
await preload(extension, { configText: demoConfig, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey });
console.log(`Vault passphrase (it locks after 60 idle minutes): ${DEMO_PASSPHRASE}`);
console.log(`IAM Identity Center (acme-* roles): on the AWS page that opens, sign in as ${ACME.username} with password "${SSO_PASSWORD}" and choose Allow.`);

const popup = await extension.openPage('popup/index.html');
console.log('Demo roles loaded: dev-developer, dev-deployer (a chain), prod-readonly, audit-auditor (from alice\'s keys);');
console.log('  acme-dev-admin, acme-prod-readonly, acme-prod-deployer (a chain) (from Identity Center, no key at all);');
console.log('  console-dev, console-prod-readonly (switched from the console session in the tab, no key at all).');

if (headless) {
  console.log('\nNo display found, so Chromium runs headless. To see and click it, run:  xvfb-run -a npm start  (xvfb-run: sudo apt-get install -y xvfb)');
  console.log('(or run npm start from a desktop session). Showing that it works with one demo sign-in:');
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'dev-developer', exact: true }).click();
  const consoleTab = await opened;
  const arn = await consoleTab.getByTestId('signed-in-arn').textContent({ timeout: 15_000 });
  console.log(`  console opened at ${new URL(consoleTab.url()).host}, signed in as ${arn ?? '(unknown)'}`);
}

// Last, so a sign-in above does not replace it (the sandbox's console is in single-session mode, as AWS's is by default).
const carolTab = await iamUserConsoleSignIn(extension, CAROL);
console.log(`\nA console tab is signed in as carol (${CAROL.arn}), with the sign-in form, as a person would:`);
console.log(`  account ${IDENTITY_ACCOUNT}, IAM user carol, password "${CAROL.password}".`);

if (headless) {
  console.log('And one console switch, as a click in the popup over that tab:');
  await carolTab.bringToFront();
  await popup.getByRole('option', { name: 'console-dev', exact: true }).click();
  const switched = carolTab.getByTestId('signed-in-arn').filter({ hasText: ':assumed-role/' });
  await switched.waitFor({ timeout: 20_000 }).catch(async () => {
    const said = await popup.getByRole('alert').first().textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`The demo console switch did not land: ${said ?? 'the popup said nothing'}`);
  });
  console.log(`  carol's tab switched to ${await switched.textContent()} at ${new URL(carolTab.url()).host}`);
} else {
  console.log('Open the extension\'s popup over that tab (the Role Switcher for AWS button in the toolbar, under the puzzle piece) and');
  console.log('click console-dev or console-prod-readonly: the console\'s own switch-role switches the tab to that role.');
  console.log('(A sign-in with keys or Identity Center replaces carol\'s console session, as the console\'s single-session mode');
  console.log('does: sign in as carol again at https://signin.aws.amazon.com/console.)');
  console.log('\nThe other roles: click them in the popup tab. The options page is at chrome-extension://' + extension.extensionId + '/src/options/index.html');
}
console.log('\nPress Ctrl+C to stop.');

async function stop(): Promise<void> {
  await extension.close();
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
extension.context.on('close', () => void sandbox.close().then(() => process.exit(0)));
