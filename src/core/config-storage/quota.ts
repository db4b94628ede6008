/**
 * Chrome's `storage.sync` quotas, which Firefox and Edge copy. How Chrome measures an item is what decides the
 * chunk size, so it is spelled out here (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync):
 * - QUOTA_BYTES 102,400: "the JSON stringification of every value plus every key's length", all items together;
 * - QUOTA_BYTES_PER_ITEM 8,192: "the JSON stringification of its value plus its key length", per item;
 * - MAX_ITEMS 512.
 * A `set` over any of them fails as a whole ("QUOTA_BYTES_PER_ITEM quota exceeded").
 * Write rates (MAX_WRITE_OPERATIONS_PER_MINUTE 120, per hour 1,800) count calls, not items: a save makes 3 calls.
 */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
} as const;

/**
 * Bytes kept free for the settings, which move to sync in a later issue: the configuration never fills the
 * whole area, so saving a setting cannot fail because a large configuration took every byte.
 */
export const SETTINGS_RESERVE_BYTES = 4_096;

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** An item's size as Chrome counts it: key bytes plus its value's JSON bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

export interface Usage {
  bytes: number;
  items: number;
}

export function usageOf(items: Record<string, unknown>): Usage {
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    bytes += itemBytes(key, value);
    count += 1;
  }
  return { bytes, items: count };
}
