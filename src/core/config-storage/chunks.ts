/**
 * The configuration in `storage.sync`: the encoded text cut into chunk items under a generation id, and one
 * header item naming the generation that is in force. A writer puts every chunk of a new generation first and
 * switches the header last, so a reader that finds the header's chunks complete has a whole configuration;
 * when they are not (another browser's save still arriving), `decodeGeneration` says so instead of guessing.
 */
import { fromBase64 } from '../base64';
import { checksum, decompressText } from './codec';
import { SYNC_QUOTA, itemBytes, usageOf, utf8Length, type Usage } from './quota';

export const HEAD_KEY = 'config.head';
const CHUNK_PREFIX = 'config.chunk.';

export interface SyncHead {
  v: 1;
  /** Generation id: chunk keys are `config.chunk.<gen>.<index>`. */
  gen: string;
  chunks: number;
  /** Characters of the encoded text, all chunks together. */
  length: number;
  checksum: string;
  /** UTF-8 bytes of the configuration text. */
  textBytes: number;
  /** Deflated bytes, before base64: the size shown to the user. */
  compressedBytes: number;
  /** Epoch ms of the save: between this and a configuration kept in `storage.local`, the newer wins. */
  savedAt: number;
}

export function chunkKey(gen: string, index: number): string {
  return `${CHUNK_PREFIX}${gen}.${index}`;
}

export function isChunkKey(key: string): boolean {
  return key.startsWith(CHUNK_PREFIX);
}

/** Every sync key this module owns: the header and the chunks of any generation. */
export function isSyncConfigKey(key: string): boolean {
  return key === HEAD_KEY || isChunkKey(key);
}

/** A header as stored, or undefined for anything else (damaged, or written by a newer version of the format). */
export function parseHead(value: unknown): SyncHead | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const head = value as Record<string, unknown>;
  const counts = ['chunks', 'length', 'textBytes', 'compressedBytes', 'savedAt'].every(
    (field) => Number.isSafeInteger(head[field]) && (head[field] as number) >= 0,
  );
  if (head.v !== 1 || typeof head.gen !== 'string' || typeof head.checksum !== 'string' || !counts) return undefined;
  return value as SyncHead;
}

/**
 * Cuts the encoded text into the fewest items that each stay within QUOTA_BYTES_PER_ITEM, key and JSON quotes
 * included. Base64 needs no escaping, so one character is one byte.
 */
export function splitEncoded(encoded: string, gen: string): Record<string, string> {
  const items: Record<string, string> = {};
  let offset = 0;
  for (let index = 0; offset < encoded.length || index === 0; index++) {
    const key = chunkKey(gen, index);
    const room = SYNC_QUOTA.bytesPerItem - utf8Length(key) - 2;
    items[key] = encoded.slice(offset, offset + room);
    offset += room;
  }
  return items;
}

export interface SyncItems {
  head: SyncHead;
  /** The chunks and the header, ready for one `set` (chunks) and another (header). */
  chunks: Record<string, string>;
  /** What the header and chunks take of the sync quota. */
  usage: Usage;
}

export function syncItems(encoded: string, head: Omit<SyncHead, 'v' | 'chunks' | 'length' | 'checksum'>): SyncItems {
  const chunks = splitEncoded(encoded, head.gen);
  const full: SyncHead = { v: 1, ...head, chunks: Object.keys(chunks).length, length: encoded.length, checksum: checksum(encoded) };
  const usage = usageOf(chunks);
  return { head: full, chunks, usage: { bytes: usage.bytes + itemBytes(HEAD_KEY, full), items: usage.items + 1 } };
}

/** What a generation takes of the sync quota: its chunks (keys, base64, JSON quotes) and its header. */
export function syncBytesOf(head: SyncHead): number {
  let bytes = head.length + itemBytes(HEAD_KEY, head);
  for (let index = 0; index < head.chunks; index++) bytes += utf8Length(chunkKey(head.gen, index)) + 2;
  return bytes;
}

/** The encoded text of the header's generation, or undefined when a chunk is missing, extra or changed. */
export function joinChunks(snapshot: Record<string, unknown>, head: SyncHead): string | undefined {
  let encoded = '';
  for (let index = 0; index < head.chunks; index++) {
    const chunk = snapshot[chunkKey(head.gen, index)];
    if (typeof chunk !== 'string') return undefined;
    encoded += chunk;
  }
  if (encoded.length !== head.length || checksum(encoded) !== head.checksum) return undefined;
  return encoded;
}

/** The text of the header's generation, or undefined when it is not (yet) complete. Never a partial text. */
export async function decodeGeneration(snapshot: Record<string, unknown>, head: SyncHead): Promise<string | undefined> {
  const encoded = joinChunks(snapshot, head);
  if (encoded === undefined) return undefined;
  try {
    const text = await decompressText(fromBase64(encoded));
    return utf8Length(text) === head.textBytes ? text : undefined;
  } catch {
    return undefined;
  }
}
