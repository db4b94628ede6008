/**
 * What the popup shows: the roles (from the role index, or the background) with the favourites, recent use and
 * view choices (initial-load.ts). The frecency ranking is taken once per opening so the order stays put while it is open.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError, RoleSummary } from '../src/messages';
import { rankByFrecency } from './frecency';
import { RECENT_SHOWN } from './sections';
import { loadFromStorage, onRolesChanged, type PopupStart } from './initial-load';
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
const LOADING: RolesLoad = { kind: 'loading' };

interface Loaded {
  load: RolesLoad;
  favourites?: ReadonlySet<string>;
  recent?: readonly string[];
  view?: PopupView;
}

function loadedFrom({ roles, usage }: PopupStart): Loaded {
  const load: RolesLoad = roles.ok ? { kind: 'ready', roles: roles.value.roles } : { kind: 'failed', error: roles.error };
  if (!usage) return { load };
  return {
    load,
    favourites: new Set(usage.favourites),
    recent: rankByFrecency(usage.recent, Date.now(), RECENT_SHOWN * 2),
    view: usage.view,
  };
}

/** How main.tsx opened the popup: what the first render shows, and storage.local's confirmation still to come. */
export interface PopupOpening {
  first?: PopupStart | undefined;
  /** Undefined when it confirms what `first` shows. */
  later?: Promise<PopupStart | undefined> | undefined;
}

/**
 * `opening`: what main.tsx had before the first render (so the first frame is the list) and what may still
 * replace it; without it the hook reads storage.local itself. The roles are shown together with their order, so
 * the list paints in its final order.
 */
export function usePopupData(opening?: PopupOpening): PopupData {
  const [first] = useState(() => opening?.first && loadedFrom(opening.first));
  const [load, setLoad] = useState<RolesLoad>(first?.load ?? LOADING);
  const [favourites, setFavourites] = useState(first?.favourites ?? NO_FAVOURITES);
  const [recent, setRecent] = useState<readonly string[]>(first?.recent ?? []);
  const [view, setView] = useState<PopupView>(first?.view ?? DEFAULT_VIEW);
  const later = useRef(opening?.later);

  const apply = useCallback((start: PopupStart) => {
    const loaded = loadedFrom(start);
    if (loaded.favourites) setFavourites(loaded.favourites);
    if (loaded.recent) setRecent(loaded.recent);
    if (loaded.view) setView(loaded.view);
    setLoad(loaded.load);
  }, []);

  const reload = useCallback(() => {
    setLoad(LOADING);
    void loadFromStorage().then(apply);
  }, [apply]);

  useEffect(() => {
    const confirmation = later.current;
    later.current = undefined;
    if (confirmation) void confirmation.then((start) => start && apply(start));
    else if (!first) reload();
  }, [first, reload, apply]);

  // The configuration changed while the popup is open (saved in the options page, or arriving from another
  // browser through sync): the background rewrites the role index, and the list follows it.
  useEffect(() => onRolesChanged((roles) => setLoad({ kind: 'ready', roles })), []);

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
