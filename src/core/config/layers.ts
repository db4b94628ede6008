/**
 * The configuration in force: the person's own text, and beside it the read-only layers a team hands them, the
 * organisation's (the browser's enterprise policy) and a subscription (an https file they chose). Each text is
 * parsed on its own, so every problem keeps the line numbers of its own text (the editor's stay the editor's), and
 * the models are merged here.
 *
 * One rule for names, because sign-in finds a chain's profiles by name: a name belongs to the first layer that has
 * it, in the order managed, subscription, own. A later profile of that name is never merged into it and never
 * dropped silently: it is skipped with an error that says who has the name (the popup lists it greyed out, the
 * editor shows the error on its line), and so is every profile of its layer whose chain passes through that name.
 * An `[sso-session]` of the same name is the same session when its start URL and region agree (teams and people
 * both write the company's); otherwise the later one is refused the same way.
 */
import { diagnostic, sortDiagnostics } from './diagnostics';
import type { ConfigModel, Diagnostic, LayerId, LayerReport, RoleProfile, SkippedProfile, Source, SsoSession } from './model';

export interface ConfigLayer {
  id: LayerId;
  /** The popup's group for all its profiles ("Managed by your organisation", the subscription's name). */
  group: string;
  /** Who it is, inside a sentence: "your organisation's configuration", "your subscription (team-roles.s3…)". */
  label: string;
  model: ConfigModel;
}

/** Who wins a name: the organisation, then the subscription, then the person's own text. */
const ORDER: readonly LayerId[] = ['managed', 'subscription'];

export function mergeLayers(own: ConfigModel, layers: readonly ConfigLayer[]): ConfigModel {
  if (layers.length === 0) return own;
  const merged: ConfigModel & { layers: LayerReport[] } = { roles: [], skipped: [], sources: [], ssoSessions: [], diagnostics: [], layers: [] };
  const taken: Taken = { names: new Map(), sessions: new Map() };
  for (const layer of [...layers].sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id))) {
    const before = { roles: merged.roles.length, skipped: merged.skipped.length };
    const found = place(layer.model, layer, taken, merged);
    merged.layers.push({
      id: layer.id, group: layer.group, label: layer.label,
      roles: merged.roles.length - before.roles, skipped: merged.skipped.length - before.skipped,
      diagnostics: sortDiagnostics([...layer.model.diagnostics, ...found]),
    });
  }
  merged.diagnostics = sortDiagnostics([...own.diagnostics, ...place(own, undefined, taken, merged)]);
  return merged;
}

/** Names already given to a layer above, with that layer's label; sso-sessions with theirs. */
interface Taken {
  names: Map<string, string>;
  sessions: Map<string, { session: SsoSession; label: string }>;
}

/** Adds one model's profiles to `merged` (marked with its layer and group), and returns what the names above cost it. */
function place(model: ConfigModel, layer: ConfigLayer | undefined, taken: Taken, merged: ConfigModel): Diagnostic[] {
  const found: Diagnostic[] = [];
  const conflicting = conflictingSessions(model, taken);
  const mark = layer ? { layer: layer.id, group: layer.group } : {};
  const skip = (entry: Pick<SkippedProfile, 'name' | 'line' | 'source' | 'group'>, code: ShadowCode, message: string) => {
    found.push(diagnostic(code, entry.line, message, entry.name));
    merged.skipped.push({ name: entry.name, line: entry.line, reason: message, source: entry.source, ...(entry.group !== undefined && { group: entry.group }), ...mark });
  };

  for (const role of model.roles) {
    const problem = roleProblem(role, layer, taken, conflicting);
    if (problem) skip({ name: role.name, line: role.line, source: role.chain[0] ?? role.name, ...(role.group !== undefined && { group: role.group }) }, problem.code, problem.message);
    else merged.roles.push({ ...role, ...mark });
  }
  for (const skipped of model.skipped) {
    const owner = taken.names.get(skipped.name);
    if (owner !== undefined) skip(skipped, 'shadowed-profile', shadowedMessage(skipped.name, owner, layer));
    else merged.skipped.push({ ...skipped, ...mark });
  }
  for (const source of model.sources) {
    const owner = taken.names.get(source.name);
    // An Identity Center profile is a role too: reported (and listed) once, as the role.
    if (owner !== undefined && source.kind === 'keys') found.push(diagnostic('shadowed-profile', source.line, shadowedMessage(source.name, owner, layer), source.name));
    if (owner !== undefined || (source.kind === 'sso' && source.sessionName !== undefined && conflicting.has(source.sessionName))) continue;
    merged.sources.push(layer ? ({ ...source, layer: layer.id } satisfies Source) : source);
  }
  for (const session of model.ssoSessions) {
    const other = conflicting.get(session.name);
    if (other !== undefined) {
      found.push(diagnostic('shadowed-sso-session', session.line,
        `[sso-session ${session.name}] is also in ${other} with another start URL or region, and that one is used: ` +
        `rename this one (and the sso_session lines that name it).`, `sso-session ${session.name}`));
    } else if (!taken.sessions.has(session.name)) {
      taken.sessions.set(session.name, { session, label: layer?.label ?? 'your configuration' });
      merged.ssoSessions.push(session);
    }
  }
  // The names of this layer are taken only now: within one text, the parser has already reported repeats.
  const label = layer?.label ?? 'your configuration';
  for (const profile of [...model.roles, ...model.skipped, ...model.sources]) if (!taken.names.has(profile.name)) taken.names.set(profile.name, label);
  return found;
}

type ShadowCode = 'shadowed-profile' | 'shadowed-source' | 'shadowed-sso-session';

function roleProblem(
  role: RoleProfile, layer: ConfigLayer | undefined, taken: Taken, conflicting: ReadonlyMap<string, string>,
): { code: ShadowCode; message: string } | undefined {
  const owner = taken.names.get(role.name);
  if (owner !== undefined) return { code: 'shadowed-profile', message: shadowedMessage(role.name, owner, layer) };
  // The chain, root first, without the role itself: each name in it must be this layer's own (or `default`'s keys).
  const through = role.chain.slice(0, -1).find((name) => taken.names.has(name));
  if (through !== undefined) {
    return {
      code: 'shadowed-source',
      message: `[${role.name}] starts from [${through}], and ${taken.names.get(through) ?? ''} has a profile of that name, which ` +
        `is never mixed with this one: rename [${through}] here (and the source_profile lines that name it).`,
    };
  }
  const session = role.identityCenter?.sessionName;
  const other = session === undefined ? undefined : conflicting.get(session);
  if (session !== undefined && other !== undefined) {
    return {
      code: 'shadowed-sso-session',
      message: `[${role.name}] uses [sso-session ${session}], and ${other} has an sso-session of that name with another ` +
        `start URL or region: rename one of them.`,
    };
  }
  return undefined;
}

/** The sso-sessions of `model` whose name a layer above has with another start URL or region, with that layer's label. */
function conflictingSessions(model: ConfigModel, taken: Taken): Map<string, string> {
  const conflicting = new Map<string, string>();
  for (const session of model.ssoSessions) {
    const above = taken.sessions.get(session.name);
    if (above && (above.session.startUrl !== session.startUrl || above.session.region !== session.region)) conflicting.set(session.name, above.label);
  }
  return conflicting;
}

function shadowedMessage(name: string, owner: string, layer: ConfigLayer | undefined): string {
  const said = `[${name}] has the same name as a profile in ${owner}, which is used instead`;
  // The person can rename only what is theirs; a read-only layer's collision is told to them as a fact.
  return layer ? `${said}.` : `${said}: rename this one to keep it.`;
}
