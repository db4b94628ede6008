/** Chunking within QUOTA_BYTES_PER_ITEM, and reassembly that never accepts a partial or mixed generation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunkKey, decodeGeneration, encodeConfig, HEAD_KEY, itemBytes, joinChunks, parseHead, splitEncoded, SYNC_QUOTA, syncBytesOf,
  usageOf, type SyncItems,
} from '../../../src/core/config-storage';
import { bigConfig } from '../config/big-config';
import { noisyConfig } from './noisy-config';

const base64Text = fc.string({ unit: fc.constantFrom(...'ABCxyz019+/='.split('')), maxLength: 60_000 });
const gen = fc.stringMatching(/^[a-z0-9]{1,12}$/);

function snapshotOf(items: SyncItems): Record<string, unknown> {
  return { ...items.chunks, [HEAD_KEY]: items.head };
}

describe('splitEncoded', () => {
  it('keeps every item within 8,192 bytes, key and JSON quotes included, and loses nothing', () => {
    fc.assert(
      fc.property(base64Text, gen, (encoded, id) => {
        const items = splitEncoded(encoded, id);
        for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
        expect(Object.values(items).join('')).toBe(encoded);
        expect(Object.keys(items)).toEqual(Object.keys(items).map((_, index) => chunkKey(id, index)));
      }),
    );
  });

  it('fills each chunk but the last to the byte', () => {
    const items = Object.entries(splitEncoded('A'.repeat(50_000), 'g1'));
    expect(items.length).toBeGreaterThan(5);
    for (const [key, value] of items.slice(0, -1)) expect(itemBytes(key, value)).toBe(SYNC_QUOTA.bytesPerItem);
  });
});

describe('encodeConfig and decodeGeneration', () => {
  it('round-trip any text through chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 3000 }), gen, async (text, id) => {
        const items = await encodeConfig(text, id, 1);
        expect(await decodeGeneration(snapshotOf(items), items.head)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('count what they take of the quota the way Chrome does', async () => {
    const items = await encodeConfig(noisyConfig(400), 'g', 1);
    expect(items.head.chunks).toBeGreaterThan(1);
    expect(items.usage).toEqual(usageOf(snapshotOf(items)));
    expect(syncBytesOf(items.head)).toBe(items.usage.bytes);
  });

  it('puts 5,000 profiles in sync storage within the quota', async () => {
    const items = await encodeConfig(bigConfig(5000), 'g', 1);
    expect(items.usage.bytes).toBeLessThan(SYNC_QUOTA.bytes);
  });

  it('refuse a generation with a chunk missing, changed or from another generation', async () => {
    const items = await encodeConfig(noisyConfig(400), 'new', 1);
    const other = await encodeConfig(noisyConfig(400, 2), 'new', 1);
    const full = snapshotOf(items);
    const missing = { ...full };
    delete missing[chunkKey('new', 1)];
    const changed = { ...full, [chunkKey('new', 0)]: `${String(full[chunkKey('new', 0)]).slice(0, -4)}AAAA` };
    const mixed = { ...full, [chunkKey('new', 1)]: other.chunks[chunkKey('new', 1)] };
    for (const snapshot of [missing, changed, mixed]) {
      expect(joinChunks(snapshot, items.head)).toBeUndefined();
      expect(await decodeGeneration(snapshot, items.head)).toBeUndefined();
    }
  });
});

describe('parseHead', () => {
  it('accepts a header as written and refuses damaged or newer ones', async () => {
    const { head } = await encodeConfig('[a]\n', 'g', 5);
    expect(parseHead(JSON.parse(JSON.stringify(head)))).toEqual(head);
    for (const bad of [undefined, null, 'x', { ...head, v: 2 }, { ...head, chunks: -1 }, { ...head, gen: 3 }, { ...head, savedAt: '1' }]) {
      expect(parseHead(bad)).toBeUndefined();
    }
  });
});
