/**
 * A role written with an account alias (AESR's `[AnotherRole]`) has one way only, the console's: with keys in the
 * vault for its source, a click over a console tab still switches the console (AssumeRole would need the id), and
 * the popup's `console.offer` does not call it a role that could go either way. The console page and the vault are
 * stubbed as in console-offer.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import type { ConsoleOffer, Result } from '../../../src/messages';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({ runInPage: vi.fn(), loadConfig: vi.fn(), vaultStatus: vi.fn(), readEntries: vi.fn() }));
vi.mock('../../../src/platform/page-script', () => ({ runInPage: stub.runInPage, nextLoad: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));
vi.mock('../../../src/background/vault/vault', () => ({ vaultStatus: stub.vaultStatus, readEntries: stub.readEntries }));

const { route } = await import('../../../src/background/router');
const { consoleSwitchFor } = await import('../../../src/background/sources/console/console-sign-in');

const CONFIG = parseConfig(`
[AnotherRole]
role_name = SomeOtherRole
aws_account_id = account-3-alias

[by-id]
role_arn = arn:aws:iam::222222222222:role/Developer
`);
const CAROL_PAGE = {
  meta: JSON.stringify({ prismModeEnabled: false, signInEndpoint: 'signin.aws.amazon.com', infrastructureRegion: 'eu-west-1' }),
  info: { loginDisplayNameAccount: '1111-1111-1111', loginDisplayNameUser: 'carol' },
  csrf: 'page-csrf-token',
};
const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const popup = { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html` };
const role = (name: string) => CONFIG.roles.find((r) => r.name === name)!;

beforeEach(() => {
  resetFakeBrowser();
  stub.loadConfig.mockReset().mockResolvedValue(CONFIG);
  stub.runInPage.mockReset().mockResolvedValue(CAROL_PAGE);
  // Keys for `default` in an unlocked vault: every single could be signed in with them, but for the alias.
  stub.vaultStatus.mockResolvedValue({ initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 0 });
  stub.readEntries.mockResolvedValue({ default: { accessKeyId: 'AKIA', secretAccessKey: 's' } });
  fakeBrowser.tabs.query = () => Promise.resolve([{ id: 9, index: 0, url: 'https://eu-west-1.console.aws.amazon.com/console/home', active: true }] as never);
});

describe('a role written with an account alias, with keys for its source', () => {
  it('goes through the console tab in front even when keys are the default way (only Alt\u2019s ask for keys says no)', async () => {
    expect(await consoleSwitchFor(CONFIG, role('AnotherRole'), 'default', { preferred: 'keys' })).toBeTypeOf('function');
    expect(await consoleSwitchFor(CONFIG, role('by-id'), 'default', { preferred: 'keys' })).toBeUndefined();
    expect(await consoleSwitchFor(CONFIG, role('AnotherRole'), 'default', { asked: 'keys', preferred: 'keys' })).toBeUndefined();
  });

  it('is offered by the console, and not as a role that could go either way', async () => {
    const answer = (await route({ type: 'console.offer', request: {} }, popup, context)) as Result<{ console: ConsoleOffer | null }>;
    expect(answer.ok && answer.value.console).toMatchObject({
      switchable: ['AnotherRole', 'by-id'],
      eitherWay: [{ profile: 'by-id', way: 'keys' }],
    });
  });
});
