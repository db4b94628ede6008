/**
 * The part of a `browser.storage` area that the stores use, as a type only: the background passes the real areas,
 * unit tests an in-memory fake (test/unit/fakes/storage-area.ts). No `webextension-polyfill` import here, since it
 * throws outside an extension.
 */
export interface StorageAreaLike {
  /** `null`: every item, read as one snapshot (Chrome runs an area's operations one at a time, in order). */
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  /** All or nothing: a `set` over a quota fails as a whole. */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** One entry of a `storage.onChanged` event. */
export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}
