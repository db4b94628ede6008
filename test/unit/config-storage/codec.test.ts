/** Compression and encoding round trips: any text comes back exactly, damaged data fails instead of lying. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, compressText, decompressText, fromBase64, toBase64 } from '../../../src/core/config-storage';
import { bigConfig } from '../config/big-config';

describe('compressText and decompressText', () => {
  it('give back any text, Unicode included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 2000 }), async (text) => {
        expect(await decompressText(await compressText(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('shrink a large configuration about tenfold', async () => {
    const text = bigConfig(5000);
    const compressed = await compressText(text);
    expect(compressed.length).toBeLessThan(text.length / 8);
    expect(await decompressText(compressed)).toBe(text);
  });

  it('fail on a cut stream rather than return part of it', async () => {
    const compressed = await compressText(bigConfig(200));
    await expect(decompressText(compressed.subarray(0, Math.floor(compressed.length / 2)))).rejects.toThrow();
  });
});

describe('base64', () => {
  it('round-trips any bytes, with only characters JSON never escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const encoded = toBase64(bytes);
        expect(encoded).toMatch(/^[A-Za-z0-9+/=]*$/);
        expect(JSON.stringify(encoded)).toHaveLength(encoded.length + 2);
        expect(fromBase64(encoded)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });
});

describe('checksum', () => {
  it('is 8 hex digits and changes with a swapped pair of chunks', () => {
    expect(checksum('abcdef')).toMatch(/^[0-9a-f]{8}$/);
    expect(checksum('abc' + 'def')).not.toBe(checksum('def' + 'abc'));
  });
});
