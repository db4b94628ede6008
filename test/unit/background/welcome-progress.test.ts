/**
 * `welcome.progress` (src/background/welcome/progress.ts): the welcome page's three steps, from what the extension
 * keeps: roles in force; keys in the vault for the sources the roles start from (unknown while locked), an Identity
 * Center sign-in, a console switch; a sign-in (a console the extension opened, refused logins aside, or a role the
 * popup recorded). And the install opens the welcome page, an update does not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({ loadConfig: vi.fn(), missing: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));
vi.mock('../../../src/background/sources/keys/missing-keys', async (actual) => ({
  ...(await actual<typeof import('../../../src/background/sources/keys/missing-keys')>()),
  missingKeySources: stub.missing,
}));

const CONFIG = parseConfig(`
[alice]

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice

[sso-session acme]
sso_start_url = https://acme.awsapps.com/start
sso_region = eu-west-1

[acme-admin]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = AdministratorAccess
`);

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const { route } = await import('../../../src/background/router');
const { openWelcomeOnInstall } = await import('../../../src/background/welcome/progress');
const progress = async (sender = { id: EXTENSION_ID, url: `${context.ownBaseUrl}src/welcome/index.html` }) =>
  (await route({ type: 'welcome.progress', request: {} }, sender, context)) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };

const session = (status: string) => ({ id: status, profile: 'dev', status, tabs: [] });

beforeEach(() => {
  resetFakeBrowser();
  stub.loadConfig.mockResolvedValue(parseConfig(''));
  stub.missing.mockResolvedValue([]);
});

describe('the welcome page\'s steps', () => {
  it('are all to do in a fresh browser', async () => {
    expect(await progress()).toEqual({
      ok: true,
      value: { roles: 0, keySources: [], identityCenter: false, consoleSwitched: false, signedIn: false },
    });
  });

  it('count the roles in force, and the key sources whose keys are in the vault (Identity Center roots are no key source)', async () => {
    stub.loadConfig.mockResolvedValue(CONFIG);
    stub.missing.mockResolvedValue(['alice']);
    expect((await progress()).value).toMatchObject({ roles: 2, keySources: [] });
    stub.missing.mockResolvedValue([]);
    expect((await progress()).value).toMatchObject({ roles: 2, keySources: ['alice'] });
    // A locked vault may hold them: unknown, not "none".
    stub.missing.mockResolvedValue(null);
    expect((await progress()).value).toMatchObject({ keySources: null });
  });

  it('see an Identity Center sign-in, in memory or kept in the vault, without answering anything of it', async () => {
    await fakeBrowser.storage.session.set({ 'sso.tokens': { 'https://acme.awsapps.com/start': { startUrl: 'https://acme.awsapps.com/start', accessToken: 'SECRET-TOKEN', expiresAt: 0 } } });
    const answer = await progress();
    expect(answer.value).toMatchObject({ identityCenter: true });
    expect(JSON.stringify(answer)).not.toContain('SECRET-TOKEN');
    await fakeBrowser.storage.session.remove('sso.tokens');
    await fakeBrowser.storage.local.set({ 'vault.ssoSealed': { salt: 's', box: {}, startUrls: ['https://acme.awsapps.com/start'] } });
    expect((await progress()).value).toMatchObject({ identityCenter: true });
  });

  it('see a console switch', async () => {
    await fakeBrowser.storage.local.set({ 'console.lastRoles': { 'aws|111111111111|carol': 'dev' } });
    expect((await progress()).value).toMatchObject({ consoleSwitched: true, signedIn: false });
  });

  it('see a sign-in: a console the extension opened (not one the console refused), or a role the popup recorded', async () => {
    await fakeBrowser.storage.session.set({ 'sessions.registry': { sessions: [session('refused')], modes: {} } });
    expect((await progress()).value).toMatchObject({ signedIn: false });
    await fakeBrowser.storage.session.set({ 'sessions.registry': { sessions: [session('refused'), session('replaced')], modes: {} } });
    expect((await progress()).value).toMatchObject({ signedIn: true });
    await fakeBrowser.storage.session.remove('sessions.registry');
    await fakeBrowser.storage.local.set({ 'roles.recent': { dev: [1] } });
    expect((await progress()).value).toMatchObject({ signedIn: true });
  });

  it('answer extension pages only', async () => {
    expect(await progress({ id: EXTENSION_ID, url: 'https://console.aws.amazon.com/' })).toMatchObject({ ok: false });
  });
});

describe('installing the extension', () => {
  it('opens the welcome page; an update or a browser update does not', async () => {
    await openWelcomeOnInstall({ reason: 'update' });
    await openWelcomeOnInstall({ reason: 'chrome_update' });
    expect(fakeBrowser.tabs.opened).toEqual([]);
    await openWelcomeOnInstall({ reason: 'install' });
    expect(fakeBrowser.tabs.opened.map((tab) => tab.url)).toEqual([`chrome-extension://${EXTENSION_ID}/src/welcome/index.html`]);
  });
});
