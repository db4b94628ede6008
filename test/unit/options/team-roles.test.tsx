// @vitest-environment happy-dom
/**
 * The options page's side of a team's roles (issue 15): subscribing asks the browser for the file's host in the click
 * and sends nothing when it is refused; an address with a credential is refused before anything is asked; what a
 * subscription added, removed or changed is said; a failed refresh says the copy in use stays and since when; a
 * setting the organisation locks is greyed out with why.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchedConfigInfo, SignInSettings } from '../../../src/messages';
import { fakeBrowser, ok, permissionAnswer, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { SubscriptionPanel } = await import('../../../src/options/subscription-panel');
const { SignInSettingsPanel } = await import('../../../src/options/sign-in-settings');
const { DEFAULT_SIGN_IN_SETTINGS } = await import('../../../src/background/sign-in/settings');

const URL_A = 'https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini';
const FETCHED_AT = Date.UTC(2025, 0, 2, 9, 30);

function subscription(fields: Partial<FetchedConfigInfo> = {}): FetchedConfigInfo {
  return {
    url: URL_A, group: 'team-roles.s3.eu-west-1.amazonaws.com', text: '[a]\n', fetchedAt: FETCHED_AT, checkedAt: FETCHED_AT, removedKeys: 0,
    roles: 2, skipped: 0, diagnostics: [], hostAllowed: true, ...fields,
  };
}

beforeEach(() => {
  resetBrowser();
  setHandler('subscription.get', () => ok({ subscription: null }));
});
afterEach(cleanup);

describe('the subscription panel', () => {
  it('asks for the file\u2019s host on the click, then subscribes and says what it added', async () => {
    setHandler('subscription.subscribe', () => ok({ subscription: subscription(), change: { added: ['team-base', 'team-dev'], removed: [], changed: [] } }));
    const user = userEvent.setup();
    render(<SubscriptionPanel />);
    await user.type(await screen.findByRole('textbox', { name: 'https address of the team\u2019s file' }), URL_A);
    await user.type(screen.getByRole('textbox', { name: 'Group name in the popup (optional)' }), 'Platform');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    await screen.findByText('Subscribed: 2 profiles added (team-base, team-dev).');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://team-roles.s3.eu-west-1.amazonaws.com/*'] });
    expect(sentOf('subscription.subscribe')).toEqual([{ url: URL_A, group: 'Platform' }]);
    expect(screen.getByText(/^2 roles from/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh now' })).toBeTruthy();
  });

  it('fetches nothing when the browser does not allow the host', async () => {
    permissionAnswer.allow = false;
    const user = userEvent.setup();
    render(<SubscriptionPanel />);
    await user.type(await screen.findByRole('textbox', { name: 'https address of the team\u2019s file' }), URL_A);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow reading team-roles.s3.eu-west-1.amazonaws.com, so nothing was fetched.');
    expect(sentOf('subscription.subscribe')).toEqual([]);
  });

  it('refuses an address with a credential in it before asking the browser', async () => {
    const user = userEvent.setup();
    render(<SubscriptionPanel />);
    await user.type(await screen.findByRole('textbox', { name: 'https address of the team\u2019s file' }), `${URL_A}?token=ghp_abc`);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This address carries a credential \(token=…\)/);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('says a refresh was not used and that the copy in use stays, with when it was fetched', async () => {
    const failure = { at: FETCHED_AT + 3_600_000, message: 'team-roles.s3.eu-west-1.amazonaws.com answered HTTP 404 (no such file, or not public): check the address.' };
    setHandler('subscription.get', () => ok({ subscription: subscription() }));
    setHandler('subscription.refresh', () => ok({ subscription: subscription({ failure, checkedAt: failure.at }) }));
    const user = userEvent.setup();
    render(<SubscriptionPanel />);
    await user.click(await screen.findByRole('button', { name: 'Refresh now' }));
    const fetched = new Date(FETCHED_AT).toLocaleString();
    await screen.findByText(`Not refreshed: the copy fetched ${fetched} is still in use.`);
    expect(screen.getByText(/^Not updated/).textContent).toBe(
      `Not updated ${new Date(failure.at).toLocaleString()}: ${failure.message} The copy fetched ${fetched} is still in use.`,
    );
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://team-roles.s3.eu-west-1.amazonaws.com/*'] });
  });
});

describe('settings the organisation locks', () => {
  it('are greyed out, with why', async () => {
    const settings: SignInSettings = { ...DEFAULT_SIGN_IN_SETTINGS, defaultDurationSeconds: 7_200 };
    setHandler('settings.get', () => ok(settings));
    render(<SignInSettingsPanel locked={['defaultDurationSeconds', 'defaultWay']} />);
    const length = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Default session length' });
    expect(length.disabled).toBe(true);
    expect(length.value).toBe('7200');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'When a role can sign in with keys or switch the console tab' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Open the console in' }).disabled).toBe(false);
    await waitFor(() => expect(screen.getByRole('note').textContent).toBe(
      'Set by your organisation, and shown greyed out: the default session length, the way of a role that can sign in with keys or switch the console tab.',
    ));
  });
});
