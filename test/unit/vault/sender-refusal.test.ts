/**
 * Messages that read or use credentials are refused from a content script (our id, a web page's URL), from a
 * web page or another extension, before any handler runs: nothing is read from storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { route } = await import('../../../src/background/router');
const { AUDIENCE } = await import('../../../src/messages');
type Name = keyof typeof AUDIENCE;

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const tab = { index: 0, highlighted: true, active: true, pinned: false, incognito: false, id: 7 };

const CREDENTIAL_MESSAGES: [Name, Record<string, unknown>][] = [
  ['sources.list', {}],
  ['keys.verify', { source: 'alice', accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'x'.repeat(40) }],
  ['keys.set', { source: 'alice', accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'x'.repeat(40) }],
  ['keys.remove', { source: 'alice' }],
  ['vault.status', {}],
  ['vault.create', { passphrase: 'correct horse battery' }],
  ['vault.unlock', { passphrase: 'correct horse battery' }],
  ['vault.lock', {}],
  ['vault.changePassphrase', { current: 'a', next: 'b' }],
  ['vault.setAutoLock', { minutes: 1 }],
  ['vault.setMfaSession', { minutes: 0 }],
  ['vault.reset', {}],
  ['login.take', { id: 'x' }],
  ['signIn', { profile: 'dev', mfaCode: '123456' }],
];

const SENDERS = {
  'a content script on the console': { id: EXTENSION_ID, url: 'https://eu-west-1.console.aws.amazon.com/console/home', tab, frameId: 0 },
  'a content script in a frame': { id: EXTENSION_ID, url: 'about:blank', tab, frameId: 3 },
  'a web page': { url: 'https://evil.example/', tab },
  'another extension': { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html' },
  'a look-alike extension URL': { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}evil/popup/index.html` },
};

beforeEach(() => resetFakeBrowser());

describe('messages that touch credentials', () => {
  it('are all for the extension\u2019s own pages', () => {
    for (const [name] of CREDENTIAL_MESSAGES) expect(AUDIENCE[name]).toBe('extension-pages');
  });

  for (const [who, sender] of Object.entries(SENDERS)) {
    it(`are refused from ${who}, before any storage is read`, async () => {
      for (const [type, request] of CREDENTIAL_MESSAGES) {
        const answer = await route({ type, request }, sender, context);
        expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      }
      for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) {
        expect(area.operations).toEqual([]);
      }
    });
  }

  it('are answered for the extension\u2019s own pages', async () => {
    const answer = await route({ type: 'vault.status', request: {} }, { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html`, tab }, context);
    expect(answer).toEqual({ ok: true, value: { initialized: false, locked: true, autoLockMinutes: 60, mfaSessionMinutes: 480 } });
  });
});
