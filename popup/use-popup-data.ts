/**
 * Loads what the popup shows, in parallel: the roles from the background and the favourites, recent use and view
 * choices from storage. The frecency ranking is taken once per opening so the order stays put while it is open.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError, RoleSummary } from '../src/messages';
import { onRolesIndexChanged } from '../src/platform/roles-index';
import { rankByFrecency } from './frecency';
import { RECENT_SHOWN } from './sections';
import { startLoad, type InitialLoad } from './initial-load';
import { DEFAULT_VIEW, saveFavourites, saveView, type PopupView } from './usage-store';

export type RolesLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'ready'; roles: RoleSummary[] };

export interface PopupData {
  load: RolesLoad;
  reload: () => void;
  favourites: ReadonlySet<string>;
  toggleFavourite: (profile: string) => void;
  /** Profiles by frecency at the time the popup opened, best first. */
  recent: readonly string[];
  view: PopupView;
  updateView: (change: Partial<PopupView>) => void;
}

const NO_FAVOURITES: ReadonlySet<string> = new Set();

/** `initial`: reads already started by main.tsx (see initial-load.ts); without it the hook starts its own. */
export function usePopupData(initial?: InitialLoad): PopupData {
  const [load, setLoad] = useState<RolesLoad>({ kind: 'loading' });
  const [favourites, setFavourites] = useState(NO_FAVOURITES);
  const [recent, setRecent] = useState<readonly string[]>([]);
  const [view, setView] = useState<PopupView>(DEFAULT_VIEW);
  const pending = useRef(initial);

  const reload = useCallback(() => {
    const reads = pending.current ?? startLoad();
    pending.current = undefined;
    setLoad({ kind: 'loading' });
    // The roles are shown together with their order, so the list paints once, in its final order.
    void Promise.all([reads.roles, reads.usage]).then(([result, stored]) => {
      if (stored) {
        setFavourites(new Set(stored.favourites));
        setRecent(rankByFrecency(stored.recent, Date.now(), RECENT_SHOWN * 2));
        setView(stored.view);
      }
      setLoad(result.ok ? { kind: 'ready', roles: result.value.roles } : { kind: 'failed', error: result.error });
    });
  }, []);

  useEffect(reload, [reload]);

  // The configuration changed while the popup is open (saved in the options page, or arriving from another
  // browser through sync): the background rewrites the role index, and the list follows it.
  useEffect(() => onRolesIndexChanged((roles) => setLoad({ kind: 'ready', roles })), []);

  const toggleFavourite = useCallback(
    (profile: string) => {
      const next = new Set(favourites);
      if (!next.delete(profile)) next.add(profile);
      setFavourites(next);
      void saveFavourites([...next]);
    },
    [favourites],
  );

  const updateView = useCallback(
    (change: Partial<PopupView>) => {
      const next = { ...view, ...change };
      setView(next);
      void saveView(next);
    },
    [view],
  );

  return { load, reload, favourites, toggleFavourite, recent, view, updateView };
}
