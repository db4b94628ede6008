/** The configuration text of earlier versions (`config.text` in storage.local) moves on first read, losing nothing. */
import { describe, expect, it } from 'vitest';
import { readConfig, writeConfig } from '../../../src/background/config/sync-store';
import { HEAD_KEY } from '../../../src/core/config-storage';
import { fakeBrowser } from './helpers';
import { noisyConfig } from './noisy-config';

const LEGACY = '[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\n';
const OTHER = '[prod]\nrole_arn = arn:aws:iam::333333333333:role/Admin\n';

describe('legacy config.text', () => {
  it('moves to sync when it fits, and is removed', async () => {
    const browser = fakeBrowser();
    await browser.local.set({ 'config.text': LEGACY });
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text: LEGACY, stored: { area: 'sync' } });
    expect(browser.local.snapshot()['config.text']).toBeUndefined();
    expect(browser.sync.snapshot()[HEAD_KEY]).toBeDefined();
    // Only once: later reads find it in sync.
    const operations = browser.sync.operations.length;
    expect((await readConfig(browser, browser.clock)).text).toBe(LEGACY);
    expect(browser.sync.operations.slice(operations).every((op) => op.type === 'get')).toBe(true);
  });

  it('stays local, with the reason, when it is too large for sync', async () => {
    const browser = fakeBrowser();
    const text = noisyConfig(5000);
    await browser.local.set({ 'config.text': text });
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text, stored: { area: 'local', localReason: 'too-large' } });
    expect(browser.local.snapshot()['config.text']).toBeUndefined();
  });

  it('does not overwrite a configuration another browser already synced: it stays in force here, locally', async () => {
    const browser = fakeBrowser();
    const other = fakeBrowser('o');
    await writeConfig(other, other.clock, OTHER);
    await browser.sync.set(other.sync.snapshot());
    await browser.local.set({ 'config.text': LEGACY });
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text: LEGACY, stored: { area: 'local', localReason: 'kept-local' } });
    expect(browser.sync.snapshot()).toEqual(other.sync.snapshot());
    // Saving here then makes it follow the user.
    await writeConfig(browser, browser.clock, LEGACY);
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text: LEGACY, stored: { area: 'sync' } });
  });

  it('is dropped when it is the text already in sync', async () => {
    const browser = fakeBrowser();
    await writeConfig(browser, browser.clock, LEGACY);
    await browser.local.set({ 'config.text': LEGACY });
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text: LEGACY, stored: { area: 'sync' } });
    expect(browser.local.snapshot()['config.local']).toBeUndefined();
    expect(browser.local.snapshot()['config.text']).toBeUndefined();
  });

  it('is dropped when this version already saved a configuration here (that one is newer)', async () => {
    const browser = fakeBrowser();
    const large = noisyConfig(5000);
    await writeConfig(browser, browser.clock, large);
    await browser.local.set({ 'config.text': LEGACY });
    expect((await readConfig(browser, browser.clock)).text).toBe(large);
    expect(browser.local.snapshot()['config.text']).toBeUndefined();
  });
});
