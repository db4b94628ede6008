/**
 * The popup's synchronous copy of what it opens with, in the extension's own localStorage: the role index (text
 * and stamp) and the favourites, recent use and view choices. localStorage is read synchronously (~2 ms for
 * 2,000 roles), so the popup renders its list in its first task, in time for the first frame, where a
 * storage.local read takes ~10–90 ms for 2,000–10,000 roles. storage.local stays the source: the popup checks the
 * mirror against it right after painting and follows any change (popup/initial-load.ts). Non-secret data only,
 * like everything in storage.local; a mirror that cannot be read or written is simply not used.
 */
import { onRolesIndexChanged, ROLES_INDEX_VERSION } from './roles-index';
import type { StoredValues } from './storage';

const INDEX_KEY = 'opening.index';
const USAGE_KEY = 'opening.usage';
const USAGE_VERSION = 1;

export type MirroredUsage = Partial<Pick<StoredValues, 'roles.favourites' | 'roles.recent' | 'popup.view'>>;

export interface OpeningMirror {
  /** Undefined when no index is mirrored (first opening, another version, or too large for localStorage). */
  index?: { stamp: string; json: string };
  usage?: MirroredUsage;
}

export function readOpeningMirror(): OpeningMirror {
  const index = readIndex();
  const usage = readUsage();
  return { ...(index && { index }), ...(usage && { usage }) };
}

/** "<index version> <stamp>\n<json>": the JSON is kept as it came, with no second encoding to undo. */
function readIndex(): OpeningMirror['index'] {
  try {
    const text = localStorage.getItem(INDEX_KEY);
    const cut = text?.indexOf('\n') ?? -1;
    if (!text || cut < 0) return undefined;
    const [version, stamp] = text.slice(0, cut).split(' ');
    return stamp && version === String(ROLES_INDEX_VERSION) ? { stamp, json: text.slice(cut + 1) } : undefined;
  } catch {
    return undefined;
  }
}

function readUsage(): MirroredUsage | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(USAGE_KEY) ?? 'null') as { version?: unknown; usage?: unknown } | null;
    return stored?.version === USAGE_VERSION && isUsage(stored.usage) ? stored.usage : undefined;
  } catch {
    return undefined;
  }
}

/** The shape the popup relies on; anything else is treated as no mirror. */
function isUsage(value: unknown): value is MirroredUsage {
  if (typeof value !== 'object' || value === null) return false;
  const usage = value as Record<string, unknown>;
  const favourites = usage['roles.favourites'];
  const isObject = (item: unknown) => item === undefined || (typeof item === 'object' && item !== null && !Array.isArray(item));
  return (favourites === undefined || (Array.isArray(favourites) && favourites.every((f) => typeof f === 'string'))) && isObject(usage['roles.recent']) && isObject(usage['popup.view']);
}

export function mirrorIndex(stamp: string, json: string): void {
  write(INDEX_KEY, `${ROLES_INDEX_VERSION} ${stamp}\n${json}`);
}

/**
 * Keeps the mirror on the index the background rewrites, from a page that is open when it does (the options page
 * after a save), so the next popup's first frame already has the new list. Returns the function that stops.
 */
export function mirrorIndexChanges(): () => void {
  return onRolesIndexChanged((index) => mirrorIndex(index.stamp, index.json));
}

/** Replaces the mirrored usage with what storage.local holds. */
export function mirrorUsage(usage: MirroredUsage): void {
  write(USAGE_KEY, JSON.stringify({ version: USAGE_VERSION, usage }));
}

/** Merges one change the popup just saved into the mirrored usage. */
export function mirrorUsageChange(change: MirroredUsage): void {
  mirrorUsage({ ...readUsage(), ...change });
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Over localStorage's quota (tens of thousands of roles) or unavailable: no mirror, and no stale one left.
    try {
      localStorage.removeItem(key);
    } catch {
      // Unavailable altogether: nothing is read from it either.
    }
  }
}
