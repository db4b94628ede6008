/** A configuration text made ready for `storage.sync`: compressed, encoded, cut into items under a new generation. */
import { syncItems, type SyncItems } from './chunks';
import { toBase64 } from '../base64';
import { compressText } from './codec';
import { utf8Length } from './quota';

export async function encodeConfig(text: string, gen: string, savedAt: number): Promise<SyncItems> {
  const compressed = await compressText(text);
  return syncItems(toBase64(compressed), { gen, textBytes: utf8Length(text), compressedBytes: compressed.length, savedAt });
}
