// @vitest-environment happy-dom
/** The popup's list: focus, search, order, keyboard, favourites and view options, as a person uses them. */
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs, storedValue } from './fake-browser';
import { activeOption, descriptionOf, nameOf, optionNames, renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [
  role('prod-admin', { accountId: '123456789012', accountAlias: 'acme-prod', roleName: 'Admin', region: 'eu-west-1', group: 'Payments', color: '#c62828' }),
  role('prod-readonly', { accountId: '123456789012', roleName: 'ReadOnly', region: 'us-east-1', group: 'Payments' }),
  role('dev-admin', { accountId: '222222222222', roleName: 'Admin', source: 'alice' }),
  role('dev-deployer', { accountId: '222222222222', roleName: 'Deployer', source: 'alice' }),
  role('audit', { accountId: '444444444444', roleName: 'Auditor', region: 'eu-central-1', source: 'alice' }),
];

let close: MockInstance<() => void>;

beforeEach(() => {
  resetBrowser({ ...rolesList(ROLES), signIn: ({ profile }) => signedInAs(profile, `arn:aws:sts::1:assumed-role/X/${profile}`) });
  close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(cleanup);

describe('opening', () => {
  it('focuses the search box at once and lists every role, grouped, first role selected', async () => {
    const { search } = await renderPopup();
    expect(document.activeElement).toBe(search);
    expect(optionNames()).toEqual([
      'Payments (2), expanded. Press Enter to collapse.', 'prod-admin', 'prod-readonly',
      'Other roles (3), expanded. Press Enter to collapse.', 'dev-admin', 'dev-deployer', 'audit',
    ]);
    expect(nameOf(activeOption())).toBe('prod-admin');
    expect(activeOption()?.getAttribute('aria-selected')).toBe('true');
  });

  it('shows colour, account, alias, role name and region on each row', async () => {
    await renderPopup();
    const option = screen.getByRole('option', { name: 'prod-admin' });
    expect(descriptionOf(option)).toMatch(/acme-prod.*123456789012.*Admin.*eu-west-1/);
    expect((option.querySelector('.swatch') as HTMLElement).style.background).toMatch(/#c62828|rgb\(198, 40, 40\)/);
  });
});

describe('swatch', () => {
  it('shows an inline image instead of the colour, and never loads a URL (https included: a tracking pixel)', async () => {
    resetBrowser(rolesList([
      role('with-image', { image: 'data:image/png;base64,iVBORw0KGgo=', color: '#c62828' }),
      role('remote', { image: 'https://aesr.dev/img/150' }),
      role('plain-http', { image: 'http://example.com/a.png' }),
      role('script', { image: 'javascript:alert(1)' }),
    ]));
    await renderPopup();
    const imageOf = (name: string) => screen.getByRole('option', { name }).querySelector('img');
    expect(imageOf('with-image')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(imageOf('remote')).toBeNull();
    expect(imageOf('with-image')?.getAttribute('alt')).toBe('');
    expect(imageOf('plain-http')).toBeNull();
    expect(imageOf('script')).toBeNull();
  });
});

describe('search', () => {
  it('narrows with every word (AND) across fields, highlights matches and selects the first match', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'admin 2222');
    expect(optionNames()).toEqual(['dev-admin']);
    const option = screen.getByRole('option', { name: 'dev-admin' });
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect([...option.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['admin', '222222222222', 'Admin']);
  });

  it('finds a role by account id, alias, region, group or ARN', async () => {
    const { user, search } = await renderPopup();
    for (const [query, expected] of [
      ['444444444444', ['audit']],
      ['acme', ['prod-admin']],
      ['eu-central', ['audit']],
      ['payments', ['prod-admin', 'prod-readonly']],
      ['arn:aws:iam::222222222222:role/Deployer', ['dev-deployer']],
    ] as const) {
      await user.clear(search);
      await user.type(search, query);
      expect(optionNames()).toEqual(expected);
    }
  });

  it('keeps the order stable while typing', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'a');
    const order = optionNames();
    await user.type(search, 'd');
    expect(order.filter((name) => optionNames().includes(name))).toEqual(optionNames());
  });

  it('says when nothing matches', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'nothing-like-this');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No role matches “nothing-like-this”.')).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('moves with arrows, Home, End and pages, skipping nothing', async () => {
    const { user } = await renderPopup();
    await user.keyboard('{ArrowDown}');
    expect(nameOf(activeOption())).toBe('prod-readonly');
    await user.keyboard('{ArrowDown}');
    expect(nameOf(activeOption())).toMatch(/^Other roles/);
    await user.keyboard('{End}');
    expect(nameOf(activeOption())).toBe('audit');
    await user.keyboard('{ArrowDown}');
    expect(nameOf(activeOption())).toBe('audit');
    await user.keyboard('{Home}');
    expect(nameOf(activeOption())).toMatch(/^Payments/);
    await user.keyboard('{PageDown}');
    expect(nameOf(activeOption())).toBe('audit');
    await user.keyboard('{PageUp}');
    expect(nameOf(activeOption())).toMatch(/^Payments/);
  });

  it('signs in with Enter where the settings say, Shift+Enter in a new window, Ctrl or Cmd+Enter in this tab', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'audit');
    await user.keyboard('{Enter}');
    await screen.findByText(/^Signed in as/);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    await waitFor(() => expect(sentOf('signIn')).toHaveLength(4));
    expect(sentOf('signIn').map((r) => [r.profile, r.openIn])).toEqual([
      ['audit', undefined], ['audit', 'new-window'], ['audit', 'current-tab'], ['audit', 'current-tab'],
    ]);
  });

  it('signs in on a click, with the same modifiers', async () => {
    const { user } = await renderPopup();
    await user.click(screen.getByRole('option', { name: 'dev-admin' }));
    await screen.findByText(/^Signed in as/);
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('option', { name: 'audit' }));
    await waitFor(() => expect(sentOf('signIn').map((r) => [r.profile, r.openIn])).toEqual([['dev-admin', undefined], ['audit', 'new-window']]));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search roles' }));
  });

  it('clears with Esc, then closes the popup', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Escape}');
    expect(search.value).toBe('');
    expect(close).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(close).toHaveBeenCalledOnce();
  });

  it('focuses the search box with "/" from anywhere, and types "/" inside it', async () => {
    const { user, search } = await renderPopup();
    screen.getByRole('button', { name: 'Sort A–Z' }).focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect(search.value).toBe('');
    await user.keyboard('role/Admin');
    expect(search.value).toBe('role/Admin');
    // Esc works from a toolbar button too: the search is cleared and focused, nothing else happens.
    screen.getByRole('button', { name: 'Hide account ids' }).focus();
    await user.keyboard('{Escape}');
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
    expect(close).not.toHaveBeenCalled();
  });

  it('opens and closes a section with Enter on its header, and remembers it', async () => {
    const { user } = await renderPopup();
    await user.keyboard('{Home}{Enter}');
    expect(optionNames()).toEqual([
      'Payments (2), collapsed. Press Enter to expand.',
      'Other roles (3), expanded. Press Enter to collapse.', 'dev-admin', 'dev-deployer', 'audit',
    ]);
    expect(storedValue('popup.view')).toMatchObject({ collapsed: ['group:Payments'] });
    await user.click(screen.getByRole('option', { name: /^Payments/ }));
    expect(optionNames()).toHaveLength(7);
  });
});

describe('favourites, recent use and view options', () => {
  it('stars the selected role with Ctrl+S: it moves to Favourites, stays selected, and is stored', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'audit');
    await user.keyboard('{Control>}s{/Control}');
    expect(storedValue('roles.favourites')).toEqual(['audit']);
    await user.clear(search);
    expect(optionNames().slice(0, 3)).toEqual(['Favourites (1), expanded. Press Enter to collapse.', 'audit', 'Payments (2), expanded. Press Enter to collapse.']);
    expect(descriptionOf(screen.getByRole('option', { name: 'audit' }))).toMatch(/^Favourite/);
  });

  it('stars with a click on the star without signing in', async () => {
    const { user } = await renderPopup();
    const option = screen.getByRole('option', { name: 'dev-deployer' });
    await user.click(option.querySelector('.star') as HTMLElement);
    expect(storedValue('roles.favourites')).toEqual(['dev-deployer']);
    expect(sentOf('signIn')).toHaveLength(0);
  });

  it('lists stored favourites, then recent use, then the groups', async () => {
    resetBrowser(rolesList(ROLES), { 'roles.favourites': ['audit'], 'roles.recent': { 'dev-deployer': [Date.now() - 1000] } });
    await renderPopup();
    expect(optionNames().slice(0, 5)).toEqual([
      'Favourites (1), expanded. Press Enter to collapse.', 'audit',
      'Recently used (1), expanded. Press Enter to collapse.', 'dev-deployer',
      'Payments (2), expanded. Press Enter to collapse.',
    ]);
  });

  it('records a successful sign-in for the frecency order, and only a successful one', async () => {
    setHandler('signIn', ({ profile }) => (profile === 'audit' ? signedInAs(profile, 'arn') : { ok: false, error: { code: 'sts-error', message: 'No.' } }));
    const { user } = await renderPopup();
    await user.click(screen.getByRole('option', { name: 'dev-admin' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('option', { name: 'audit' }));
    await waitFor(() => expect(storedValue('roles.recent')).toEqual({ audit: [expect.any(Number)] }));
  });

  it('sorts A–Z as one list, and remembers it', async () => {
    const { user } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'Sort A–Z' }));
    expect(screen.getByRole('button', { name: 'Sort A–Z' }).getAttribute('aria-pressed')).toBe('true');
    expect(optionNames()).toEqual(['audit', 'dev-admin', 'dev-deployer', 'prod-admin', 'prod-readonly']);
    expect(storedValue('popup.view')).toMatchObject({ alphabetical: true });
  });

  it('hides account ids on request, and still finds by them', async () => {
    const { user, search } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'Hide account ids' }));
    expect(screen.queryByText('123456789012')).toBeNull();
    expect(descriptionOf(screen.getByRole('option', { name: 'prod-admin' }))).not.toMatch(/123456789012/);
    await user.type(search, '4444');
    expect(optionNames()).toEqual(['audit']);
  });

  it('opens the options page from the toolbar\u2019s menu', async () => {
    const { user } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'More: options, help, sign out of all' }));
    await user.click(screen.getByRole('menuitem', { name: 'Options' }));
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });
});

describe('scale', () => {
  it('renders a window of 10,000 roles and filters them', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => role(`team-${i % 50}-role-${i}`, { accountId: String(100000000000 + i), group: `team-${i % 50}` }));
    resetBrowser(rolesList(many), { 'popup.view': { alphabetical: true, hideAccountIds: false, collapsed: [] } });
    const { user, search } = await renderPopup();
    const listbox = screen.getByRole('listbox', { name: 'Roles' });
    expect(within(listbox).getAllByRole('option').length).toBeLessThan(40);
    expect(within(listbox).getAllByRole('option')[0]?.getAttribute('aria-setsize')).toBe('10000');
    await user.type(search, 'role-9999');
    expect(optionNames()).toEqual(['team-49-role-9999']);
    await user.clear(search);
    await user.keyboard('{End}');
    expect(nameOf(activeOption())).toBe('team-49-role-9999');
    // The window moved to the end: its neighbours are rendered too, not only the active row.
    expect(optionNames().length).toBeGreaterThan(10);
    expect(optionNames()).toContain('team-49-role-9949');
  });
});

describe('why a row matched', () => {
  it('shows the group on a search result when the group is what matched', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'paym');
    const option = screen.getByRole('option', { name: 'prod-readonly' });
    expect(option.querySelector('.group mark')?.textContent).toBe('Paym');
    await user.clear(search);
    await user.type(search, 'prod');
    expect(screen.getByRole('option', { name: 'prod-readonly' }).querySelector('.group')).toBeNull();
  });
});

describe('a profile skipped for an error', () => {
  const REASON = 'color = nope is not a colour: write six hex digits, with or without #, like color = ff9900.';
  const skipped = (profile: string, fields: Partial<Parameters<typeof role>[1]> = {}) =>
    role(profile, { accountId: '', roleName: '', roleArn: '', partition: '', skipped: REASON, ...fields });

  beforeEach(() => {
    resetBrowser({ ...rolesList([ROLES[0]!, skipped('prod-typo', { group: 'Payments' }), ROLES[1]!, ...ROLES.slice(2)]) });
  });

  it('is listed greyed out where it would be, as tall as a role, with its reason', async () => {
    await renderPopup();
    expect(optionNames()).toEqual([
      'Payments (3), expanded. Press Enter to collapse.', 'prod-admin', 'prod-typo', 'prod-readonly',
      'Other roles (3), expanded. Press Enter to collapse.', 'dev-admin', 'dev-deployer', 'audit',
    ]);
    const option = screen.getByRole('option', { name: 'prod-typo' });
    expect(option.classList.contains('skipped')).toBe(true);
    expect(descriptionOf(option)).toBe(`Skipped: ${REASON} Enter opens it in the options page, to fix it.`);
    // Rows do not move: the same height as its neighbours.
    expect(option.style.height).toBe(screen.getByRole('option', { name: 'prod-admin' }).style.height);
    expect(option.querySelector('.star')).toBeNull();
  });

  it('is found by its name; Enter opens the options page at it, and never signs in', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'typo');
    expect(optionNames()).toEqual(['prod-typo']);
    await user.keyboard('{Enter}');
    expect(fakeBrowser.tabs.create).toHaveBeenLastCalledWith({ url: 'chrome-extension://popup-test/src/options/index.html#profile=prod-typo' });
    await user.keyboard('{Control>}s{/Control}');
    expect(sentOf('signIn')).toEqual([]);
    expect(storedValue('roles.favourites')).toBeUndefined();
  });

  it('opens the options page on a click too', async () => {
    const { user } = await renderPopup();
    await user.click(screen.getByRole('option', { name: 'prod-typo' }));
    expect(fakeBrowser.tabs.create).toHaveBeenLastCalledWith({ url: 'chrome-extension://popup-test/src/options/index.html#profile=prod-typo' });
    expect(sentOf('signIn')).toEqual([]);
  });
});

describe('a role written with an account alias (AESR)', () => {
  it('has no role ARN or account id to copy in its menu: its account is the alias', async () => {
    resetBrowser(rolesList([
      role('AnotherRole', { accountId: 'account-3-alias', roleName: 'SomeOtherRole', roleArn: 'arn:aws:iam::account-3-alias:role/SomeOtherRole', source: 'default' }),
      role('by-id', { accountId: '123456789012', roleName: 'Admin', roleArn: 'arn:aws:iam::123456789012:role/Admin', source: 'default' }),
    ]));
    const { user } = await renderPopup();
    const items = async (profile: string) => {
      await user.pointer({ keys: '[MouseRight]', target: screen.getByRole('option', { name: profile }) });
      const labels = screen.getAllByRole('menuitem').map((item) => item.textContent);
      await user.keyboard('{Escape}');
      return labels;
    };
    expect(await items('by-id')).toEqual(expect.arrayContaining(['Copy role ARN', 'Copy account id']));
    const alias = await items('AnotherRole');
    expect(alias.length).toBeGreaterThan(0);
    expect(alias).not.toContain('Copy role ARN');
    expect(alias).not.toContain('Copy account id');
  });
});
