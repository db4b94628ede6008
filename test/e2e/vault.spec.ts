/**
 * The vault end to end, against the sandbox: keys checked with GetCallerIdentity before they are saved, lock
 * and unlock, a wrong passphrase that changes nothing, MFA (code asked, wrong code refused, MFA session reused,
 * long sessions assumed from the keys), auto-lock on wake, automatic renewals that never keep the vault open, and a
 * browser restart that locks.
 * Sign-ins are sent from an extension page as the popup sends them: the popup's own prompts are tested with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../launch/browser';
import { totp } from '../sandbox/mfa';
import { ALICE } from '../sandbox/seed';
import { expect, maskedKeyId, saveConfiguration, saveKeys, sendFrom, test, TEST_PASSPHRASE } from './fixtures';
import { screenshotThemes } from './support/screenshot';
import { notificationIds, storedSessions } from './support/sessions';

declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }>;
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

const CONFIG = `
[alice]
; alice's access keys live in the extension's vault, never in this text

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[demo-prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}

[demo-dev-12h]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}
duration_seconds = 43200
`;

async function setUp(extension: ExtensionBrowser): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  return options;
}

/** Signs in from an extension page and returns the answer, and the console tab when one opened. */
async function signIn(extension: ExtensionBrowser, from: Page, request: Record<string, unknown>) {
  const opened = extension.context.waitForEvent('page', { timeout: 10_000 }).catch(() => undefined);
  const answer = await sendFrom(from, 'signIn', request);
  return { answer, tab: answer.ok ? await opened : undefined };
}

/** A code the device showed ten minutes ago: well formed, and refused now. */
function staleCode(): string {
  const current = new Set([-1, 0, 1].map((step) => totp(ALICE.totpSecret, Date.now() + step * 30_000)));
  for (let minutes = 10; ; minutes += 1) {
    const code = totp(ALICE.totpSecret, Date.now() - minutes * 60_000);
    if (!current.has(code)) return code;
  }
}

async function storedVault(extension: ExtensionBrowser): Promise<unknown> {
  return (await extension.worker()).evaluate(async () => (await chrome.storage.local.get('vault.sealed'))['vault.sealed']);
}

test('keys are checked with GetCallerIdentity as they are saved, and only saved when AWS takes them; a locked vault asks for the passphrase', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  const form = options.getByRole('form', { name: 'Keys for alice' });
  await form.getByLabel('Access key id').fill(ALICE.accessKeyId);
  await form.getByLabel('Secret access key').fill(`${ALICE.secretAccessKey.slice(0, -1)}x`);
  await form.getByLabel('Vault passphrase').fill(TEST_PASSPHRASE);
  await form.getByLabel('Confirm passphrase').fill(TEST_PASSPHRASE);
  // Keys AWS refuses: one sentence, nothing stored (not even the vault), and nothing typed is lost.
  await form.getByRole('button', { name: 'Save keys' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  expect(sandbox.state.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(1);
  expect(await storedVault(extension)).toBeUndefined();
  await expect(form.getByLabel('Access key id')).toHaveValue(ALICE.accessKeyId);
  await expect(form.getByLabel('Vault passphrase')).toHaveValue(TEST_PASSPHRASE);

  await form.getByLabel('Secret access key').fill(ALICE.secretAccessKey);
  await form.getByRole('button', { name: 'Save keys' }).click();
  // Folded to one line: the key id's ends and who the keys belong to, never the whole key id.
  await expect(form.getByText(maskedKeyId(ALICE.accessKeyId), { exact: true })).toBeVisible();
  await expect(form.getByText('user/alice', { exact: true })).toHaveAttribute('title', 'arn:aws:iam::111111111111:user/alice');
  await expect(form.getByRole('alert')).toHaveCount(0);
  // Checked by the page, then again by the background before saving: keys AWS refuses are never stored.
  expect(sandbox.state.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(3);
  expect(await options.content()).not.toContain(ALICE.secretAccessKey);
  expect(await options.content()).not.toContain(ALICE.accessKeyId);

  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByText('The vault is locked.')).toBeVisible();
  const popup = await extension.openPage('popup/index.html');
  expect((await signIn(extension, popup, { profile: 'demo-dev' })).answer.error?.code).toBe('vault-locked');

  const before = await storedVault(extension);
  const wrong = await sendFrom(popup, 'vault.unlock', { passphrase: 'not the passphrase' });
  expect(wrong.error).toMatchObject({ code: 'wrong-passphrase', message: 'That passphrase is not right. Nothing was changed; try again.' });
  expect(await storedVault(extension)).toEqual(before);

  await options.getByRole('form', { name: 'Unlock the vault' }).getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await options.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByText('The vault is unlocked.', { exact: false })).toBeVisible();

  const { answer, tab } = await signIn(extension, popup, { profile: 'demo-dev' });
  expect(answer.ok).toBe(true);
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
});

test('an MFA role asks for the code, refuses a wrong one clearly, and opens the console with the right one', async ({ extension, sandbox }) => {
  await setUp(extension);
  const popup = await extension.openPage('popup/index.html');

  const asked = await signIn(extension, popup, { profile: 'demo-prod-admin' });
  expect(asked.answer.error).toMatchObject({ code: 'mfa-required', mfaSerial: ALICE.mfaSerial });

  const refused = await signIn(extension, popup, { profile: 'demo-prod-admin', mfaCode: staleCode() });
  expect(refused.answer.error).toMatchObject({ code: 'mfa-invalid', mfaSerial: ALICE.mfaSerial });
  expect(refused.answer.error?.message).toBe(`AWS did not accept that MFA code for ${ALICE.mfaSerial}. Enter the code your device shows now; each code works once.`);

  const { answer, tab } = await signIn(extension, popup, { profile: 'demo-prod-admin', mfaCode: totp(ALICE.totpSecret) });
  expect(answer.ok).toBe(true);
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/Admin/alice');

  // Within the MFA session, no code is asked for again.
  const again = await signIn(extension, popup, { profile: 'demo-prod-admin' });
  expect(again.answer.ok).toBe(true);
  expect(sandbox.state.requests.filter((r) => r.action === 'GetSessionToken' && r.status === 200)).toHaveLength(1);
});

test('a role that wants more than the 1-hour cap of an MFA session is assumed from the keys with a code', async ({ extension, sandbox }) => {
  await setUp(extension);
  const popup = await extension.openPage('popup/index.html');
  expect((await signIn(extension, popup, { profile: 'demo-prod-admin', mfaCode: totp(ALICE.totpSecret) })).answer.ok).toBe(true);

  const asked = await signIn(extension, popup, { profile: 'demo-dev-12h' });
  expect(asked.answer.error).toMatchObject({ code: 'mfa-required', mfaSerial: ALICE.mfaSerial });
  const { answer, tab } = await signIn(extension, popup, { profile: 'demo-dev-12h', mfaCode: totp(ALICE.totpSecret) });
  expect(answer.ok).toBe(true);
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');

  // Assumed with the long-term keys and the code (not chained), so the console got its 12 hours.
  const role = [...sandbox.state.credentials.values()].filter((c) => c.roleArn === 'arn:aws:iam::222222222222:role/Developer').at(-1);
  expect(role).toMatchObject({ chained: false, mfa: true });
  expect([...sandbox.state.signinTokens.values()].at(-1)?.sessionDuration).toBe(43_200);
  expect(sandbox.state.requests.filter((r) => r.action === 'GetSessionToken')).toHaveLength(1);
});

test('the vault locks itself after the idle time, checked on every wake', async ({ extension }) => {
  const options = await setUp(extension);
  // Saved as it changes (on leaving the field), with "Saved" beside it.
  const settings = options.getByRole('group', { name: 'Vault lock and MFA' });
  await settings.getByLabel(/Lock after this many idle minutes/).fill('5');
  await settings.getByLabel(/Lock after this many idle minutes/).press('Tab');
  await expect(settings.getByText('Saved', { exact: true })).toBeVisible();

  const worker = await extension.worker();
  const { lockAt, alarm } = await worker.evaluate(async () => ({
    lockAt: (await chrome.storage.session.get('vault.lockAt'))['vault.lockAt'] as number,
    alarm: await chrome.alarms.get('vault.auto-lock'),
  }));
  expect(lockAt - Date.now()).toBeGreaterThan(4 * 60_000);
  expect(lockAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  expect(alarm?.scheduledTime).toBe(lockAt);

  // As if the machine slept through the alarm: the next message finds the deadline passed and locks.
  await worker.evaluate(() => chrome.storage.session.set({ 'vault.lockAt': Date.now() - 1000 }));
  const popup = await extension.openPage('popup/index.html');
  expect((await sendFrom(popup, 'vault.status', {})).value).toMatchObject({ initialized: true, locked: true, autoLockMinutes: 5 });
  expect((await signIn(extension, popup, { profile: 'demo-dev' })).answer.error?.code).toBe('vault-locked');
});

test('an automatic renewal is no use of the vault: the idle deadline stays where the person left it, and past it the renewal finds the vault locked', async ({ extension, sandbox }) => {
  // Two automatic renewals, each a minute before its session ends (sessions of two minutes): a few minutes of waiting.
  test.setTimeout(300_000);
  const options = await extension.openPage('src/options/index.html');
  // A chained role: its console session ends with its one-hour credentials, which AWS's clock (below) shortens.
  await saveConfiguration(options, `${CONFIG}\n[demo-deployer]\nrole_arn = arn:aws:iam::222222222222:role/ops/Deployer\nsource_profile = demo-dev\nexternal_id = deploy-42\nregion = eu-west-1\n`);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  const warnMinutes = options.getByLabel('Warn this many minutes before a console session ends (0: never)');
  await warnMinutes.fill('1');
  await warnMinutes.press('Tab');
  await expect(options.getByRole('group', { name: 'Console sessions' }).getByText('Saved', { exact: true })).toBeVisible();

  // Sessions that end two minutes after they start: AWS's clock is 58 minutes behind this one.
  sandbox.state.clockOffsetMs = -(3600 - 120) * 1000;
  const popup = await extension.openPage('popup/index.html');
  expect((await signIn(extension, popup, { profile: 'demo-deployer' })).answer.ok).toBe(true);
  const lockAt = () => popup.evaluate(async () => (await chrome.storage.session.get('vault.lockAt'))['vault.lockAt'] as number);
  const leftByThePerson = await lockAt();
  const view = await extension.context.newPage();
  await view.goto(`chrome-extension://${extension.extensionId}/popup/index.html#sessions`);
  const item = view.getByRole('listitem', { name: 'demo-deployer' });
  await item.getByRole('checkbox', { name: 'Renew automatically' }).check();
  const [signedIn] = await storedSessions(view);
  if (!signedIn) throw new Error('the sign-in registered no session');

  // The first automatic renewal, a minute before the end: done, and the idle deadline has not moved.
  await expect.poll(async () => (await storedSessions(view))[0]?.consoleExpiresAt, { timeout: 150_000 }).toBeGreaterThan(signedIn.consoleExpiresAt);
  const [renewed] = await storedSessions(view);
  expect(await lockAt()).toBe(leftByThePerson);
  expect(await notificationIds(view)).toEqual([]);

  // The idle time passes (as if the person had been away that long): the next automatic renewal finds the vault
  // locked, renews nothing, and warns instead (its words, "the vault locked while you were away", are checked by
  // test/unit/sessions/auto-renew-vault.test.ts: a notification's text cannot be read back from a page).
  await popup.evaluate(() => chrome.storage.session.set({ 'vault.lockAt': Date.now() - 1000 }));
  await expect.poll(() => notificationIds(view), { timeout: 150_000 }).toEqual([`sessions.warn:${signedIn.id}`]);
  expect((await storedSessions(view))[0]?.consoleExpiresAt).toBe(renewed?.consoleExpiresAt);
  expect((await sendFrom(popup, 'vault.status', {})).value).toMatchObject({ locked: true });
  await screenshotThemes(view, 'popup-sessions-auto-renew-vault-locked', view.locator('main'));
});

test('closing the browser locks the vault; the keys stay, encrypted', async ({ sandbox }) => {
  const profile = mkdtempSync(join(tmpdir(), 'role-switcher-restart-'));
  try {
    const first = await launchExtensionBrowser({ sandbox, userDataDir: profile });
    await setUp(first);
    await first.close();

    const second = await launchExtensionBrowser({ sandbox, userDataDir: profile });
    const options = await second.openPage('src/options/index.html');
    await expect(options.getByText('The vault is locked.')).toBeVisible();
    await options.getByRole('form', { name: 'Unlock the vault' }).getByLabel('Passphrase').fill(TEST_PASSPHRASE);
    await options.getByRole('button', { name: 'Unlock' }).click();
    await expect(options.getByRole('form', { name: 'Keys for alice' }).getByText(maskedKeyId(ALICE.accessKeyId), { exact: true })).toBeVisible();
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a web page has no way to reach the background', async ({ extension }) => {
  await setUp(extension);
  const popup = await extension.openPage('popup/index.html');
  const { tab } = await signIn(extension, popup, { profile: 'demo-dev' });
  await expect(tab!.getByTestId('signed-in-arn')).toBeVisible();
  // No externally_connectable and no onMessageExternal: a web page (here the console itself) gets no runtime API.
  expect(await tab!.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe('undefined');
});
