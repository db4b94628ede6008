/**
 * Every stored key, declared once with its area, type and lifetime.
 * `session` is memory only (gone when the browser closes) and, by default, closed to content scripts: it is the
 * only area that may hold secrets. Never call `storage.session.setAccessLevel` to widen it.
 */
import browser from 'webextension-polyfill';

export interface LongTermKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface StoredValues {
  /** The configuration INI text as the user wrote it. Not secret. */
  'config.text': string;
  /** Access keys per source profile, for this browser session only. Secret: session area only. */
  'keys.sources': Record<string, LongTermKeys>;
}

export type StoredKey = keyof StoredValues;
type Area = 'local' | 'session' | 'sync';

interface KeyDefinition {
  area: Area;
  /** When it is cleared, and one line why it lives there. */
  lifetime: string;
}

export const STORAGE_KEYS: Record<StoredKey, KeyDefinition> = {
  'config.text': { area: 'local', lifetime: 'until the user changes it; the configuration issue moves it to sync' },
  'keys.sources': { area: 'session', lifetime: 'browser close; secrets never touch disk' },
};

function area(key: StoredKey): browser.Storage.StorageArea {
  return browser.storage[STORAGE_KEYS[key].area];
}

export async function readStored<K extends StoredKey>(key: K): Promise<StoredValues[K] | undefined> {
  const values = await area(key).get(key);
  return values[key] as StoredValues[K] | undefined;
}

export async function writeStored<K extends StoredKey>(key: K, value: StoredValues[K]): Promise<void> {
  await area(key).set({ [key]: value });
}

export async function removeStored(key: StoredKey): Promise<void> {
  await area(key).remove(key);
}
