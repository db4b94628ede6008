// @vitest-environment happy-dom
/**
 * The options page's sign-in settings about the console tab in front (issue 13): "show only roles that can switch
 * from this console" (also a toggle in the popup) and the default way of a role that could go either way, each saved
 * at once with the other sign-in settings.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInSettings } from '../../../src/messages';
import { ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { SignInSettingsPanel } = await import('../../../src/options/sign-in-settings');
const { DEFAULT_SIGN_IN_SETTINGS } = await import('../../../src/background/sign-in/settings');

let stored: SignInSettings;

beforeEach(() => {
  resetBrowser();
  stored = { ...DEFAULT_SIGN_IN_SETTINGS, onlySwitchable: false, defaultWay: 'keys' };
  setHandler('settings.get', () => ok(stored));
  setHandler('settings.save', (change) => ok((stored = { ...stored, ...change })));
});
afterEach(cleanup);

describe('the console tab settings', () => {
  it('saves "only roles that can switch" and the default way as they change', async () => {
    const user = userEvent.setup();
    render(<SignInSettingsPanel />);
    const only = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Show only roles that can switch from this console' });
    const way = screen.getByRole<HTMLSelectElement>('combobox', { name: 'When a role can sign in with keys or switch the console tab' });
    expect(only.checked).toBe(false);
    expect(way.value).toBe('keys');
    expect([...way.options].map((option) => option.text)).toEqual(['keys: a new session with a timer', 'switch this console tab']);

    await user.click(only);
    await user.selectOptions(way, 'console');
    await waitFor(() => expect(sentOf('settings.save')).toEqual([{ onlySwitchable: true }, { defaultWay: 'console' }]));
    expect(stored).toMatchObject({ onlySwitchable: true, defaultWay: 'console' });
    await waitFor(() => expect(way.value).toBe('console'));
  });
});
