/** The configuration store over fake sync and local areas: placement, reading back, and the generation rules. */
import { describe, expect, it } from 'vitest';
import { readConfig, writeConfig } from '../../../src/background/config/sync-store';
import { HEAD_KEY, isChunkKey, itemBytes, SYNC_QUOTA } from '../../../src/core/config-storage';
import { bigConfig } from '../config/big-config';
import { fakeBrowser, type FakeBrowser } from './helpers';
import { noisyConfig } from './noisy-config';

const SMALL = '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n';

const read = async (browser: FakeBrowser) => (await readConfig(browser, browser.clock)).text;
const chunkKeys = (browser: FakeBrowser) => Object.keys(browser.sync.snapshot()).filter(isChunkKey);

function expectWithinQuota(browser: FakeBrowser): void {
  const items = browser.sync.snapshot();
  for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
  expect(browser.sync.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
}

describe('writeConfig and readConfig', () => {
  it('start with nothing saved', async () => {
    const browser = fakeBrowser();
    expect(await readConfig(browser, browser.clock)).toEqual({ text: '', stored: expect.objectContaining({ area: 'none' }) as unknown });
  });

  it('put a small configuration in sync and read it back', async () => {
    const browser = fakeBrowser();
    const stored = await writeConfig(browser, browser.clock, SMALL);
    expect(stored).toMatchObject({ area: 'sync', textBytes: SMALL.length });
    expect(await readConfig(browser, browser.clock)).toEqual({ text: SMALL, stored });
    expect(browser.sync.snapshot()[HEAD_KEY]).toMatchObject({ v: 1, chunks: 1 });
    expectWithinQuota(browser);
  });

  it('put 5,000 profiles in sync, every item within 8,192 bytes', async () => {
    const browser = fakeBrowser();
    const text = bigConfig(5000);
    const stored = await writeConfig(browser, browser.clock, text);
    expect(stored.area).toBe('sync');
    expect(stored.syncBytes).toBeLessThan(stored.syncLimitBytes);
    expect(chunkKeys(browser).length).toBeGreaterThan(1);
    expectWithinQuota(browser);
    // A second browser with only the sync items (no local copy) inflates it back.
    const other = fakeBrowser('b');
    await other.sync.set(browser.sync.snapshot());
    expect(await read(other)).toBe(text);
  });

  it('keep a configuration too large for sync in local storage, and say so', async () => {
    const browser = fakeBrowser();
    const text = noisyConfig(5000);
    const stored = await writeConfig(browser, browser.clock, text);
    expect(stored).toMatchObject({ area: 'local', localReason: 'too-large', textBytes: new TextEncoder().encode(text).length });
    expect(stored.syncBytes).toBeGreaterThan(SYNC_QUOTA.bytes);
    expect(browser.sync.snapshot()).toEqual({});
    expect(await readConfig(browser, browser.clock)).toEqual({ text, stored });
  });

  it('move back to sync, and drop the local copy, when a later save fits', async () => {
    const browser = fakeBrowser();
    await writeConfig(browser, browser.clock, noisyConfig(5000));
    await writeConfig(browser, browser.clock, SMALL);
    expect(browser.local.snapshot()['config.local']).toBeUndefined();
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text: SMALL, stored: { area: 'sync' } });
  });

  it('leave one generation behind after many saves', async () => {
    const browser = fakeBrowser();
    for (let i = 0; i < 12; i++) await writeConfig(browser, browser.clock, noisyConfig(300 + i * 150, i));
    const head = browser.sync.snapshot()[HEAD_KEY] as { gen: string; chunks: number };
    expect(chunkKeys(browser)).toHaveLength(head.chunks);
    expect(chunkKeys(browser).every((key) => key.startsWith(`config.chunk.${head.gen}.`))).toBe(true);
    expect(await read(browser)).toBe(noisyConfig(300 + 11 * 150, 11));
  });

  it('count other sync items against the quota', async () => {
    const browser = fakeBrowser();
    const settings = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`settings.${i}`, 'x'.repeat(8000)]));
    await browser.sync.set(settings);
    const stored = await writeConfig(browser, browser.clock, noisyConfig(1000));
    expect(stored).toMatchObject({ area: 'local', localReason: 'too-large' });
    expect(browser.sync.snapshot()).toEqual(settings);
  });
});

describe('when sync storage fails', () => {
  it('keeps the text locally and leaves no chunk behind', async () => {
    const browser = fakeBrowser();
    await writeConfig(browser, browser.clock, SMALL);
    browser.sync.failWith = (op) => (op.type === 'set' && op.keys.includes(HEAD_KEY) ? new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded') : undefined);
    const text = bigConfig(400);
    expect(await writeConfig(browser, browser.clock, text)).toMatchObject({ area: 'local', localReason: 'sync-failed' });
    browser.sync.failWith = undefined;
    expect(await read(browser)).toBe(text);
    expect(chunkKeys(browser)).toHaveLength(1); // the previous generation only
  });

  it('works from local storage alone when sync cannot even be read', async () => {
    const browser = fakeBrowser();
    browser.sync.failWith = () => new Error('storage.sync is not available');
    expect(await writeConfig(browser, browser.clock, SMALL)).toMatchObject({ area: 'local', localReason: 'sync-failed' });
    expect(await read(browser)).toBe(SMALL);
  });

  it('clears what an interrupted save left behind at the next save', async () => {
    const browser = fakeBrowser();
    await browser.sync.set({ 'config.chunk.crashed.0': 'AAAA', 'config.chunk.crashed.1': 'BBBB' });
    await writeConfig(browser, browser.clock, SMALL);
    expect(chunkKeys(browser).some((key) => key.includes('crashed'))).toBe(false);
  });
});

describe('between a synced and a local configuration', () => {
  it('the newer save wins, whichever area it is in', async () => {
    const here = fakeBrowser('h');
    await writeConfig(here, here.clock, SMALL); // older, in sync
    const large = noisyConfig(5000);
    await writeConfig(here, here.clock, large); // newer, local
    expect(await read(here)).toBe(large);

    // Another browser saves later, into sync: it arrives here and takes over.
    const there = fakeBrowser('t');
    const later = bigConfig(50);
    await writeConfig(there, there.clock, later);
    await here.sync.clear();
    await here.sync.set(there.sync.snapshot());
    expect(await readConfig(here, here.clock)).toMatchObject({ text: later, stored: { area: 'sync' } });
  });
});

describe('readConfig, read again', () => {
  const syncCopyReads = (browser: FakeBrowser) =>
    browser.local.operations.filter((op) => op.type === 'get' && op.keys !== null && [op.keys].flat().includes('config.syncCopy')).length;

  it('takes the generation it read last from memory: the whole text is not read from storage.local again', async () => {
    const browser = fakeBrowser();
    const text = bigConfig(300);
    await writeConfig(browser, browser.clock, text);
    expect(await read(browser)).toBe(text);
    const before = syncCopyReads(browser);
    expect(await read(browser)).toBe(text);
    expect(await read(browser)).toBe(text);
    expect(syncCopyReads(browser)).toBe(before);
  });

  it('reads a new generation afresh: a save here, or another browser\u2019s arriving, is never hidden by the last read', async () => {
    const browser = fakeBrowser();
    await writeConfig(browser, browser.clock, SMALL);
    expect(await read(browser)).toBe(SMALL);
    const next = `${SMALL}[dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\n`;
    await writeConfig(browser, browser.clock, next);
    expect(await read(browser)).toBe(next);
    // Another browser's save: its items arrive in sync; this browser's copy in storage.local is of the old text.
    const other = fakeBrowser('b');
    const theirs = `${SMALL}[audit]\nrole_arn = arn:aws:iam::123456789012:role/Audit\n`;
    await writeConfig(other, other.clock, theirs);
    await browser.sync.clear();
    await browser.sync.set(other.sync.snapshot());
    expect(await read(browser)).toBe(theirs);
  });

  const wholeLocalReads = (browser: FakeBrowser) =>
    browser.local.operations.filter((op) => op.type === 'get' && op.keys !== null && [op.keys].flat().includes('config.local')).length;
  const stampOf = (browser: FakeBrowser) => browser.local.snapshot()['config.localStamp'];

  it('takes the local configuration it read last from memory: a text too large for sync is not read whole again', async () => {
    const browser = fakeBrowser();
    const text = noisyConfig(5000);
    expect(await writeConfig(browser, browser.clock, text)).toMatchObject({ area: 'local' });
    expect(await read(browser)).toBe(text);
    const before = wholeLocalReads(browser);
    expect(await read(browser)).toBe(text);
    expect(await readConfig(browser, browser.clock)).toMatchObject({ text, stored: { area: 'local', textBytes: new TextEncoder().encode(text).length } });
    expect(wholeLocalReads(browser)).toBe(before);
  });

  it('gives a local configuration stored by an earlier version (no stamp) a stamp at its first read, and reads it from memory after', async () => {
    const browser = fakeBrowser();
    const text = noisyConfig(5000);
    await browser.local.set({ 'config.local': { text, savedAt: 1, reason: 'too-large', syncBytes: 200_000 } });
    expect(await read(browser)).toBe(text);
    expect(typeof stampOf(browser)).toBe('string');
    expect(await read(browser)).toBe(text);
    const before = wholeLocalReads(browser);
    expect(await read(browser)).toBe(text);
    expect(wholeLocalReads(browser)).toBe(before);
  });

  it('reads the local configuration afresh once its stamp changed or it is gone: another write is never hidden', async () => {
    const browser = fakeBrowser();
    const text = noisyConfig(5000);
    await writeConfig(browser, browser.clock, text);
    const first = stampOf(browser);
    expect(await read(browser)).toBe(text);
    // A later save that stays local too: a new stamp, and the new text.
    const next = noisyConfig(5000, 2);
    expect(await writeConfig(browser, browser.clock, next)).toMatchObject({ area: 'local' });
    expect(stampOf(browser)).not.toBe(first);
    expect(await read(browser)).toBe(next);
    // Written by another lifetime of the worker, as this module writes it: the text and a new stamp in one call.
    const stored = browser.local.snapshot()['config.local'] as { savedAt: number };
    await browser.local.set({ 'config.local': { ...stored, text: SMALL, savedAt: stored.savedAt + 1 }, 'config.localStamp': 'another-write' });
    expect(await read(browser)).toBe(SMALL);
    // A save that fits sync removes the local text and its stamp together.
    const small = `${SMALL}[dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\n`;
    expect(await writeConfig(browser, browser.clock, small)).toMatchObject({ area: 'sync' });
    expect(Object.keys(browser.local.snapshot()).filter((key) => key.startsWith('config.local'))).toEqual([]);
    expect(await read(browser)).toBe(small);
  });
});
