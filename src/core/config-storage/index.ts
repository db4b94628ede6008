/** The configuration text in browser storage: compression, chunking within the sync quotas, and placement. Pure. */
export { fromBase64, toBase64 } from '../base64';
export { checksum, compressText, decompressText } from './codec';
export {
  chunkKey, decodeGeneration, HEAD_KEY, isChunkKey, isSyncConfigKey, joinChunks, parseHead, splitEncoded, syncBytesOf, syncItems,
  type SyncHead, type SyncItems,
} from './chunks';
export { placeConfig, type Placement } from './placement';
export { itemBytes, SETTINGS_RESERVE_BYTES, SYNC_QUOTA, usageOf, utf8Length, type Usage } from './quota';
export { encodeConfig } from './encode';
