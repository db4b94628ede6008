/**
 * What the popup remembers between openings, all in `storage.local` (not secret, per browser): starred roles,
 * recent sign-ins for the frecency order, and the view choices. Keys are declared in src/platform/storage.ts.
 * Each write also goes to the opening mirror (src/platform/opening-mirror.ts), so the next opening's first frame
 * already shows it.
 */
import { mirrorUsageChange, type MirroredUsage } from '../src/platform/opening-mirror';
import { readStored, writeStored, type StoredValues } from '../src/platform/storage';
import { recordUse, type UsageLog } from './frecency';

export type PopupView = StoredValues['popup.view'];

export const DEFAULT_VIEW: PopupView = { alphabetical: false, hideAccountIds: false, collapsed: [] };

/** The stored keys usage is made of, read together when the popup opens (initial-load.ts). */
export const USAGE_KEYS = ['roles.favourites', 'roles.recent', 'popup.view'] as const satisfies readonly (keyof MirroredUsage)[];

export interface Usage {
  favourites: string[];
  recent: UsageLog;
  view: PopupView;
}

export function usageFrom(stored: MirroredUsage): Usage {
  return { favourites: stored['roles.favourites'] ?? [], recent: stored['roles.recent'] ?? {}, view: { ...DEFAULT_VIEW, ...stored['popup.view'] } };
}

export function saveFavourites(favourites: string[]): Promise<void> {
  mirrorUsageChange({ 'roles.favourites': favourites });
  return writeStored('roles.favourites', favourites);
}

export function saveView(view: PopupView): Promise<void> {
  mirrorUsageChange({ 'popup.view': view });
  return writeStored('popup.view', view);
}

/** Read, add, write: the popup is the only writer, and one sign-in at a time runs in it. */
export async function recordSignIn(profile: string, now = Date.now()): Promise<void> {
  const recent = recordUse((await readStored('roles.recent')) ?? {}, profile, now);
  mirrorUsageChange({ 'roles.recent': recent });
  await writeStored('roles.recent', recent);
}
