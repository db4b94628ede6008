/**
 * The whole audience table of src/messages.ts, message by message and sender by sender: a message for the
 * extension's pages is refused from a content script (our id, a web page's URL), a web page, another extension or
 * a look-alike URL, before any handler runs and before any storage is read; each message is accepted from exactly
 * the senders its audience names, and then reaches its handler. The handlers are stand-ins that record their
 * calls: what is checked here is who gets through, not what the handlers do.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
vi.mock('../../../src/background/handlers', async () => {
  const { AUDIENCE } = await import('../../../src/messages');
  return { handlers: Object.fromEntries(Object.keys(AUDIENCE).map((type) => [type, vi.fn(() => Promise.resolve({ handled: type }))])) };
});

const { route } = await import('../../../src/background/router');
const { handlers } = await import('../../../src/background/handlers');
const { AUDIENCE } = await import('../../../src/messages');
type Name = keyof typeof AUDIENCE;

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const tab = { index: 0, highlighted: true, active: true, pinned: false, incognito: false, id: 7 };

/** Every message type the contract has, from the table itself: a message added later is covered at once. */
const ALL = Object.keys(AUDIENCE) as Name[];
/** The only messages open to content scripts: display data, never configuration, credentials or sign-in. */
const FOR_CONTENT_SCRIPTS: Name[] = ['sessions.tabInfo'];

interface Sender {
  sender: { id?: string; url?: string; tab?: typeof tab; frameId?: number };
  /** Which audiences it belongs to. */
  is: Array<'extension-pages' | 'content-scripts'>;
}

const SENDERS: Record<string, Sender> = {
  'the popup': { sender: { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html` }, is: ['extension-pages', 'content-scripts'] },
  'the options page in a tab': { sender: { id: EXTENSION_ID, url: `${context.ownBaseUrl}src/options/index.html`, tab }, is: ['extension-pages', 'content-scripts'] },
  'a content script on the console': { sender: { id: EXTENSION_ID, url: 'https://eu-west-1.console.aws.amazon.com/console/home', tab, frameId: 0 }, is: ['content-scripts'] },
  'a content script in a frame': { sender: { id: EXTENSION_ID, url: 'about:blank', tab, frameId: 3 }, is: ['content-scripts'] },
  'a look-alike extension URL': { sender: { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}evil/popup/index.html` }, is: ['content-scripts'] },
  'a web page': { sender: { url: 'https://evil.example/', tab }, is: [] },
  'another extension': { sender: { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html' }, is: [] },
  'an extension page of another extension, with our URL': { sender: { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: `${context.ownBaseUrl}popup/index.html` }, is: [] },
};

const handlerOf = (type: Name) => handlers[type] as unknown as ReturnType<typeof vi.fn>;

beforeEach(() => {
  resetFakeBrowser();
  vi.clearAllMocks();
});

describe('the audience table', () => {
  it('covers every message, and opens only display data to content scripts', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(26);
    for (const type of ALL) expect(AUDIENCE[type], type).toBe(FOR_CONTENT_SCRIPTS.includes(type) ? 'content-scripts' : 'extension-pages');
    expect(Object.keys(handlers).sort()).toEqual([...ALL].sort());
  });

  for (const [who, { sender, is }] of Object.entries(SENDERS)) {
    it(`lets ${who} through exactly where the table says, and refuses it elsewhere before anything runs`, async () => {
      let accepted = 0;
      let refused = 0;
      for (const type of ALL) {
        vi.clearAllMocks();
        const answer = await route({ type, request: {} }, sender, context);
        if (is.includes(AUDIENCE[type])) {
          expect(answer, `${type} from ${who}`).toEqual({ ok: true, value: { handled: type } });
          expect(handlerOf(type), type).toHaveBeenCalledTimes(1);
          accepted += 1;
        } else {
          expect(answer, `${type} from ${who}`).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) as string } });
          expect(handlerOf(type), type).not.toHaveBeenCalled();
          refused += 1;
        }
      }
      // Each sender was tried against every message, and the table decided each one.
      expect(accepted + refused).toBe(ALL.length);
      if (is.length === 0) expect(accepted).toBe(0);
      if (!is.includes('extension-pages')) {
        expect(refused).toBe(ALL.length - FOR_CONTENT_SCRIPTS.length * (is.includes('content-scripts') ? 1 : 0));
        for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) expect(area.operations).toEqual([]);
      }
    });
  }
});
