/**
 * The console login is POSTed (no sign-in token in History), which AWS does not document. When AWS refuses it
 * (the sandbox's `refusePostLogin`: an error page on the sign-in host), one click still lands on the console: the
 * worker sees the tab stop there, gets a fresh sign-in token and sends AWS's documented link (GET) once, says so
 * in the popup, and uses the link for that partition from then on. Without the refusal, the login is a POST.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { preload } from '../launch/preload';
import { ALICE, ALICE_DEV_CONFIG } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/index';
import { expect, test, TEST_PASSPHRASE } from './fixtures';

const CONFIG = ALICE_DEV_CONFIG;

/** Storage of the extension, read from one of its pages. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

async function popupReady(extension: ExtensionBrowser): Promise<Page> {
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  return extension.openPage('popup/index.html');
}

/** Clicks the role in the popup and returns the console tab once it shows the signed-in role. */
async function clickRole(extension: ExtensionBrowser, popup: Page): Promise<Page> {
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'demo-dev', exact: true }).click();
  const tab = await opened;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(popup.getByRole('status')).toHaveText('Signed in as demo-dev (Developer · 222222222222)');
  await expect(popup.getByRole('status')).toHaveAttribute('title', /^arn:aws:sts::222222222222:assumed-role\/Developer\//);
  return tab;
}

function logins(sandbox: Sandbox): string[] {
  return sandbox.state.requests.filter((r) => r.service === 'signin' && r.action === 'login').map((r) => `${r.method} ${r.status}`);
}

const tokens = (sandbox: Sandbox) => sandbox.state.requests.filter((r) => r.action === 'getSigninToken').length;
const methods = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get('login.methods'))['login.methods']);

test('AWS refusing the POSTed login: one POST refused, one GET with a fresh token, on the console, said, and GET next time', async ({ extension, sandbox }) => {
  sandbox.state.refusePostLogin = true;
  const popup = await popupReady(extension);

  const tab = await clickRole(extension, popup);
  expect(new URL(tab.url()).host).toBe('eu-west-1.console.aws.amazon.com');
  expect(logins(sandbox)).toEqual(['POST 400', 'GET 302']);
  // A sign-in token is single-use: the link carried a fresh one.
  expect(tokens(sandbox)).toBe(2);
  const notes = popup.getByRole('list', { name: 'About this session' });
  await expect(notes).toContainText('AWS did not take the console login sent as a form (POST), so it was sent again as a link (GET)');
  expect(await methods(popup)).toEqual({ aws: 'get' });

  // The next sign-in goes straight to the link: no refused POST first, one token.
  const next = await clickRole(extension, popup);
  expect(new URL(next.url()).host).toBe('eu-west-1.console.aws.amazon.com');
  expect(logins(sandbox)).toEqual(['POST 400', 'GET 302', 'GET 302']);
  expect(tokens(sandbox)).toBe(3);
  await expect(popup.getByRole('list', { name: 'About this session' })).toHaveCount(0);
});

test('AWS taking the POSTed login: one POST, no link, nothing to say, POST remembered', async ({ extension, sandbox }) => {
  const popup = await popupReady(extension);
  await clickRole(extension, popup);
  expect(logins(sandbox)).toEqual(['POST 302']);
  expect(tokens(sandbox)).toBe(1);
  await expect(popup.getByRole('list', { name: 'About this session' })).toHaveCount(0);
  expect(await methods(popup)).toEqual({ aws: 'post' });
});
