/** The popup's ready-made role list (written by the background's roles-index.ts), read in one storage call. */
import browser from 'webextension-polyfill';
import type { RoleSummary } from '../messages';
import { readStored } from './storage';

/** Bumped whenever RoleSummary changes shape, so a popup never reads an index written by an older version. */
export const ROLES_INDEX_VERSION = 1;

export async function readRolesIndex(): Promise<RoleSummary[] | undefined> {
  return parseIndex(await readStored('roles.index'));
}

function parseIndex(index: { version?: unknown; json?: unknown } | undefined): RoleSummary[] | undefined {
  if (index?.version !== ROLES_INDEX_VERSION || typeof index.json !== 'string') return undefined;
  try {
    const roles: unknown = JSON.parse(index.json);
    return Array.isArray(roles) ? (roles as RoleSummary[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Calls back with the new list whenever the background rewrites the index. Returns the function that stops. */
export function onRolesIndexChanged(listener: (roles: RoleSummary[]) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    const change = areaName === 'local' ? changes['roles.index'] : undefined;
    const roles = parseIndex(change?.newValue as { version?: unknown; json?: unknown } | undefined);
    if (roles) listener(roles);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
