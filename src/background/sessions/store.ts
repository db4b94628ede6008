/**
 * The session registry in storage.session, and the session settings in storage.sync.
 *
 * Every change is read-modify-write of one item, and tab events, alarms and messages arrive together (a login
 * landing while the popup renews). Changes therefore run one at a time through a promise chain. The chain is the
 * only module variable: it orders the work of this worker's lifetime and holds no state worth keeping; a new
 * worker starts with an empty chain and reads everything from storage.
 */
import { EMPTY_REGISTRY, normalizeSessionSettings, type SessionRegistry, type SessionSettings } from '../../core/sessions/model';
import { readStored, writeStored } from '../../platform/storage';

let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

export async function readRegistry(): Promise<SessionRegistry> {
  const stored = await readStored('sessions.registry');
  return stored && Array.isArray(stored.sessions) ? { sessions: stored.sessions, modes: stored.modes ?? {} } : EMPTY_REGISTRY;
}

export interface Change<T> {
  before: SessionRegistry;
  after: SessionRegistry;
  value: T;
}

/** Applies `change` to the stored registry, alone; writes only when something changed. */
export function changeRegistry<T = undefined>(change: (registry: SessionRegistry) => { registry: SessionRegistry; value?: T }): Promise<Change<T | undefined>> {
  return serialized(async () => {
    const before = await readRegistry();
    const { registry, value } = change(before);
    // Most tab events change nothing: no write then, and `after === before` tells the caller so.
    const same = registry === before || JSON.stringify(registry) === JSON.stringify(before);
    if (!same) await writeStored('sessions.registry', registry);
    return { before, after: same ? before : registry, value };
  });
}

export async function loadSessionSettings(): Promise<SessionSettings> {
  return normalizeSessionSettings(await readStored('sessions.settings'));
}

export async function saveSessionSettings(change: { warnMinutes?: number; autoRenew?: { profile: string; on: boolean } }): Promise<SessionSettings> {
  const current = await loadSessionSettings();
  const autoRenew = new Set(current.autoRenew);
  if (change.autoRenew) {
    if (change.autoRenew.on) autoRenew.add(change.autoRenew.profile);
    else autoRenew.delete(change.autoRenew.profile);
  }
  const next = normalizeSessionSettings({ warnMinutes: change.warnMinutes ?? current.warnMinutes, autoRenew: [...autoRenew] });
  await writeStored('sessions.settings', next);
  return next;
}
