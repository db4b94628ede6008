/**
 * An in-memory `browser.storage` area for unit tests, generic over what is stored. Like Chrome's:
 * - values are kept as JSON (what you get back is a copy, never the object you set);
 * - each operation is atomic and they run one at a time, in call order; `get(null)` is a snapshot;
 * - a `set` over a quota fails as a whole, with Chrome's messages ("QUOTA_BYTES quota exceeded");
 * - `onChanged` fires with `{ oldValue, newValue }` for the keys whose value changed.
 * Hooks let a test run other work before an operation (`beforeOperation`, e.g. a reader between a writer's steps)
 * or make one fail (`failWith`).
 */
import type { StorageAreaLike, StorageChangeLike } from '../../../src/platform/storage-area';

export interface AreaQuota {
  bytes: number;
  bytesPerItem: number;
  maxItems: number;
}

/** chrome.storage.sync's quotas (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync). */
export const CHROME_SYNC_QUOTA: AreaQuota = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512 };

export type Operation = { type: 'get'; keys: null | string | string[] } | { type: 'set'; keys: string[] } | { type: 'remove'; keys: string[] };
export type ChangeListener = (changes: Record<string, StorageChangeLike>, areaName: string) => void;

export class FakeStorageArea implements StorageAreaLike {
  readonly operations: Operation[] = [];
  /** Runs (and is awaited) before each operation takes effect. */
  beforeOperation: ((operation: Operation) => void | Promise<void>) | undefined;
  /** Returns an error to fail that operation with, leaving the area unchanged. */
  failWith: ((operation: Operation) => Error | undefined) | undefined;
  private readonly items = new Map<string, string>();
  private readonly listeners = new Set<ChangeListener>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly name: string, readonly quota?: AreaQuota) {}

  get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    return this.run({ type: 'get', keys: keys ?? null }, () => {
      const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
      const result: Record<string, unknown> = {};
      for (const key of wanted) {
        const json = this.items.get(key);
        if (json !== undefined) result[key] = JSON.parse(json);
      }
      return result;
    });
  }

  set(items: Record<string, unknown>): Promise<void> {
    return this.run({ type: 'set', keys: Object.keys(items) }, () => {
      const next = new Map(this.items);
      for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
      this.checkQuota(next, Object.keys(items));
      this.commit(next);
    });
  }

  remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    return this.run({ type: 'remove', keys: list }, () => {
      const next = new Map(this.items);
      for (const key of list) next.delete(key);
      this.commit(next);
    });
  }

  clear(): Promise<void> {
    return this.remove([...this.items.keys()]);
  }

  /** Bytes as Chrome counts them: key plus JSON value, per item. */
  bytesInUse(): number {
    let total = 0;
    for (const [key, json] of this.items) total += byteLength(key) + byteLength(json);
    return total;
  }

  /** The stored items, synchronously, for assertions. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.items].map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  readonly onChanged = {
    addListener: (listener: ChangeListener) => void this.listeners.add(listener),
    removeListener: (listener: ChangeListener) => void this.listeners.delete(listener),
  };

  private async run<T>(operation: Operation, body: () => T): Promise<T> {
    // Outside the queue, so the hook may itself use this area (a reader running between a writer's steps).
    await this.beforeOperation?.(operation);
    const result = this.queue.then(() => {
      this.operations.push(operation);
      const error = this.failWith?.(operation);
      if (error) throw error;
      return body();
    });
    this.queue = result.catch(() => undefined);
    return await result;
  }

  private checkQuota(next: Map<string, string>, written: string[]): void {
    if (!this.quota) return;
    for (const key of written) {
      if (byteLength(key) + byteLength(next.get(key) ?? '') > this.quota.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    let total = 0;
    for (const [key, json] of next) total += byteLength(key) + byteLength(json);
    if (total > this.quota.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > this.quota.maxItems) throw new Error('MAX_ITEMS quota exceeded');
  }

  private commit(next: Map<string, string>): void {
    const changes: Record<string, StorageChangeLike> = {};
    for (const key of new Set([...this.items.keys(), ...next.keys()])) {
      const before = this.items.get(key);
      const after = next.get(key);
      if (before === after) continue;
      changes[key] = {
        ...(before !== undefined && { oldValue: JSON.parse(before) as unknown }),
        ...(after !== undefined && { newValue: JSON.parse(after) as unknown }),
      };
    }
    this.items.clear();
    for (const [key, json] of next) this.items.set(key, json);
    if (Object.keys(changes).length > 0) for (const listener of this.listeners) listener(changes, this.name);
  }
}

/**
 * The areas of one browser, sync with Chrome's quotas. `managed` is the organisation's policy: read-only for the
 * extension, so tests write it directly, as an administrator's policy would arrive.
 */
export function fakeStorage(): { local: FakeStorageArea; sync: FakeStorageArea; session: FakeStorageArea; managed: FakeStorageArea } {
  return {
    local: new FakeStorageArea('local'), sync: new FakeStorageArea('sync', CHROME_SYNC_QUOTA), session: new FakeStorageArea('session'),
    managed: new FakeStorageArea('managed'),
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
