/**
 * The popup's ready-made role list, written by the background (background/roles-index.ts) as one JSON string with
 * a stamp that changes on every write. The stamp also has a key of its own, written in the same `set` call, so a
 * popup that already holds this index (its opening mirror: opening-mirror.ts) can check it with a tiny read.
 */
import browser from 'webextension-polyfill';
import type { RoleSummary } from '../messages';
import type { StoredValues } from './storage';

/** Bumped whenever RoleSummary changes shape, so a popup never reads an index written by an older version. */
export const ROLES_INDEX_VERSION = 5;

export type StoredRolesIndex = StoredValues['roles.index'];

export async function storeRolesIndex(roles: readonly RoleSummary[]): Promise<void> {
  const stamp = crypto.randomUUID();
  // One JSON string, not an array of objects: the browser hands a string back far faster than 10,000 objects.
  const index: StoredRolesIndex = { version: ROLES_INDEX_VERSION, stamp, json: JSON.stringify(roles) };
  await browser.storage.local.set({ 'roles.index': index, 'roles.indexStamp': stamp } satisfies Partial<StoredValues>);
}

/** The roles in a stored index, or undefined when it is missing, damaged or from another version. */
export function parseIndex(index: { version?: unknown; json?: unknown } | undefined): RoleSummary[] | undefined {
  if (index?.version !== ROLES_INDEX_VERSION || typeof index.json !== 'string') return undefined;
  return parseRolesJson(index.json);
}

export function parseRolesJson(json: string): RoleSummary[] | undefined {
  try {
    const roles: unknown = JSON.parse(json);
    return Array.isArray(roles) ? (roles as RoleSummary[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Calls back with the new index whenever the background rewrites it. Returns the function that stops. */
export function onRolesIndexChanged(listener: (index: StoredRolesIndex, roles: RoleSummary[]) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    const index = (areaName === 'local' ? changes['roles.index']?.newValue : undefined) as StoredRolesIndex | undefined;
    const roles = parseIndex(index);
    if (index && roles) listener(index, roles);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
