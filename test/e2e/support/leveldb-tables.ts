/**
 * Reads the data blocks of a LevelDB table file (`.ldb`/`.sst`), decompressed, so the secret scan also sees
 * values that compaction wrote Snappy-compressed (a compressed secret would not match a byte search).
 * Format: https://github.com/google/leveldb/blob/main/doc/table_format.md
 * Snappy:  https://github.com/google/snappy/blob/main/format_description.txt
 */

const FOOTER_BYTES = 48;
const MAGIC = 0xdb4775248b80fb57n;

interface Handle {
  offset: number;
  size: number;
}

function varint(buf: Buffer, start: number): [number, number] {
  let value = 0;
  let shift = 0;
  let pos = start;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

function handleAt(buf: Buffer, pos: number): [Handle, number] {
  const [offset, next] = varint(buf, pos);
  const [size, end] = varint(buf, next);
  return [{ offset, size }, end];
}

export function snappyDecompress(input: Buffer): Buffer {
  const [length, start] = varint(input, 0);
  const out = Buffer.alloc(length);
  let pos = start;
  let o = 0;
  while (pos < input.length) {
    const tag = input[pos++] ?? 0;
    const kind = tag & 3;
    if (kind === 0) {
      let n = tag >> 2;
      if (n >= 60) {
        const bytes = n - 59;
        n = input.readUIntLE(pos, bytes);
        pos += bytes;
      }
      n += 1;
      input.copy(out, o, pos, pos + n);
      pos += n;
      o += n;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | (input[pos++] ?? 0);
    } else if (kind === 2) {
      len = (tag >> 2) + 1;
      offset = input.readUInt16LE(pos);
      pos += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = input.readUInt32LE(pos);
      pos += 4;
    }
    if (offset === 0 || offset > o) throw new Error('bad snappy copy');
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset] ?? 0;
  }
  if (o !== length) throw new Error('snappy length mismatch');
  return out;
}

/** One block's contents; throws for a compression this reader does not know (the scan must not skip it). */
function readBlock(file: Buffer, handle: Handle): Buffer {
  const contents = file.subarray(handle.offset, handle.offset + handle.size);
  const type = file[handle.offset + handle.size];
  if (type === 0) return contents;
  if (type === 1) return snappyDecompress(contents);
  throw new Error(`LevelDB block compression ${String(type)} is not supported by the secret scan`);
}

/** Every block of the table (data, index, meta), decompressed. Undefined when the file is not a table. */
export function tableBlocks(file: Buffer): Buffer[] | undefined {
  if (file.length < FOOTER_BYTES || file.readBigUInt64LE(file.length - 8) !== MAGIC) return undefined;
  const footer = file.subarray(file.length - FOOTER_BYTES);
  const [metaHandle, next] = handleAt(footer, 0);
  const [indexHandle] = handleAt(footer, next);
  const index = readBlock(file, indexHandle);
  const blocks = [index, readBlock(file, metaHandle)];
  const restarts = index.readUInt32LE(index.length - 4);
  const end = index.length - 4 - 4 * restarts;
  let pos = 0;
  while (pos < end) {
    const [, afterShared] = varint(index, pos);
    const [nonShared, afterNonShared] = varint(index, afterShared);
    const [valueLength, afterValueLength] = varint(index, afterNonShared);
    const valueStart = afterValueLength + nonShared;
    blocks.push(readBlock(file, handleAt(index, valueStart)[0]));
    pos = valueStart + valueLength;
  }
  return blocks;
}
