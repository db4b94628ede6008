// @vitest-environment happy-dom
/**
 * How the popup opens: from its localStorage mirror at once (the list is in the DOM when render returns, before
 * any await), then storage.local confirms it and any change wins: a new role index, favourites starred elsewhere.
 * A damaged, old or missing mirror falls back to storage.local, and nothing in it is ever trusted over storage.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../popup/app';
import { startOpening } from '../../../popup/initial-load';
import type { RoleSummary } from '../../../src/messages';
import { ROLES_INDEX_VERSION } from '../../../src/platform/roles-index';
import { emitStorageChange, fakeBrowser, resetBrowser, role, rolesList, sentOf } from './fake-browser';
import { optionNames } from './setup';

/** The roles' names in list order, without the section headers (options too, for the keyboard). */
const roleNames = () => optionNames().filter((name) => !/, (expanded|collapsed)\./.test(name));

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [role('dev-admin'), role('prod-admin'), role('stage-admin')];

function storedIndex(roles: RoleSummary[], stamp: string) {
  return {
    'roles.index': { version: ROLES_INDEX_VERSION, stamp, json: JSON.stringify(roles) },
    'roles.indexStamp': stamp,
  };
}

/** Opens the popup as main.tsx does: from the mirror when it has one, storage.local's answer still to come. */
function openPopup() {
  const opening = startOpening();
  const view = render(<App opening={{ first: opening.mirrored, later: opening.confirmed }} />);
  return { opening, ...view };
}

/** One opening that reads storage.local and leaves the mirror behind, then closes. */
async function openAndClose(): Promise<void> {
  const { opening, unmount } = openPopup();
  expect(opening.mirrored).toBeUndefined();
  await screen.findByRole('option', { name: 'dev-admin' });
  await opening.confirmed;
  unmount();
}

beforeEach(() => resetBrowser(rolesList([]), storedIndex(ROLES, 'stamp-1')));
afterEach(cleanup);

describe('opening from the mirror', () => {
  it('has no mirror the first time: reads storage.local, shows the list, and keeps a mirror', async () => {
    await openAndClose();
    expect(localStorage.getItem('opening.index')).toContain('stamp-1');
    expect(sentOf('roles.list')).toEqual([]);
  });

  it('renders the list synchronously the next time, and storage.local only confirms it with a small read', async () => {
    await openAndClose();
    fakeBrowser.storage.local.get.mockClear();
    const { opening } = openPopup();
    // No await between render and here: the first frame can only be the list.
    expect(roleNames()).toEqual(['dev-admin', 'prod-admin', 'stage-admin']);
    expect(await opening.confirmed).toBeUndefined();
    expect(fakeBrowser.storage.local.get.mock.calls.map(([keys]) => keys)).toEqual([
      ['roles.indexStamp', 'roles.favourites', 'roles.recent', 'popup.view'],
    ]);
  });

  it('replaces a mirror whose index is no longer current with the stored one', async () => {
    await openAndClose();
    resetBrowser(rolesList([]), storedIndex([role('new-admin'), role('dev-admin')], 'stamp-2'));
    // resetBrowser clears localStorage: put the old mirror back as the last opening left it.
    localStorage.setItem('opening.index', `${ROLES_INDEX_VERSION} stamp-1\n${JSON.stringify(ROLES)}`);
    const { opening } = openPopup();
    expect(roleNames()).toEqual(['dev-admin', 'prod-admin', 'stage-admin']);
    expect(await opening.confirmed).toBeDefined();
    await waitFor(() => expect(roleNames()).toEqual(['new-admin', 'dev-admin']));
    expect(localStorage.getItem('opening.index')).toContain('stamp-2');
  });

  it('follows favourites changed since the mirror was written (in another window)', async () => {
    await openAndClose();
    await fakeBrowser.storage.local.set({ 'roles.favourites': ['stage-admin'] });
    openPopup();
    expect(roleNames()[0]).toBe('dev-admin');
    await waitFor(() => expect(roleNames()[0]).toBe('stage-admin'));
  });

  it('shows a role starred in the popup first in the next opening\u2019s first frame', async () => {
    await openAndClose();
    const user = userEvent.setup();
    const { opening, unmount } = openPopup();
    await opening.confirmed;
    // The second role, starred from the keyboard.
    await user.keyboard('{ArrowDown}{Control>}s{/Control}');
    await waitFor(() => expect(roleNames()[0]).toBe('prod-admin'));
    unmount();
    openPopup();
    expect(roleNames()[0]).toBe('prod-admin');
  });

  it('keeps the mirror when storage.local cannot be read', async () => {
    await openAndClose();
    fakeBrowser.storage.local.get.mockRejectedValueOnce(new Error('storage unavailable'));
    const { opening } = openPopup();
    expect(await opening.confirmed).toBeUndefined();
    expect(roleNames()).toEqual(['dev-admin', 'prod-admin', 'stage-admin']);
  });
});

describe('a mirror that cannot be used', () => {
  it.each([
    ['damaged', `${ROLES_INDEX_VERSION} stamp-1\n[{"profile":`],
    ['of another index version', `${ROLES_INDEX_VERSION - 1} stamp-1\n${JSON.stringify([role('old-shape')])}`],
    ['without a stamp line', JSON.stringify(ROLES)],
  ])('is ignored when %s: the popup reads storage.local', async (_, text) => {
    localStorage.setItem('opening.index', text);
    const { opening } = openPopup();
    expect(opening.mirrored).toBeUndefined();
    await screen.findByRole('option', { name: 'dev-admin' });
    expect(screen.queryByRole('option', { name: 'old-shape' })).toBeNull();
  });

  it('ignores mirrored usage of the wrong shape', async () => {
    await openAndClose();
    localStorage.setItem('opening.usage', JSON.stringify({ version: 1, usage: { 'roles.favourites': 42 } }));
    openPopup();
    expect(roleNames()).toEqual(['dev-admin', 'prod-admin', 'stage-admin']);
  });

  it('is not written when localStorage refuses it (over quota), and a stale one is removed', async () => {
    localStorage.setItem('opening.index', `${ROLES_INDEX_VERSION} stamp-0\n[]`);
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const { opening } = openPopup();
      expect(opening.mirrored).toBeDefined();
      await waitFor(() => expect(roleNames()).toEqual(['dev-admin', 'prod-admin', 'stage-admin']));
      await opening.confirmed;
      expect(localStorage.getItem('opening.index')).toBeNull();
    } finally {
      setItem.mockRestore();
    }
  });

  it('follows a rewrite of the index while open, and mirrors it', async () => {
    await openAndClose();
    openPopup();
    emitStorageChange('local', { 'roles.index': { newValue: storedIndex([role('later-admin')], 'stamp-3')['roles.index'] } });
    await screen.findByRole('option', { name: 'later-admin' });
    expect(localStorage.getItem('opening.index')).toContain('stamp-3');
  });
});
