/**
 * The envelope check: a message type is one of the contract's own names. Names every object inherits
 * (`constructor`, `toString`, `__proto__` …) are not message types, from any sender.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { route } = await import('../../../src/background/router');
const { AUDIENCE, isEnvelope } = await import('../../../src/messages');

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const ownPage = { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html` };
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

beforeEach(() => resetFakeBrowser());

describe('the message envelope', () => {
  it('accepts every type of the contract', () => {
    for (const type of Object.keys(AUDIENCE)) expect(isEnvelope({ type, request: {} }), type).toBe(true);
  });

  it('refuses names inherited from Object.prototype', () => {
    expect(INHERITED).toEqual(expect.arrayContaining(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']));
    for (const type of INHERITED) expect(isEnvelope({ type, request: {} }), type).toBe(false);
  });

  it('answers an inherited name as an unknown message, even from the extension\u2019s own pages, and runs nothing', async () => {
    for (const type of INHERITED) {
      expect(await route({ type, request: {} }, ownPage, context), type).toEqual({ ok: false, error: { code: 'bad-request', message: 'Unknown message.' } });
    }
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) expect(area.operations).toEqual([]);
  });
});
