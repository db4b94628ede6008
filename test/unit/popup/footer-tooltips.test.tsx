// @vitest-environment happy-dom
/**
 * Issue 14's small things in the list: the key hints only where there is a role to act on (none over a prompt, in the
 * empty popup, with no match, when the list failed), and a tooltip with the full name on a name its ellipsis cut.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, resetBrowser, role, rolesList, setHandler } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const LONG = 'payments-production-eu-west-1-break-glass-administrator';
const ROLES = [role('dev'), role(LONG, { group: 'A group name long enough to be cut at the popup\u2019s width' })];

const hints = () => document.querySelector('footer.hints');

beforeEach(() => resetBrowser(rolesList(ROLES)));
afterEach(cleanup);

describe('the key hints', () => {
  it('are under the list of roles', async () => {
    await renderPopup();
    expect(hints()?.textContent).toContain('↵ sign in');
  });

  it('hide while a prompt asks for an MFA code or the passphrase, and come back after', async () => {
    setHandler('signIn', () => fail('mfa-required', 'An MFA code is needed.'));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    await screen.findByRole('form', { name: 'MFA code' });
    expect(hints()).toBeNull();
    await user.keyboard('{Escape}');
    expect(hints()).not.toBeNull();
    setHandler('signIn', () => fail('vault-locked', 'The vault is locked.'));
    await user.keyboard('{Enter}');
    await screen.findByRole('form', { name: 'Unlock the vault' });
    expect(hints()).toBeNull();
  });

  it('hide in the empty popup, with no match, and when the list could not be read', async () => {
    resetBrowser(rolesList([]));
    const empty = await renderPopup({ waitForList: false });
    await screen.findByText('No roles yet.');
    expect(hints()).toBeNull();
    empty.unmount();

    resetBrowser(rolesList(ROLES));
    const { user, search, unmount } = await renderPopup();
    await user.type(search, 'nothing-like-this');
    expect(screen.getByText(/No role matches/)).toBeTruthy();
    expect(hints()).toBeNull();
    await user.clear(search);
    expect(hints()).not.toBeNull();
    unmount();

    resetBrowser({ 'roles.list': () => fail('internal', 'The role list could not be read.') });
    await renderPopup({ waitForList: false });
    await screen.findByRole('alert');
    expect(hints()).toBeNull();
  });
});

describe('tooltips on cut names', () => {
  /** As the browser lays it out: text `text` px wide in a box `box` px wide. */
  function laidOut(element: Element, text: number, box: number) {
    Object.defineProperty(element, 'scrollWidth', { configurable: true, value: text });
    Object.defineProperty(element, 'clientWidth', { configurable: true, value: box });
  }

  it('give the full profile name when its ellipsis cut it, and nothing when it fits', async () => {
    const { user } = await renderPopup();
    const long = screen.getByRole('option', { name: LONG }).querySelector('.name') as HTMLElement;
    const short = screen.getByRole('option', { name: 'dev' }).querySelector('.name') as HTMLElement;
    laidOut(long, 420, 250);
    laidOut(short, 30, 250);
    await user.hover(long);
    await user.hover(short);
    expect(long.title).toBe(LONG);
    expect(short.hasAttribute('title')).toBe(false);
  });

  it('give a section\u2019s full title too', async () => {
    const { user } = await renderPopup();
    const title = [...document.querySelectorAll<HTMLElement>('.section .title')].find((element) => element.textContent?.startsWith('A group'));
    if (!title) throw new Error('no section title');
    laidOut(title, 400, 200);
    await user.hover(title);
    expect(title.title).toBe('A group name long enough to be cut at the popup\u2019s width');
  });
});
