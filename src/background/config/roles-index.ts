/**
 * The role list the popup shows, kept ready in storage.local so opening the popup needs neither the worker nor a
 * parse: one storage read. Only what the popup shows or searches, and never secrets: rebuilt whenever the configuration in force may
 * have changed (a save here, a sync from another browser, an install or update). The popup falls back to the
 * `roles.list` message when the index is missing or of another version.
 * Profiles skipped for their errors are in it too, in text order among the roles, with their first error only.
 * The read-only layers (the organisation's, the subscription) come first, each in its own text's order, then the
 * person's own profiles: each layer's profiles carry its group, so the popup lists them as one group.
 */
import { aliasHops, type ConfigModel, type LayerId, type SkippedProfile } from '../../core/config/index';
import type { ConfigDiagnostic, RoleSummary } from '../../messages';
import { isInlineImage } from '../../core/config/values';
import { storeRolesIndex } from '../../platform/roles-index';
import { loadConfig, saveConfigText, type SaveOutcome } from './store';

/** `consoleOnly`: the role's chain goes through a role written with an account alias (`aliasHops`). */
export function toSummary(role: ConfigModel['roles'][number], consoleOnly = false): RoleSummary {
  return {
    profile: role.name,
    accountId: role.accountId,
    roleName: role.roleName,
    roleArn: role.roleArn,
    partition: role.partition,
    // Only the root, not the whole chain: every role carrying its chain grows the index with the depth squared.
    source: role.chain[0] ?? '',
    // A role written with an account alias shows it where the account goes, once.
    ...(role.accountAlias !== undefined && role.accountAlias !== role.accountId && { accountAlias: role.accountAlias }),
    ...(role.region !== undefined && { region: role.region }),
    ...(role.color !== undefined && { color: role.color }),
    // Inline images only: the popup must fetch nothing a configuration names (src/core/config/checks.ts `image`).
    ...(role.image !== undefined && isInlineImage(role.image) && { image: role.image }),
    ...(role.group !== undefined && { group: role.group }),
    ...(consoleOnly && { consoleOnly: true as const }),
  };
}

export function toDiagnostic(d: ConfigModel['diagnostics'][number]): ConfigDiagnostic {
  return { line: d.line, severity: d.severity, message: d.message, ...(d.profile !== undefined && { profile: d.profile }) };
}

/** A skipped profile as the popup lists it: its name, where it would be grouped, and why it is left out. */
export function toSkippedSummary(profile: SkippedProfile): RoleSummary {
  return {
    profile: profile.name, accountId: '', roleName: '', roleArn: '', partition: '', source: profile.source,
    ...(profile.group !== undefined && { group: profile.group }),
    skipped: profile.reason,
  };
}

/** The roles and the skipped profiles, layer by layer (as merged: core/config/layers.ts), each in its text's order. */
export function listedProfiles(model: Pick<ConfigModel, 'roles' | 'skipped'>): RoleSummary[] {
  const aliased = aliasHops(model);
  const summary = (role: ConfigModel['roles'][number]) => toSummary(role, aliased(role) !== undefined);
  if (model.skipped.length === 0) return model.roles.map(summary);
  const listed: RoleSummary[] = [];
  for (const layer of layersOf(model)) {
    const roles = model.roles.filter((role) => role.layer === layer);
    // The layers add skipped entries of their own (a name a layer above has) after the parser's: put them in line order.
    const skippedHere = model.skipped.filter((profile) => profile.layer === layer).sort((a, b) => a.line - b.line);
    let next = 0;
    for (const role of roles) {
      for (let skipped = skippedHere[next]; skipped !== undefined && skipped.line < role.line; skipped = skippedHere[++next]) {
        listed.push(toSkippedSummary(skipped));
      }
      listed.push(summary(role));
    }
    for (const skipped of skippedHere.slice(next)) listed.push(toSkippedSummary(skipped));
  }
  return listed;
}

/** The layers in the order the merge put them (the person's own, `undefined`, last). */
function layersOf(model: Pick<ConfigModel, 'roles' | 'skipped'>): Array<LayerId | undefined> {
  const seen = new Set<LayerId | undefined>();
  for (const profile of [...model.roles, ...model.skipped]) if (profile.layer !== undefined) seen.add(profile.layer);
  return [...(['managed', 'subscription'] as const).filter((layer) => seen.has(layer)), undefined];
}

/** Writes the index of a model already parsed; returns the summaries. Only ever in its turn (`inTurn`). */
async function writeRolesIndex(model: ConfigModel): Promise<RoleSummary[]> {
  const roles = listedProfiles(model);
  await storeRolesIndex(roles);
  return roles;
}

/**
 * Every reading of the configuration that ends in writing the index runs in its turn, one after another: a rebuild
 * (an install's, a sync's), the popup's `roles.list`, a save. Side by side, the one that read first could store its
 * list last (a rebuild that read the text before a save, storing after it), and the popup would keep that older list
 * until the next change.
 */
let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work);
  turn = run.catch(() => undefined);
  return run;
}

/** Reads the configuration in force and stores its index; returns both, for `roles.list`. */
export function refreshRolesIndex(): Promise<{ model: ConfigModel; roles: RoleSummary[] }> {
  return inTurn(async () => {
    const model = await loadConfig();
    return { model, roles: await writeRolesIndex(model) };
  });
}

export function rebuildRolesIndex(): Promise<void> {
  return refreshRolesIndex().then(() => undefined);
}

/** Saves the person's text and its index together (`saveConfigText`), in turn with every rebuild. */
export function saveConfigWithIndex(text: string): Promise<SaveOutcome> {
  return inTurn(() => saveConfigText(text, writeRolesIndex));
}
