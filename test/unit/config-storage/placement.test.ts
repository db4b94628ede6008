/** The total rule: sync when the configuration fits beside the other sync items and the settings reserve. */
import { describe, expect, it } from 'vitest';
import {
  chunkKey, encodeConfig, HEAD_KEY, placeConfig, SETTINGS_RESERVE_BYTES, SYNC_QUOTA, type SyncItems,
} from '../../../src/core/config-storage';
import { bigConfig } from '../config/big-config';
import { noisyConfig } from './noisy-config';

/** Other sync items (settings, another extension version's keys) of about `bytes` bytes. */
function filler(bytes: number, prefix = 'settings.'): Record<string, string> {
  const items: Record<string, string> = {};
  for (let i = 0; bytes > 0; i++) {
    const key = `${prefix}${i}`;
    const size = Math.min(bytes, 8000);
    items[key] = 'x'.repeat(Math.max(size - key.length - 2, 0));
    bytes -= size;
  }
  return items;
}

function current(items: SyncItems): Record<string, unknown> {
  return { ...items.chunks, [HEAD_KEY]: items.head };
}

describe('placeConfig', () => {
  it('puts a configuration that fits into sync, atomically when there is room for two generations', async () => {
    const next = await encodeConfig(bigConfig(300), 'new', 2);
    expect(placeConfig(next, {})).toEqual({ area: 'sync', atomic: true, stale: [] });
    const old = await encodeConfig(bigConfig(200), 'old', 1);
    expect(placeConfig(next, current(old))).toEqual({ area: 'sync', atomic: true, stale: Object.keys(old.chunks) });
  });

  it('sends 5,000 noisy profiles to local storage: too large even compressed', async () => {
    const next = await encodeConfig(noisyConfig(5000), 'new', 1);
    expect(next.usage.bytes).toBeGreaterThan(SYNC_QUOTA.bytes);
    expect(placeConfig(next, {})).toEqual({ area: 'local', reason: 'too-large' });
  });

  it('counts the other sync items and the settings reserve against the total', async () => {
    const next = await encodeConfig(noisyConfig(600), 'new', 1);
    const room = SYNC_QUOTA.bytes - SETTINGS_RESERVE_BYTES - next.usage.bytes;
    expect(placeConfig(next, filler(room)).area).toBe('sync');
    expect(placeConfig(next, filler(room + 1)).area).toBe('local');
  });

  it('writes in place (old chunks first) when two generations do not fit at once', async () => {
    const old = await encodeConfig(noisyConfig(2000, 1), 'old', 1);
    const next = await encodeConfig(noisyConfig(2000, 2), 'new', 2);
    const stale = { ...current(old), [chunkKey('crashed', 0)]: 'AAAA' };
    expect(placeConfig(next, stale)).toEqual({ area: 'sync', atomic: false, stale: [...Object.keys(old.chunks), chunkKey('crashed', 0)] });
  });

  it('respects MAX_ITEMS', async () => {
    const next = await encodeConfig(noisyConfig(100), 'new', 1);
    const many = Object.fromEntries(Array.from({ length: SYNC_QUOTA.maxItems - next.usage.items + 1 }, (_, i) => [`s${i}`, 1]));
    expect(placeConfig(next, many).area).toBe('local');
  });
});
