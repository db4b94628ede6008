// @vitest-environment happy-dom
/**
 * The popup's own menu (issue 14, popup/popup-menu.tsx): options, help, the version and the shortcut that opens the
 * popup as the browser has it, and "Sign out of all sessions", asked first.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, fakeBrowser, ok, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs, storedValue } from './fake-browser';
import { optionNames, renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const commands = { shortcut: 'Alt+Shift+R' };
Object.assign(fakeBrowser, {
  commands: { getAll: () => Promise.resolve([{ name: '_execute_action', shortcut: commands.shortcut }]) },
});

beforeEach(() => {
  resetBrowser({ ...rolesList([role('prod-admin')]), 'sessions.signOutAll': () => ok({ signedOut: 2 }) });
  commands.shortcut = 'Alt+Shift+R';
});
afterEach(cleanup);

async function openMenu() {
  const popup = await renderPopup();
  await popup.user.click(screen.getByRole('button', { name: 'More: options, help, sign out of all' }));
  return popup;
}

describe('the popup\u2019s menu', () => {
  it('offers the options page, help, and shows the version and the shortcut that opens the popup', async () => {
    const { user } = await openMenu();
    const menu = screen.getByRole('menu', { name: 'More: options, help, sign out of all' });
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Options', 'Help', 'Sign out of all sessions…']);
    expect(document.activeElement?.textContent).toBe('Options');
    expect(screen.getByRole('menuitem', { name: 'Help' }).getAttribute('href')).toMatch(/^chrome-extension:\/\/[^/]+\/src\/welcome\/index\.html$/);
    expect(screen.getByText('Version 1.2.3')).toBeTruthy();
    expect(await screen.findByText('Alt+Shift+R opens this popup')).toBeTruthy();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Help');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce();
    expect(menu.isConnected).toBe(true);
  });

  it('says where to set a shortcut when none is set', async () => {
    commands.shortcut = '';
    await openMenu();
    expect(await screen.findByText("No shortcut opens this popup: set one in the browser's extension shortcuts")).toBeTruthy();
  });

  it('closes with Esc, giving focus back to its button, and moves no row', async () => {
    const { user } = await renderPopup();
    const row = screen.getByRole('option', { name: 'prod-admin' });
    const top = row.style.top;
    await user.click(screen.getByRole('button', { name: 'More: options, help, sign out of all' }));
    expect(row.style.top).toBe(top);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'More: options, help, sign out of all' }));
  });
});

describe('sign out of all sessions', () => {
  it('asks first, with Cancel focused; Cancel signs nothing out', async () => {
    const { user } = await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all sessions…' }));
    const dialog = screen.getByRole('alertdialog', { name: /^Sign out of every console session this extension opened\?/ });
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Enter}');
    expect(dialog.isConnected).toBe(false);
    expect(sentOf('sessions.signOutAll')).toEqual([]);
  });

  it('signs every session out with one message once confirmed', async () => {
    const { user } = await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all sessions…' }));
    await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(sentOf('sessions.signOutAll')).toEqual([{}]);
  });

  it('says why when it could not, and lets the person try again', async () => {
    setHandler('sessions.signOutAll', () => fail('internal', 'The session list could not be read. Try again.'));
    const { user } = await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all sessions…' }));
    await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The session list could not be read. Try again.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign out of all' }).disabled).toBe(false);
  });
});

describe('grouping the roles without a group (issue 14)', () => {
  const ROLES = [role('prod-admin', { group: 'Payments' }), role('dev-admin', { source: 'alice' }), role('audit', { source: 'bob' })];

  it('lists them together by default, and by their source when the person ticks it; the choice is kept', async () => {
    resetBrowser(rolesList(ROLES));
    const { user } = await renderPopup();
    expect(optionNames()).toEqual(['Payments (1), expanded. Press Enter to collapse.', 'prod-admin', 'Other roles (2), expanded. Press Enter to collapse.', 'dev-admin', 'audit']);
    await user.click(screen.getByRole('button', { name: 'More: options, help, sign out of all' }));
    const box = screen.getByRole('menuitemcheckbox', { name: 'Group roles without a group by their source' });
    expect(box.getAttribute('aria-checked')).toBe('false');
    await user.click(box);
    expect(optionNames()).toEqual([
      'Payments (1), expanded. Press Enter to collapse.', 'prod-admin',
      'alice (1), expanded. Press Enter to collapse.', 'dev-admin', 'bob (1), expanded. Press Enter to collapse.', 'audit',
    ]);
    expect(storedValue('popup.view')).toMatchObject({ groupBySource: true });
    expect(screen.getByRole('menuitemcheckbox', { name: 'Group roles without a group by their source' }).getAttribute('aria-checked')).toBe('true');
  });
});

describe('Recently used keeps its size while the popup is open (issue 14)', () => {
  it('through a search and a sign-in to a role that was not in it', async () => {
    const now = Date.now();
    const roles = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => role(name, { group: 'G' }));
    resetBrowser({ ...rolesList(roles), signIn: ({ profile }) => signedInAs(profile, 'arn') }, { 'roles.recent': { a: [now - 1000], b: [now - 2000] } });
    const { user, search } = await renderPopup();
    const before = optionNames();
    expect(before.slice(0, 3)).toEqual(['Recently used (2), expanded. Press Enter to collapse.', 'a', 'b']);
    await user.type(search, 'f');
    expect(optionNames()).toEqual(['f']);
    await user.clear(search);
    expect(optionNames()).toEqual(before);
    await user.keyboard('{End}{Enter}');
    await waitFor(() => expect(storedValue('roles.recent')).toHaveProperty('g'));
    expect(optionNames()).toEqual(before);
  });
});
