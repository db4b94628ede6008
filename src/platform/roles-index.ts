/** The popup's ready-made role list (written by the background's roles-index.ts), read in one storage call. */
import browser from 'webextension-polyfill';
import type { RoleSummary } from '../messages';
import { readStored } from './storage';

/** Bumped whenever RoleSummary changes shape, so a popup never reads an index written by an older version. */
export const ROLES_INDEX_VERSION = 1;

export async function readRolesIndex(): Promise<RoleSummary[] | undefined> {
  const index = await readStored('roles.index');
  return index?.version === ROLES_INDEX_VERSION ? index.roles : undefined;
}

/** Calls back with the new list whenever the background rewrites the index. Returns the function that stops. */
export function onRolesIndexChanged(listener: (roles: RoleSummary[]) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    const change = areaName === 'local' ? changes['roles.index'] : undefined;
    const next = change?.newValue as { version?: number; roles?: RoleSummary[] } | undefined;
    if (next?.version === ROLES_INDEX_VERSION && next.roles) listener(next.roles);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
