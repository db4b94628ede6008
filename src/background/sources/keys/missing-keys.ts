/**
 * Which key sources have no keys in the vault, so the popup marks the roles that start from them before anyone
 * clicks (issue 14) rather than letting a click find out. Names only, never a key or an id. A locked vault says
 * nothing (null): it may hold them, and nothing is read without the passphrase; so does a vault that cannot be read.
 */
import type { ConfigModel } from '../../../core/config/index';
import { loadConfig } from '../../config/store';
import type { HandlerMap } from '../../handler-map';
import { readEntries, vaultStatus } from '../../vault/vault';

export const missingKeyHandlers: HandlerMap<'keys.missing'> = {
  'keys.missing': async () => ({ sources: await missingKeySources(await loadConfig()) }),
};

export async function missingKeySources(model: ConfigModel): Promise<string[] | null> {
  try {
    const status = await vaultStatus();
    if (status.initialized && status.locked) return null;
    // Asking is not a use: a popup opening must not keep the vault open.
    const entries = status.initialized ? await readEntries('automatic') : {};
    if (!entries) return null;
    return keyRoots(model).filter((source) => !Object.hasOwn(entries, source));
  } catch {
    return null;
  }
}

/**
 * The roots of the roles' chains whose first credentials are keys: every root but an IAM Identity Center profile
 * (its sign-in needs no keys). `default` counts, with or without a section (its keys are in the vault).
 */
export function keyRoots(model: ConfigModel): string[] {
  const identityCenter = new Set(model.sources.filter((source) => source.kind === 'sso').map((source) => source.name));
  const roots = new Set<string>();
  for (const role of model.roles) {
    const root = role.chain[0];
    if (root !== undefined && role.identityCenter === undefined && !identityCenter.has(root)) roots.add(root);
  }
  return [...roots].sort();
}
