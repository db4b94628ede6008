/**
 * What the worker does when the browser starts and when the extension is installed or updated, through its real
 * top level (src/background/index.ts): a configuration an older version stored with access keys in it is rewritten
 * without them on the next start, before anything else reads it, and the popup's role index is built from the
 * scrubbed text. The fake storage fires no `onChanged` here, so only the start path can do it (a configuration
 * change is the other path, tested end to end in test/e2e/config.spec.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, fire } from '../sessions/fake-session-browser';

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners: Listener[] = [];
  return { listeners, addListener: (listener: Listener) => void listeners.push(listener), removeListener: () => undefined, hasListener: () => false };
}

/** The parts of `browser.*` the top level reaches that the session fake has no use for. */
const runtime = Object.assign(fakeBrowser.runtime, { onMessage: event(), onInstalled: event(), onStartup: event() });
Object.assign(fakeBrowser, {
  omnibox: { onInputChanged: event(), onInputEntered: event(), onInputStarted: event(), onInputCancelled: event(), setDefaultSuggestion: () => Promise.resolve() },
  webNavigation: { onCommitted: event(), onCompleted: event(), onHistoryStateUpdated: event() },
  permissions: { contains: () => Promise.resolve(false), onAdded: event(), onRemoved: event() },
});
Object.assign(fakeBrowser.tabs, { onCreated: event(), onActivated: event() });
Object.assign(fakeBrowser.storage, { managed: { get: () => Promise.resolve({}) } });

vi.mock('webextension-polyfill', async () => ({ default: (await import('../sessions/fake-session-browser')).fakeBrowser }));

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYOLDVERSION';
/** What an older version left: the text as typed, in storage.local (as it stored configurations too large for sync). */
const OLDER = `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n\n[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n`;

async function everythingStored(): Promise<string> {
  return JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
}

await import('../../../src/background/index');

beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.sync.clear();
  await fakeBrowser.storage.local.set({ 'config.local': { text: OLDER, savedAt: 1, reason: 'too-large', syncBytes: 1 } });
  expect(await everythingStored()).toContain(SECRET);
});

describe('on the next start, a configuration stored with access keys', () => {
  it('is rewritten without them when the browser starts', async () => {
    await fire(runtime.onStartup);
    await vi.waitFor(async () => expect(await everythingStored()).not.toContain(SECRET));
    expect(await everythingStored()).not.toContain('AKIAIOSFODNN7EXAMPLE');
    // The rest of the text stays, and the popup's index lists its role.
    await vi.waitFor(async () => expect(JSON.stringify(await fakeBrowser.storage.local.get('roles.index'))).toContain('prod'));
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('# aws_secret_access_key removed');
  });

  it('is rewritten without them when the extension is updated to this version', async () => {
    await fire(runtime.onInstalled, { reason: 'update', previousVersion: '0.9.0' });
    await vi.waitFor(async () => expect(await everythingStored()).not.toContain(SECRET));
  });
});
