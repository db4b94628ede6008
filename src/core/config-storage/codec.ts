/**
 * The configuration text ↔ a compact ASCII string for `storage.sync`: deflate-raw (the `CompressionStream`
 * of Chrome, Firefox and Node 20; no library) then base64. INI text of many similar profiles shrinks ~10×, so
 * thousands of profiles fit the 100 KB sync quota. Base64 (`A–Z a–z 0–9 + / =`) needs no JSON escaping: each
 * character is one byte of quota.
 */

export async function compressText(text: string): Promise<Uint8Array> {
  return drain(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')));
}

/** Throws on bytes that are not a complete deflate-raw stream (a chunk missing or changed). */
export async function decompressText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  // fatal: damaged data must fail, not turn into U+FFFD in someone's role names.
  return new TextDecoder('utf-8', { fatal: true }).decode(await drain(stream));
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * FNV-1a, 32 bits, as 8 hex digits: tells a complete generation from one whose chunks were mixed or cut while
 * arriving from another browser. Not a security check: sync storage is the user's own.
 */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
