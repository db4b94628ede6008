/**
 * A reader never sees half a configuration: not in this browser while a save is under way (a read between every
 * storage operation of the writer), nor in another browser while sync delivers the items in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfig, writeConfig } from '../../../src/background/config/sync-store';
import { bigConfig } from '../config/big-config';
import { deliver, fakeBrowser, interleave, recordChanges, type FakeBrowser } from './helpers';
import { noisyConfig } from './noisy-config';

const read = async (browser: FakeBrowser) => (await readConfig(browser, browser.clock)).text;

const CASES = [
  // Two generations fit side by side: new chunks, header, then old chunks removed.
  { name: 'room for both generations', old: bigConfig(300), next: bigConfig(900) },
  // ~64 KB each: the old chunks must go first, and readers use the local copy meanwhile.
  { name: 'no room for two generations', old: noisyConfig(2000, 1), next: noisyConfig(2000, 2) },
];

describe('in this browser, during a save', () => {
  for (const { name, old, next } of CASES) {
    it(`reads the old or the new text, never a mix (${name})`, async () => {
      const browser = fakeBrowser();
      await writeConfig(browser, browser.clock, old);
      const seen: string[] = [];
      const stop = interleave(browser, async () => void seen.push(await read(browser)));
      await writeConfig(browser, browser.clock, next);
      stop();
      expect(seen.length).toBeGreaterThanOrEqual(4);
      for (const text of seen) expect([old, next]).toContain(text);
      expect(seen).toContain(old);
      expect(await read(browser)).toBe(next);
    });
  }

  it('reads the old or the new text with no local copy to fall back on (room for both generations)', async () => {
    const browser = fakeBrowser();
    const { old, next } = CASES[0]!;
    await writeConfig(browser, browser.clock, old);
    await browser.local.clear();
    const seen: string[] = [];
    const stop = interleave(browser, async () => {
      await browser.local.remove('config.syncCopy');
      seen.push(await read(browser));
    });
    await writeConfig(browser, browser.clock, next);
    stop();
    // A loop over nothing would prove nothing: the reader ran between the writer's steps, and saw both sides.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const text of seen) expect([old, next]).toContain(text);
    expect(seen).toContain(old);
    expect(seen).toContain(next);
  });
});

describe('in another browser, while sync delivers a save', () => {
  for (const { name, old, next } of CASES) {
    it(`reads the old or the new text whatever the order of arrival (${name})`, async () => {
      const writer = fakeBrowser('w');
      await writeConfig(writer, writer.clock, old);
      const first = writer.sync.snapshot();
      const recording = recordChanges(writer.sync);
      await writeConfig(writer, writer.clock, next);
      recording.stop();
      // The new chunks and the header at least: an empty recording would make the property below vacuous.
      expect(recording.changes.length).toBeGreaterThanOrEqual(2);
      expect(recording.changes.map((change) => change.key)).toContain('config.head');

      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(recording.changes, { minLength: recording.changes.length }), async (order) => {
          // The receiving side applies what sync brings: no quota check on the way in.
          const reader = fakeBrowser('r', null);
          await reader.sync.set(first);
          expect(await read(reader)).toBe(old);
          expect(order).toHaveLength(recording.changes.length);
          for (const change of order) {
            await deliver(reader.sync, change);
            expect([old, next]).toContain(await read(reader));
          }
          expect(await readConfig(reader, reader.clock)).toMatchObject({ text: next, stored: { area: 'sync' } });
        }),
        { numRuns: 25 },
      );
    });
  }

  it('says a newer configuration is arriving while it is incomplete', async () => {
    const writer = fakeBrowser('w');
    await writeConfig(writer, writer.clock, bigConfig(10));
    const reader = fakeBrowser('r', null);
    await reader.sync.set(writer.sync.snapshot());
    await read(reader);
    const recording = recordChanges(writer.sync);
    await writeConfig(writer, writer.clock, noisyConfig(600));
    recording.stop();
    const head = recording.changes.find((change) => change.key === 'config.head');
    await deliver(reader.sync, head!);
    expect(await readConfig(reader, reader.clock)).toMatchObject({ text: bigConfig(10), stored: { area: 'sync', arriving: true } });
  });
});
