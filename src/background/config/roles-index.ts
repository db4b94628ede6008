/**
 * The role list the popup shows, kept ready in storage.local so opening the popup needs neither the worker nor a
 * parse: one storage read. Only what the popup shows or searches, and never secrets: rebuilt whenever the configuration in force may
 * have changed (a save here, a sync from another browser, an install or update). The popup falls back to the
 * `roles.list` message when the index is missing or of another version.
 */
import type { ConfigModel } from '../../core/config/index';
import type { ConfigDiagnostic, RoleSummary } from '../../messages';
import { isInlineImage } from '../../core/config/values';
import { storeRolesIndex } from '../../platform/roles-index';
import { loadConfig } from './store';

export function toSummary(role: ConfigModel['roles'][number]): RoleSummary {
  return {
    profile: role.name,
    accountId: role.accountId,
    roleName: role.roleName,
    roleArn: role.roleArn,
    partition: role.partition,
    // Only the root, not the whole chain: every role carrying its chain grows the index with the depth squared.
    source: role.chain[0] ?? '',
    ...(role.accountAlias !== undefined && { accountAlias: role.accountAlias }),
    ...(role.region !== undefined && { region: role.region }),
    ...(role.color !== undefined && { color: role.color }),
    // Inline images only: the popup must fetch nothing a configuration names (src/core/config/checks.ts `image`).
    ...(role.image !== undefined && isInlineImage(role.image) && { image: role.image }),
    ...(role.group !== undefined && { group: role.group }),
  };
}

export function toDiagnostic(d: ConfigModel['diagnostics'][number]): ConfigDiagnostic {
  return { line: d.line, severity: d.severity, message: d.message, ...(d.profile !== undefined && { profile: d.profile }) };
}

/** Writes the index of a model already parsed; returns the summaries. */
export async function writeRolesIndex(model: ConfigModel): Promise<RoleSummary[]> {
  const roles = model.roles.map(toSummary);
  await storeRolesIndex(roles);
  return roles;
}

export async function rebuildRolesIndex(): Promise<void> {
  await writeRolesIndex(await loadConfig());
}
