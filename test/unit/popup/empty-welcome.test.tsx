// @vitest-environment happy-dom
/** The empty popup (issue 14) points a newcomer at the welcome page's three steps: a link that opens it in a tab. */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetBrowser, rolesList } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

afterEach(cleanup);

describe('the empty popup', () => {
  it('opens the welcome page', async () => {
    resetBrowser(rolesList([]));
    const { user } = await renderPopup({ waitForList: false });
    await user.click(await screen.findByRole('button', { name: 'New here? Start with the welcome page' }));
    expect(fakeBrowser.tabs.create).toHaveBeenCalledExactlyOnceWith({ url: 'chrome-extension://popup-test/src/welcome/index.html' });
  });
});
