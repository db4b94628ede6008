/**
 * What a popup opening needs: the roles and the favourites, recent use and view choices. The opening mirror
 * (src/platform/opening-mirror.ts, synchronous) gives them at once, so the first frame is the list; storage.local
 * then confirms them with a small read (the index's stamp and the usage keys) and only reads the index itself
 * when it changed. Without a mirror the popup waits for storage.local; when the index is missing or from another
 * version the background is asked (`roles.list`, which also rebuilds it). Marks around the roles let the
 * benchmark tell their share apart.
 */
import { send, type MessageMap, type Result, type RoleSummary } from '../src/messages';
import { mirrorIndex, mirrorUsage, readOpeningMirror, type MirroredUsage, type OpeningMirror } from '../src/platform/opening-mirror';
import { onRolesIndexChanged, parseIndex, parseRolesJson, type StoredRolesIndex } from '../src/platform/roles-index';
import { readStoredTogether, type StoredKey, type StoredValues } from '../src/platform/storage';
import { ROLES_RECEIVED, ROLES_REQUESTED } from './paint-marks';
import { USAGE_KEYS, usageFrom, type Usage } from './usage-store';

export interface PopupStart {
  roles: Result<Pick<MessageMap['roles.list']['response'], 'roles'>>;
  /** Undefined when storage could not be read: the popup still works, in configuration order. */
  usage: Usage | undefined;
}

export interface Opening {
  /** What the mirror holds, at once; undefined when it holds no index. */
  mirrored: PopupStart | undefined;
  /** storage.local's answer: undefined when the mirror was current, else what to show instead. */
  confirmed: Promise<PopupStart | undefined>;
}

export function startOpening(): Opening {
  performance.mark(ROLES_REQUESTED);
  const mirror = readOpeningMirror();
  const roles = mirror.index && parseRolesJson(mirror.index.json);
  const mirrored = roles && { roles: { ok: true as const, value: { roles } }, usage: usageFrom(mirror.usage ?? {}) };
  if (mirrored) performance.mark(ROLES_RECEIVED);
  return { mirrored, confirmed: confirm(mirror, mirrored) };
}

/** A load from storage.local alone (a retry, or a popup rendered without an opening). */
export async function loadFromStorage(): Promise<PopupStart> {
  const stored = await read(['roles.index', ...USAGE_KEYS]);
  const usage = stored && pickUsage(stored);
  if (usage) mirrorUsage(usage);
  const start = await fromIndex(stored?.['roles.index'], usage);
  performance.mark(ROLES_RECEIVED);
  return start;
}

/** Follows the background's rewrites of the role index while the popup is open, keeping the mirror current. */
export function onRolesChanged(listener: (roles: RoleSummary[]) => void): () => void {
  return onRolesIndexChanged((index, roles) => {
    listener(roles);
    whenIdleOrNow(() => mirrorIndex(index.stamp, index.json));
  });
}

/** Compares the mirror with storage.local after the first paint: a small read unless the index changed. */
async function confirm(mirror: OpeningMirror, mirrored: PopupStart | undefined): Promise<PopupStart | undefined> {
  if (!mirrored || !mirror.index) return loadFromStorage();
  const stored = await read(['roles.indexStamp', ...USAGE_KEYS]);
  // storage.local unreadable: the mirror is the best there is.
  if (stored === undefined) return undefined;
  const usage = pickUsage(stored);
  mirrorUsage(usage);
  if (stored['roles.indexStamp'] !== mirror.index.stamp) return fromIndex((await read(['roles.index']))?.['roles.index'], usage);
  return sameJson(usage, pickUsage(mirror.usage ?? {})) ? undefined : { roles: mirrored.roles, usage: usageFrom(usage) };
}

async function fromIndex(index: StoredRolesIndex | undefined, usage: MirroredUsage | undefined): Promise<PopupStart> {
  const roles = parseIndex(index);
  if (index && roles) whenIdleOrNow(() => mirrorIndex(index.stamp, index.json));
  return {
    roles: roles !== undefined ? { ok: true, value: { roles } } : await send('roles.list', {}),
    usage: usage && usageFrom(usage),
  };
}

/**
 * The index is mirrored when the page is idle: a localStorage write of megabytes (10,000 roles) is synchronous and
 * must not hold up the list's first paint or a keystroke. (The usage, a few hundred bytes, is mirrored at once.)
 */
function whenIdleOrNow(write: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 1_000 });
  else write();
}

function read<K extends StoredKey>(keys: readonly K[]): Promise<Partial<Pick<StoredValues, K>> | undefined> {
  return readStoredTogether(keys).catch(() => undefined);
}

/** The usage keys alone: what the mirror holds of them. */
function pickUsage(stored: MirroredUsage): MirroredUsage {
  return Object.fromEntries(USAGE_KEYS.filter((key) => stored[key] !== undefined).map((key) => [key, stored[key]]));
}

/** Equal as data: storage.local may hand objects back with their keys in another order. */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (_: string, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1))) : value;
  return JSON.stringify(a, sorted) === JSON.stringify(b, sorted);
}
