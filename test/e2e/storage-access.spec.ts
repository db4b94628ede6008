/**
 * storage.local and storage.sync (the sealed vault, its settings, the roles, the configuration) are closed to the
 * content script, which runs inside AWS's console pages (src/platform/storage-access.ts): asked from the content
 * script's own world, the browser refuses both, while the extension's pages read them. Read through the Chrome
 * DevTools Protocol, which reaches the content script's isolated world; Chromium only (Firefox has no such level).
 */
import { ALICE, ALICE_DEV_CONFIG } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, sendFrom, test } from './fixtures';
import { bar } from './support/sessions';

const CONFIG = ALICE_DEV_CONFIG;

/** What reading each area gives in a context: 'read', or the browser's refusal. */
const READ_BOTH = `Promise.all(['local', 'sync'].map((area) => chrome.storage[area].get(null).then(() => area + ': read', (error) => area + ': ' + error.message)))`;

test('the content script in a console page cannot read storage.local or storage.sync; the extension\u2019s pages can', async ({ extension }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  const opened = extension.context.waitForEvent('page');
  expect((await sendFrom(options, 'signIn', { profile: 'demo-dev' })).ok).toBe(true);
  const tab = await opened;
  await expect(bar(tab)).toHaveText(/^demo-dev · 222222222222 · /); // the content script runs in the page

  const cdp = await extension.context.newCDPSession(tab);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const own = `chrome-extension://${extension.extensionId}`;
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.origin === own);
  if (!world) throw new Error(`no content script world in the console page (contexts: ${JSON.stringify(contexts)})`);
  const asked = await cdp.send('Runtime.evaluate', { expression: READ_BOTH, contextId: world.id, awaitPromise: true, returnByValue: true });
  const answers = asked.result.value as string[];
  expect(answers).toHaveLength(2);
  for (const answer of answers) expect(answer).toMatch(/^(local|sync): Access to storage is not allowed from this context\.$/);

  // The extension's own pages still read both.
  expect(await options.evaluate(READ_BOTH)).toEqual(['local: read', 'sync: read']);
});
