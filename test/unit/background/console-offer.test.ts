/**
 * The console in front, for the popup (`console.offer`) and for the sign-in (`consoleSwitchFor`): the same rules,
 * so a row says what its click does. The console page is read in its MAIN world (stubbed here: what
 * `ConsoleNavService.AccountInfo`, `AWSC.Auth.getMbtc()` and the `awsc-session-data` meta answer); the configuration
 * is AESR's README examples plus the sandbox's accounts in AESR's format; the vault is stubbed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { readFixture } from '../config/helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({ runInPage: vi.fn(), loadConfig: vi.fn(), vaultStatus: vi.fn(), readEntries: vi.fn() }));
vi.mock('../../../src/platform/page-script', () => ({ runInPage: stub.runInPage, nextLoad: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));
vi.mock('../../../src/background/vault/vault', () => ({ vaultStatus: stub.vaultStatus, readEntries: stub.readEntries }));

const { route } = await import('../../../src/background/router');
const { consoleSwitchFor } = await import('../../../src/background/sources/console/console-sign-in');

const SANDBOX = `
[demo-identity]
aws_account_id = 111111111111

[demo-dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = demo-identity

[demo-breakglass]
aws_account_id = 222222222222
role_name = BreakGlass
source_profile = demo-identity

[demo-audit]
aws_account_id = 444444444444
role_name = Auditor
external_id = audit-7f3a
source_profile = demo-identity

[demo-gov]
role_arn = arn:aws-us-gov:iam::555555555555:role/GovReader
`;
const CONFIG = parseConfig(`${readFixture('aesr-readme-simple.ini')}\n${SANDBOX}`);
const CONSOLE = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
const CAROL_PAGE = {
  meta: JSON.stringify({ prismModeEnabled: false, signInEndpoint: 'signin.aws.amazon.com', infrastructureRegion: 'eu-west-1' }),
  info: { loginDisplayNameAccount: '1111-1111-1111', loginDisplayNameUser: 'carol' },
  csrf: 'page-csrf-token',
};
const SWITCHABLE = ['marketingadmin', 'anotheraccount', 'athirdaccount', 'demo-dev', 'demo-breakglass'];

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const popup = { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html` };

function tabInFront(url: string): void {
  fakeBrowser.tabs.query = () => Promise.resolve([{ id: 9, index: 0, url, active: true }] as never);
}

/** A vault: none, locked, or unlocked with keys for these sources. */
function vault(state: 'none' | 'locked' | string[]): void {
  stub.vaultStatus.mockResolvedValue({ initialized: state !== 'none', locked: state === 'locked', autoLockMinutes: 60, mfaSessionMinutes: 0 });
  stub.readEntries.mockResolvedValue(Array.isArray(state) ? Object.fromEntries(state.map((source) => [source, { accessKeyId: 'AKIA', secretAccessKey: 's' }])) : undefined);
}

async function offer() {
  return route({ type: 'console.offer', request: {} }, popup, context);
}

beforeEach(() => {
  resetFakeBrowser();
  stub.loadConfig.mockReset().mockResolvedValue(CONFIG);
  stub.runInPage.mockReset().mockResolvedValue(CAROL_PAGE);
  vault('none');
  tabInFront(CONSOLE);
});

describe('console.offer', () => {
  it('a console signed in as the base user: its identity, the base\u2019s targets and the singles (no external id, no other partition)', async () => {
    expect(await offer()).toEqual({
      ok: true,
      value: {
        console: { partition: 'aws', account: '111111111111', name: 'carol', multiSession: false, switchable: SWITCHABLE, eitherWay: [] },
        onlySwitchable: false,
      },
    });
  });

  it('with keys for the base in the vault, its targets could go either way: a plain click takes the default (keys), or the setting', async () => {
    vault(['demo-identity']);
    const keys = await offer();
    expect(keys.ok && keys.value).toMatchObject({ console: { eitherWay: [{ profile: 'demo-dev', way: 'keys' }, { profile: 'demo-breakglass', way: 'keys' }] } });
    await fakeBrowser.storage.sync.set({ 'settings.signIn': { defaultWay: 'console', onlySwitchable: true } });
    const console = await offer();
    expect(console.ok && console.value).toMatchObject({
      console: { eitherWay: [{ profile: 'demo-dev', way: 'console' }, { profile: 'demo-breakglass', way: 'console' }] },
      onlySwitchable: true,
    });
  });

  it('a tab that is no console page: "no console", without reading any page', async () => {
    tabInFront('https://example.com/');
    expect(await offer()).toEqual({ ok: true, value: { console: null, onlySwitchable: false } });
    fakeBrowser.tabs.query = () => Promise.resolve([]);
    expect(await offer()).toEqual({ ok: true, value: { console: null, onlySwitchable: false } });
    expect(stub.runInPage).not.toHaveBeenCalled();
  });

  it('a console page without its session data, or one that cannot be read: "no console", quietly', async () => {
    stub.runInPage.mockResolvedValue({});
    expect(await offer()).toEqual({ ok: true, value: { console: null, onlySwitchable: false } });
    stub.runInPage.mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await offer()).toEqual({ ok: true, value: { console: null, onlySwitchable: false } });
  });

  it('a console of another partition offers only that partition\u2019s roles', async () => {
    tabInFront('https://console.amazonaws-us-gov.com/console/home');
    stub.runInPage.mockResolvedValue({ ...CAROL_PAGE, meta: JSON.stringify({ signInEndpoint: 'signin.amazonaws-us-gov.com' }) });
    const answer = await offer();
    expect(answer.ok && (answer.value as { console: unknown }).console).toMatchObject({ partition: 'aws-us-gov', switchable: ['demo-gov'] });
  });
});

describe('the sign-in\u2019s way (consoleSwitchFor)', () => {
  const role = (name: string) => CONFIG.roles.find((r) => r.name === name)!;
  const decide = (name: string, asked: 'keys' | 'console' | undefined, preferred: 'keys' | 'console') =>
    consoleSwitchFor(CONFIG, role(name), role(name).chain[0]!, { asked, preferred });

  it('no keys: the console, unless keys are asked for', async () => {
    expect(await decide('demo-dev', undefined, 'keys')).toBeTypeOf('function');
    expect(await decide('demo-dev', 'keys', 'keys')).toBeUndefined();
  });

  it('keys and on the offer: the default way; Alt\u2019s ask takes the other', async () => {
    vault(['demo-identity']);
    expect(await decide('demo-dev', undefined, 'keys')).toBeUndefined();
    expect(await decide('demo-dev', 'console', 'keys')).toBeTypeOf('function');
    expect(await decide('demo-dev', undefined, 'console')).toBeTypeOf('function');
    expect(await decide('demo-dev', 'keys', 'console')).toBeUndefined();
  });

  it('keys, the default the console, but the console cannot take the role: keys', async () => {
    vault(['demo-identity']);
    // An external id the console cannot send.
    expect(await decide('demo-audit', undefined, 'console')).toBeUndefined();
    // A page without its session data.
    stub.runInPage.mockResolvedValue({});
    expect(await decide('demo-dev', undefined, 'console')).toBeUndefined();
  });

  it('the console asked for where no console tab stands in: one sentence, nothing sent', async () => {
    tabInFront('https://example.com/');
    await expect(decide('demo-dev', 'console', 'keys')).rejects.toThrow(
      'There is no AWS console tab in front to switch to demo-dev: bring the console tab to the front and try again, or sign in with keys.',
    );
    expect(await decide('demo-dev', undefined, 'keys')).toBeUndefined();
    expect(stub.runInPage).not.toHaveBeenCalled();
  });
});
