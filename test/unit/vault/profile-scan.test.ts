/** The secret scan's own reader: it must find secrets hidden in Snappy-compressed LevelDB tables and in base64. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodings, scanProfile } from '../../e2e/support/profile-scan';
import { snappyDecompress, tableBlocks } from '../../e2e/support/leveldb-tables';

const SECRET = 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001';

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/** Snappy by hand: literals, except runs of one repeated byte, which become back-references (offset 1). */
function snappyWithCopies(input: Buffer): Buffer {
  const parts = [varint(input.length)];
  const literal = (bytes: Buffer) => {
    for (let i = 0; i < bytes.length; i += 60) {
      const chunk = bytes.subarray(i, i + 60);
      parts.push(Buffer.from([(chunk.length - 1) << 2]), chunk);
    }
  };
  let pos = 0;
  let pending = 0;
  while (pos < input.length) {
    let run = 1;
    while (input[pos + run] === input[pos] && run < 200) run++;
    if (run < 6) {
      pos += run;
      continue;
    }
    literal(input.subarray(pending, pos + 1));
    let left = run - 1;
    while (left > 0) {
      const len = left <= 11 ? left : Math.min(11, left - 4);
      parts.push(Buffer.from([((len - 4) << 2) | 1, 1]));
      left -= len;
    }
    pos += run;
    pending = pos;
  }
  literal(input.subarray(pending));
  return Buffer.concat(parts);
}

/** A one-entry block: key, value, one restart point. */
function block(key: string, value: Buffer): Buffer {
  const entry = Buffer.concat([varint(0), varint(key.length), varint(value.length), Buffer.from(key), value]);
  return Buffer.concat([entry, Buffer.from([0, 0, 0, 0, 1, 0, 0, 0])]);
}

function table(dataBlock: Buffer, compressed: boolean): Buffer {
  const trailer = (type: number) => Buffer.from([type, 0, 0, 0, 0]);
  const data = compressed ? snappyWithCopies(dataBlock) : dataBlock;
  const meta = Buffer.from([0, 0, 0, 0, 1, 0, 0, 0]);
  const metaOffset = data.length + 5;
  const handle = (offset: number, size: number) => Buffer.concat([varint(offset), varint(size)]);
  const index = block('k', handle(0, data.length));
  const indexOffset = metaOffset + meta.length + 5;
  const handles = Buffer.concat([handle(metaOffset, meta.length), handle(indexOffset, index.length)]);
  const footer = Buffer.concat([handles, Buffer.alloc(40 - handles.length), Buffer.from('57fb808b247547db', 'hex')]);
  return Buffer.concat([data, trailer(compressed ? 1 : 0), meta, trailer(0), index, trailer(0), footer]);
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the profile scan', () => {
  it('decompresses Snappy back-references', () => {
    const compressed = snappyWithCopies(Buffer.from(SECRET));
    expect(compressed.includes(Buffer.from(SECRET))).toBe(false);
    expect(snappyDecompress(compressed).toString()).toBe(SECRET);
  });

  it('finds a secret only visible in a decompressed LevelDB table', () => {
    const file = table(block('_chrome-extension://x\u0000\u0001vault', Buffer.from(`{"s":"${SECRET}"}`)), true);
    expect(file.includes(Buffer.from(SECRET))).toBe(false);
    expect(tableBlocks(file)?.some((b) => b.includes(Buffer.from(SECRET)))).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(join(dir, '000005.ldb'), file);
    writeFileSync(join(dir, 'plain.ldb'), table(block('k', Buffer.from('nothing here')), false));
    const result = scanProfile(dir, [{ label: 'secret', value: SECRET }]);
    expect(result.tables).toBe(2);
    expect(result.hits).toEqual([{ label: 'secret', form: 'raw', file: '000005.ldb' }]);
  });

  it('finds a secret inside larger base64 at any alignment, and URL-encoded', () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-'));
    for (const prefix of ['', 'a', 'ab']) writeFileSync(join(dir, `b64-${prefix.length}`), Buffer.from(`${prefix}${SECRET}tail`).toString('base64'));
    writeFileSync(join(dir, 'url'), `x?t=${encodeURIComponent(SECRET)}&y`);
    const files = scanProfile(dir, [{ label: 'secret', value: SECRET }]).hits.map((h) => h.file).sort();
    expect(files).toEqual(['b64-0', 'b64-1', 'b64-2', 'url']);
    expect(encodings(SECRET).map(([form]) => form)).toContain('utf16le');
  });
});
