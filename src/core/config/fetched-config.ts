/**
 * A configuration fetched from an address (a subscription, or the URL an organisation's policy names) is checked
 * before it replaces the copy in use, and what it changes is said: it must never break what works. Refused: a text
 * refused whole (over the size limits), a web page where a file was expected, or a text with no role in it (an
 * error page, the wrong file). Access keys in it are taken out as from a pasted text (strip-secrets.ts).
 */
import { parseConfig } from './parse-config';
import { refusesWhole } from './diagnostics';
import { stripSecrets } from './strip-secrets';
import type { ConfigModel } from './model';

export type FetchedCheck =
  | { ok: true; text: string; model: ConfigModel; removedKeys: number }
  | { ok: false; reason: string };

/** `where` names the file in the sentence ("The file at https://…"). */
export function checkFetchedConfig(raw: string, where: string): FetchedCheck {
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(raw)) {
    return { ok: false, reason: `${where} answered a web page or an XML document, not a configuration: use the address of the raw file.` };
  }
  const { text, removed } = stripSecrets(raw);
  const model = parseConfig(text);
  const whole = model.diagnostics.find(refusesWhole);
  if (whole) {
    const why = whole.code === 'too-large' ? 'is over 5 MB' : whole.code === 'too-many-profiles' ? 'has over 20,000 sections' : 'could not be read';
    return { ok: false, reason: `The file at ${where} ${why}, so none of it is used.` };
  }
  if (model.roles.length === 0) {
    const skipped = model.skipped.length > 0 ? ` (${count(model.skipped.length, 'profile')} with errors)` : '';
    return { ok: false, reason: `The file at ${where} has no role to sign in as${skipped}, so it is not used: check that the address is the configuration file.` };
  }
  return { ok: true, text, model, removedKeys: removed.length };
}

/** Profiles added, removed and changed between two copies, by name, in text order. */
export interface ConfigDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export function diffConfigs(before: ConfigModel | undefined, after: ConfigModel): ConfigDiff {
  const old = fingerprints(before);
  const now = fingerprints(after);
  return {
    added: [...now.keys()].filter((name) => !old.has(name)),
    removed: [...old.keys()].filter((name) => !now.has(name)),
    changed: [...now].filter(([name, print]) => old.has(name) && old.get(name) !== print).map(([name]) => name),
  };
}

export function isEmptyDiff(diff: ConfigDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** `2 profiles added (a, b); 1 removed (c)`, or `nothing changed`. */
export function describeDiff(diff: ConfigDiff): string {
  const parts = [
    ...(diff.added.length > 0 ? [`${count(diff.added.length, 'profile')} added (${diff.added.join(', ')})`] : []),
    ...(diff.removed.length > 0 ? [`${diff.removed.length} removed (${diff.removed.join(', ')})`] : []),
    ...(diff.changed.length > 0 ? [`${diff.changed.length} changed (${diff.changed.join(', ')})`] : []),
  ];
  return parts.length === 0 ? 'no profile changed' : parts.join('; ');
}

/**
 * What a profile is, as text, without where it stands (its line) or how it was written (layout): a role, a base of
 * keys, or a profile skipped for its error. Identity Center profiles are roles (their source entry adds nothing).
 */
function fingerprints(model: ConfigModel | undefined): Map<string, string> {
  const prints = new Map<string, string>();
  if (!model) return prints;
  const entries: Array<{ name: string; line: number; value: unknown }> = [
    ...model.roles.map((role) => ({ name: role.name, line: role.line, value: { ...role, line: 0, layout: undefined, layer: undefined } })),
    ...model.sources.filter((source) => source.kind === 'keys')
      .map((source) => ({ name: source.name, line: source.line, value: { ...source, line: 0, layout: undefined, layer: undefined } })),
    // A skipped profile's reason may name lines, which move when anything above it changes.
    ...model.skipped.map((skipped) => ({ name: skipped.name, line: skipped.line, value: { skipped: skipped.reason.replace(/\bline \d+/g, 'line') } })),
  ];
  entries.sort((a, b) => a.line - b.line);
  for (const { name, value } of entries) if (!prints.has(name)) prints.set(name, JSON.stringify(value));
  return prints;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A configuration kept from an address: the last good copy (checked, access keys taken out) and how the last
 * attempts went. A failed fetch or a refused text changes only `checkedAt` and `failure`: the copy stays in use.
 */
export interface FetchedCopy {
  url: string;
  /** The last good text; empty only when no fetch of this address has worked yet (a policy's URL). */
  text: string;
  /** When the copy in use was fetched (epoch ms); 0 before the first good fetch. */
  fetchedAt: number;
  /** The last attempt, good or not (epoch ms). */
  checkedAt: number;
  /** Why the last attempt was not used, when it was not. */
  failure?: { at: number; message: string };
  /** Lines with access keys taken out of the copy in use. */
  removedKeys: number;
  /** What the last change of the copy did, and when. */
  lastChange?: ConfigDiff & { at: number };
}

/** The next record after an attempt: a good text replaces the copy (with its diff), a failure keeps it and says why. */
export function afterFetch(
  previous: FetchedCopy | undefined, url: string, now: number, outcome: { ok: true; text: string; removedKeys: number; diff: ConfigDiff } | { ok: false; reason: string },
): FetchedCopy {
  const kept: FetchedCopy = previous?.url === url ? previous : { url, text: '', fetchedAt: 0, checkedAt: now, removedKeys: 0 };
  if (!outcome.ok) return { ...kept, checkedAt: now, failure: { at: now, message: outcome.reason } };
  const changed = !isEmptyDiff(outcome.diff) || kept.fetchedAt === 0;
  return {
    url, text: outcome.text, fetchedAt: now, checkedAt: now, removedKeys: outcome.removedKeys,
    ...(changed ? { lastChange: { ...outcome.diff, at: now } } : kept.lastChange && { lastChange: kept.lastChange }),
  };
}

/** The person's subscription: the copy of its address, and the popup's group for its roles. */
export type SubscriptionRecord = FetchedCopy & { group: string };
