/**
 * What the popup remembers between openings, all in `storage.local` (not secret, per browser): starred roles,
 * recent sign-ins for the frecency order, and the view choices. Keys are declared in src/platform/storage.ts.
 */
import { readStored, writeStored, type StoredValues } from '../src/platform/storage';
import { recordUse, type UsageLog } from './frecency';

export type PopupView = StoredValues['popup.view'];

export const DEFAULT_VIEW: PopupView = { alphabetical: false, hideAccountIds: false, collapsed: [] };

export interface Usage {
  favourites: string[];
  recent: UsageLog;
  view: PopupView;
}

export async function loadUsage(): Promise<Usage> {
  const [favourites, recent, view] = await Promise.all([
    readStored('roles.favourites'),
    readStored('roles.recent'),
    readStored('popup.view'),
  ]);
  return { favourites: favourites ?? [], recent: recent ?? {}, view: { ...DEFAULT_VIEW, ...view } };
}

export function saveFavourites(favourites: string[]): Promise<void> {
  return writeStored('roles.favourites', favourites);
}

export function saveView(view: PopupView): Promise<void> {
  return writeStored('popup.view', view);
}

/** Read, add, write: the popup is the only writer, and one sign-in at a time runs in it. */
export async function recordSignIn(profile: string, now = Date.now()): Promise<void> {
  const log = (await readStored('roles.recent')) ?? {};
  await writeStored('roles.recent', recordUse(log, profile, now));
}
