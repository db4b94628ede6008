/**
 * The thin slice, driven as a person would: type a configuration, add keys, click the role in the popup, and
 * land on the console signed in as that role. The STS call runs in the real service worker, so the SDK's
 * DOMParser trap (TOOLCHAIN.md) would fail this test.
 */
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { readClipboard } from './support/clipboard';

declare const chrome: { tabs: { query(info: { active: true; lastFocusedWindow: true }): Promise<{ url?: string }[]> } };

const CONFIG = `
[alice]
; alice's access keys live in the extension, never in this text

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
color = #2e7d32
`;

test('clicking a role opens the console signed in as that role', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers.');
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await extension.openPage('popup/index.html');
  const consolePage = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click();
  const tab = await consolePage;

  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(tab.getByTestId('signed-in-account')).toHaveText('222222222222');
  await expect(tab.getByTestId('console-region')).toHaveText('eu-west-1');
  expect(new URL(tab.url()).host).toBe('eu-west-1.console.aws.amazon.com');
  await expect(popup.getByRole('status')).toHaveText('Signed in as demo-dev (Developer · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/Developer\//);

  // The STS call went to the regional endpoint from the worker, and federation to the regional sign-in host.
  const hosts = sandbox.state.requests.map((request) => `${request.host} ${request.action ?? request.path}`);
  expect(hosts).toContain('sts.eu-west-1.amazonaws.com AssumeRole');
  expect(hosts.some((line) => line.startsWith('eu-west-1.signin.aws.amazon.com'))).toBe(true);
  // The login carries the sign-in token: POSTed, never a URL (History, session files). Only the slow secret scan
  // would notice a GET otherwise.
  const logins = sandbox.state.requests.filter((request) => request.service === 'signin' && request.action === 'login');
  expect(logins.map((request) => request.method)).toEqual(['POST']);
});

test('a refused role says why in the popup and leaves it usable', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${CONFIG}
[demo-prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
`);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await extension.openPage('popup/index.html');
  // The console's tab opens behind while AWS answers (src/background/login-launch.ts); a refusal closes it again.
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'demo-prod-admin', exact: true }).click();
  const launch = await opened;
  await expect(popup.getByRole('alert')).toContainText('You are not allowed to assume arn:aws:iam::333333333333:role/Admin');
  await expect.poll(() => launch.isClosed()).toBe(true);
  expect(extension.context.pages().map((page) => page.url()).filter((url) => url !== 'about:blank').map((url) => new URL(url).pathname)).toEqual([
    '/src/options/index.html',
    '/popup/index.html',
  ]);
  await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toBeVisible();
});

test('a sign-in token refused once the role is assumed: the console\u2019s tab, already in front, says why, and so does the popup', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  const popup = await extension.openPage('popup/index.html');
  sandbox.state.failSigninToken = 1;
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click();
  const launch = await opened;
  // The tab came to the front while the token was asked (login-launch.ts `front`): it stays, says why and where to
  // go, since Chrome's action popup has closed by then (this test's popup is a page, which stays open).
  await expect(launch.getByRole('status')).toHaveText(/^The AWS sign-in endpoint refused the session \(HTTP 503\)\..* Open the extension to sign in again\.$/);
  await expect(launch).toHaveTitle('Not signed in to the AWS console');
  await expect(popup.getByRole('alert')).toContainText('The AWS sign-in endpoint refused the session (HTTP 503).');
  const active = await popup.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((tab) => tab.url ?? ''));
  expect(active.map((url) => new URL(url).pathname)).toEqual(['/src/launch/index.html']);
  expect(launch.isClosed()).toBe(false);
  expect(sandbox.state.requests.filter((request) => request.action === 'login')).toEqual([]);
});

test('without keys the popup says so on the role, and a click opens the options page at its keys', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  const popup = await extension.openPage('popup/index.html');
  // Marked before any click (issue 14): a sign-in could only fail, so the click goes where the keys are added.
  const role = popup.getByRole('option', { name: 'demo-dev', exact: true });
  await expect(role).toContainText('No access keys for alice — Add keys');
  const opened = extension.context.waitForEvent('page');
  await role.click();
  const keys = await opened;
  await expect(keys.getByRole('form', { name: 'Keys for alice' }).getByLabel('Access key id')).toBeFocused();
});

test('a role that does not trust you offers its profile in the editor, not a retry', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, `${CONFIG}
[demo-prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
`);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  const popup = await extension.openPage('popup/index.html');
  await popup.getByRole('option', { name: 'demo-prod-admin', exact: true }).click();
  await expect(popup.getByRole('alert')).toContainText('You are not allowed to assume');
  await expect(popup.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  // Copy details: AWS's code and the request id STS answered with, for a ticket; never a key.
  await popup.getByRole('button', { name: 'Copy details' }).click();
  await expect(popup.getByRole('button', { name: 'Details copied' })).toBeVisible();
  const details = await readClipboard(extension);
  expect(details).toContain('AWS error code: AccessDenied');
  expect(details).toMatch(/^AWS request id: [0-9a-f-]{36}$/m);
  expect(details).toContain('Profile: demo-prod-admin');
  expect(details).not.toContain(ALICE.accessKeyId);
  expect(details).not.toContain(ALICE.secretAccessKey);
  const opened = extension.context.waitForEvent('page', (page) => page.url().includes('#profile='));
  await popup.getByRole('button', { name: 'Open profile' }).click();
  const editor = (await opened).getByRole('textbox', { name: 'Configuration' });
  await expect(editor).toBeFocused();
  // The profile's header line is selected.
  expect(await editor.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('[demo-prod-admin]');
});
