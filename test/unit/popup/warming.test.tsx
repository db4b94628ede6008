// @vitest-environment happy-dom
/**
 * The popup asks the worker to warm connections (issue 16, popup/use-warming.ts): once the list has painted, for
 * the active row; then for a row the keyboard or the pointer rests on; rows only passed over ask nothing.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, resetBrowser, role, rolesList, sentOf, setHandler } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [role('alpha'), role('bravo'), role('charlie')];
const asked = () => sentOf('connections.warm').map((request) => request.profile);

beforeEach(() => {
  resetBrowser(rolesList(ROLES));
  setHandler('connections.warm', () => ok({ hosts: [] }));
});
afterEach(cleanup);

describe('warming from the popup', () => {
  it('asks once the list has painted, for the active row', async () => {
    await renderPopup();
    await waitFor(() => expect(asked()).toEqual(['alpha']));
  });

  it('asks for the row the keyboard rests on, not for the rows it passes', async () => {
    const { user } = await renderPopup();
    await waitFor(() => expect(asked()).toEqual(['alpha']));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // Bravo's question, had it been asked, would have come first: its rest began earlier.
    await waitFor(() => expect(asked()).toContain('charlie'));
    expect(asked()).toEqual(['alpha', 'charlie']);
  });

  it('asks for the row the pointer rests on', async () => {
    const { user } = await renderPopup();
    await waitFor(() => expect(asked()).toEqual(['alpha']));
    await user.hover(screen.getByRole('option', { name: 'bravo' }));
    await waitFor(() => expect(asked()).toEqual(['alpha', 'bravo']));
  });
});
