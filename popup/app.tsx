/**
 * The popup: a search box focused at once, the roles in a virtualized listbox, and the sign-in states above it (in
 * places of their own, or over the list: nothing moves a row while the popup is open).
 * This file wires the parts; each concern (data, order, search, keys, sign-in, windowing) has its own module.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type OpenIn, type RoleSummary } from '../src/messages';
import { EmptyState } from './empty-state';
import { t } from './i18n';
import { isTextField, keyLabels, searchKeyAction, type KeyAction } from './keyboard';
import { markListPainted, measureFilterPainted, whenIdle } from './paint-marks';
import { LIST_MAX_HEIGHT, ROLE_ROW_HEIGHT, RoleListbox, optionId } from './role-listbox';
import { lazyHaystacks, queryWords } from './search';
import { buildSections, layoutRows } from './sections';
import { SearchBar } from './search-bar';
import { SignInPanel } from './sign-in-panel';
import { recordSignIn } from './usage-store';
import { useActiveRow } from './use-active-row';
import { useWarming } from './use-warming';
import { usePopupData, type PopupOpening } from './use-popup-data';
import { useSignIn } from './use-sign-in';
import { openOptionsAt } from './open-options';
import { pageRows } from './virtual-window';
import { initialView, SessionsStrip, SessionsView, type PopupPage } from './sessions';
import { ConsoleKeyHint, ConsoleLine, useClickWay, useListedRoles } from './console-offer';
import { defaultFormat, RoleMenu, type RoleMenuAction } from './role-menu';
import { useNoKeys } from './no-keys';
import { CopyDetails } from './copy-details';
import { titleIfTruncated } from './truncated-title';

const NO_ROLES: RoleSummary[] = [];

export function App({ opening }: { opening?: PopupOpening }) {
  const data = usePopupData(opening);
  const allRoles = data.load.kind === 'ready' ? data.load.roles : NO_ROLES;
  // On a console tab, "only roles that can switch from this console" narrows the list (popup/console-offer/).
  const roles = useListedRoles(allRoles);
  const clickWay = useClickWay();
  // Roles whose source has no access keys: greyed with the reason, and a click opens the keys form (popup/no-keys/).
  const noKeys = useNoKeys(allRoles);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<PopupPage>(() => initialView());
  const search = useRef<HTMLInputElement>(null);
  const typedAt = useRef<number | undefined>(undefined);

  const haystacks = useMemo(() => lazyHaystacks(roles), [roles]);
  const sections = useMemo(
    () =>
      buildSections(roles, {
        favourites: data.favourites,
        recent: data.recent,
        alphabetical: data.view.alphabetical,
        groupBySource: data.view.groupBySource === true,
      }),
    [roles, data.favourites, data.recent, data.view.alphabetical, data.view.groupBySource],
  );
  const words = useMemo(() => queryWords(query), [query]);
  const collapsed = useMemo(() => new Set(data.view.collapsed), [data.view.collapsed]);
  const rows = useMemo(() => layoutRows(sections, haystacks, words, collapsed), [sections, haystacks, words, collapsed]);
  const [active, setActive] = useActiveRow(rows, roles, query);
  // Connections to AWS opened before the click: for the active row, the recent roles, the favourites (use-warming.ts).
  useWarming(rows, roles, active);
  /** The row whose menu is open (role-menu.tsx), and whether at its "Open in…" form (Alt+O). */
  const [menuRow, setMenuRow] = useState<number | undefined>(undefined);
  const [menuAtOpenIn, setMenuAtOpenIn] = useState(false);

  const onSignedIn = useCallback((profile: string) => void recordSignIn(profile), []);
  const signIn = useSignIn(onSignedIn);
  const prompting = signIn.state.kind === 'passphrase' || signIn.state.kind === 'mfa';

  const focusSearch = useCallback(() => search.current?.focus(), []);
  useLayoutEffect(focusSearch, [focusSearch]);
  // A prompt that closes, or a sign-in that ends, takes focus with it: give it back to the search box.
  useEffect(() => {
    if (!prompting && (document.activeElement === null || document.activeElement === document.body)) focusSearch();
  }, [prompting, signIn.state.kind, focusSearch]);

  useLayoutEffect(() => {
    if (data.load.kind !== 'loading') markListPainted();
  }, [data.load.kind]);
  // Search text for every role, built while the person reads the list rather than on their first keystroke.
  useEffect(() => whenIdle(haystacks), [haystacks]);
  useLayoutEffect(() => {
    if (typedAt.current === undefined) return;
    measureFilterPainted(typedAt.current);
    typedAt.current = undefined;
  }, [rows]);

  function toggleSection(id: string) {
    const next = collapsed.has(id) ? data.view.collapsed.filter((c) => c !== id) : [...data.view.collapsed, id];
    data.updateView({ collapsed: next });
  }

  function activate(rowIndex: number, openIn: OpenIn | undefined, alt = false) {
    const row = rows[rowIndex];
    if (!row) return;
    setActive(rowIndex);
    if (row.kind === 'header') toggleSection(row.section.id);
    else {
      const role = roles[row.index];
      // A profile skipped for an error never signs in: it opens where it can be fixed (popup/skipped-option.tsx).
      const missingKeys = role && noKeys(role);
      if (role?.skipped !== undefined) void openOptionsAt('profile', role.profile);
      // A role whose source has no keys: the worker decides at the click (a console tab in front may switch to it,
      // use-sign-in.ts); when it finds no keys, the keys form opens, as the row says, instead of an error.
      else if (role && missingKeys !== undefined) signIn.start({ profile: role.profile, openIn, keysMissingFor: missingKeys });
      else if (role) signIn.start({ profile: role.profile, openIn, way: clickWay(role.profile, alt) });
    }
  }

  /** The role on a row, unless it is a header or a profile skipped for an error (those have no actions). */
  function roleAt(rowIndex: number): RoleSummary | undefined {
    const row = rows[rowIndex];
    const role = row?.kind === 'role' ? roles[row.index] : undefined;
    return role?.skipped === undefined ? role : undefined;
  }

  function openMenu(rowIndex: number, atOpenIn = false) {
    if (!roleAt(rowIndex)) return;
    setActive(rowIndex);
    setMenuAtOpenIn(atOpenIn);
    setMenuRow(rowIndex);
  }

  function closeMenu() {
    setMenuRow(undefined);
    requestAnimationFrame(focusSearch);
  }

  function copyForTerminal(role: RoleSummary, format = data.view.terminalFormat ?? defaultFormat()) {
    signIn.start({ profile: role.profile, openIn: undefined, terminal: format });
  }

  function pickFromMenu(role: RoleSummary, action: RoleMenuAction) {
    closeMenu();
    if (action.kind === 'terminal') {
      data.updateView({ terminalFormat: action.format });
      copyForTerminal(role, action.format);
    } else if (action.kind === 'open') {
      // A sign-in like a click's, with the console's region and service chosen (the worker checks them again).
      const missingKeys = noKeys(role);
      signIn.start({
        profile: role.profile,
        openIn: undefined,
        ...(missingKeys !== undefined ? { keysMissingFor: missingKeys } : { way: clickWay(role.profile, false) }),
        ...(action.region !== undefined && { region: action.region }),
        ...(action.service !== undefined && { service: action.service }),
      });
    } else {
      void navigator.clipboard.writeText(action.text).catch(() => undefined);
    }
  }

  // Esc clears the search, then closes the popup.
  const escape = useCallback(() => {
    if (query !== '') setQuery('');
    else window.close();
  }, [query]);

  function perform(action: KeyAction) {
    const page = pageRows(LIST_MAX_HEIGHT, ROLE_ROW_HEIGHT);
    switch (action.type) {
      case 'move':
        return setActive(active + action.by);
      case 'page':
        return setActive(active + action.direction * page);
      case 'edge':
        return setActive(action.to === 'first' ? 0 : rows.length - 1);
      case 'activate':
        return activate(active, action.openIn, action.otherWay === true);
      case 'star': {
        const row = rows[active];
        const role = row?.kind === 'role' ? roles[row.index] : undefined;
        if (role && role.skipped === undefined) data.toggleFavourite(role.profile);
        return;
      }
      case 'menu':
        return openMenu(active);
      case 'open-in':
        return openMenu(active, true);
      case 'terminal': {
        const role = roleAt(active);
        if (role) copyForTerminal(role);
        return;
      }
      case 'escape':
        return escape();
    }
  }

  function onSearchKey(event: KeyboardEvent) {
    const action = searchKeyAction(event);
    if (!action) return;
    event.preventDefault();
    perform(action);
  }

  // "/" focuses the search box and Esc clears or closes, wherever focus is (a toggle, Retry...).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.target === search.current) return;
      if (event.key === '/' && !isTextField(event.target)) {
        event.preventDefault();
        focusSearch();
      } else if (event.key === 'Escape' && !isTextField(event.target)) {
        event.preventDefault();
        focusSearch();
        escape();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [focusSearch, escape]);

  // The Sessions view replaces the role list (popup/sessions/); back, the search box has focus again.
  if (page.kind === 'sessions') {
    const back = () => {
      setPage({ kind: 'roles' });
      requestAnimationFrame(focusSearch);
    };
    return <SessionsView onBack={back} {...(page.renew !== undefined && { renewFirst: page.renew })} />;
  }

  const empty = data.load.kind === 'ready' && allRoles.length === 0;
  const roleMatches = words.length > 0 ? rows.length : roles.length;
  const showHints = !prompting && !empty && data.load.kind !== 'failed' && rows.length > 0;
  return (
    <main class="popup" onMouseOver={titleIfTruncated}>
      {/* The page's title for screen readers' heading navigation; sighted people see the search box first. */}
      <h1 class="visually-hidden">{t('extensionName')}</h1>
      <SearchBar
        inputRef={search}
        query={query}
        activeDescendant={active >= 0 ? optionId(active) : undefined}
        expanded={rows.length > 0}
        view={data.view}
        onQuery={(value, at) => {
          typedAt.current = at;
          setQuery(value);
        }}
        onKeyDown={onSearchKey}
        onView={data.updateView}
      />
      {/* A status line of its own, the sessions strip beside it, prompts over the list: nothing moves a row (issue 14). */}
      <SignInPanel
        signIn={signIn}
        onPromptClosed={focusSearch}
        beside={<SessionsStrip onOpen={() => setPage({ kind: 'sessions' })} />}
        under={
          <>
            {data.load.kind === 'failed' && (
              <div role="alert" class="alert">
                <span>{data.load.error.message}</span>
                <span class="alert-actions">
                  <button type="button" class="primary" onClick={data.reload}>
                    {t('popupRetry')}
                  </button>
                  <CopyDetails error={data.load.error} />
                </span>
              </div>
            )}
            {empty ? (
              <EmptyState />
            ) : (
              <RoleListbox
                rows={rows}
                roles={roles}
                words={words}
                activeRow={active}
                favourites={data.favourites}
                hideAccountIds={data.view.hideAccountIds}
                busy={data.load.kind === 'loading'}
                onActivate={activate}
                onStar={data.toggleFavourite}
                onMenu={openMenu}
                noKeys={noKeys}
              />
            )}
            {data.load.kind === 'ready' && !empty && rows.length === 0 && words.length > 0 && (
              <p class="no-match">{t('popupNoMatch', query.trim())}</p>
            )}
          </>
        }
      />
      {menuRow !== undefined && roleAt(menuRow) !== undefined && (
        <RoleMenu role={roleAt(menuRow) as RoleSummary} openIn={menuAtOpenIn} onPick={(action) => pickFromMenu(roleAt(menuRow) as RoleSummary, action)} onClose={closeMenu} />
      )}
      {/* Under the list: its arrival after the first paint moves no row. */}
      <ConsoleLine />
      {/* Read out as the list narrows; not a role="status", which belongs to the sign-in line. */}
      <p class="visually-hidden" aria-live="polite">
        {data.load.kind === 'ready' && words.length > 0 ? t('popupMatchCount', String(roleMatches), String(roles.length)) : ''}
      </p>
      {/* One line (a hint that does not fit is left out whole, popup.css); none over a prompt, or with no role to act on. */}
      {showHints && (
        <footer class="hints">
          {keyLabels(t('popupKeyHints'))
            .split(' · ')
            .map((hint) => (
              <span key={hint}>{hint}</span>
            ))}
          <ConsoleKeyHint />
        </footer>
      )}
    </main>
  );
}
