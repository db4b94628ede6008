// @vitest-environment happy-dom
/**
 * Roles that cannot sign in because their source has no access keys (issue 14) are marked in the list with the
 * reason, greyed as a skipped profile is, and activating one opens the options page at that source's keys instead of
 * an error: the worker is still asked at the click (a console tab in front may switch to the role, however the row
 * was marked when the popup opened), and its "no keys" answer opens the form, with no alert. A locked vault may hold the keys (nothing marked), and a role the console in front
 * can switch to is not marked either (its click goes through the console).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../popup/app';
import { ConsoleOfferProvider } from '../../../popup/console-offer';
import type { ConsoleOffer } from '../../../src/messages';
import { ROLES_INDEX_VERSION } from '../../../src/platform/roles-index';
import { emitStorageChange, fail, fakeBrowser, ok, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs } from './fake-browser';
import { descriptionOf, renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [
  role('dev-admin', { source: 'alice' }),
  role('prod-admin', { source: 'bob', accountId: '333333333333' }),
  role('sso-reader', { source: 'acme-sso' }),
];
const option = (name: string) => screen.getByRole('option', { name });

beforeEach(() => {
  resetBrowser(rolesList(ROLES));
  setHandler('signIn', ({ profile }) => signedInAs(profile, `arn:aws:sts::222222222222:assumed-role/Admin/${profile}`));
});
afterEach(cleanup);

describe('a role whose source has no access keys', () => {
  it('is greyed with the reason, and a click or Enter opens the options page at the keys when the worker finds none, never an error', async () => {
    setHandler('keys.missing', () => ok({ sources: ['bob'] }));
    setHandler('signIn', ({ profile }) =>
      profile === 'prod-admin'
        ? fail('no-keys', 'No access keys are set for the source "bob". Add them on the options page.')
        : signedInAs(profile, `arn:aws:sts::222222222222:assumed-role/Admin/${profile}`));
    const { user, search } = await renderPopup();
    await waitFor(() => expect(descriptionOf(option('prod-admin'))).toContain('No access keys for bob — Add keys'));
    expect(option('prod-admin').className).toContain('skipped');
    expect(descriptionOf(option('prod-admin'))).toContain('Enter opens the options page at the access keys of bob.');
    // The others are as always.
    expect(descriptionOf(option('dev-admin'))).not.toContain('No access keys');
    expect(descriptionOf(option('sso-reader'))).not.toContain('No access keys');

    await user.click(option('prod-admin'));
    await waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenLastCalledWith({ url: 'chrome-extension://popup-test/src/options/index.html#keys=bob' }));
    await user.type(search, 'prod');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledTimes(2));
    expect(sentOf('signIn').map((request) => request.profile)).toEqual(['prod-admin', 'prod-admin']);
    expect(screen.queryByRole('alert')).toBeNull();

    // A role with keys still signs in.
    await user.clear(search);
    await user.click(option('dev-admin'));
    expect(sentOf('signIn').map((request) => request.profile)).toEqual(['prod-admin', 'prod-admin', 'dev-admin']);
  });

  it('is never a role only a console tab can reach (an account alias in its chain): keys would not help', async () => {
    resetBrowser(rolesList([...ROLES, role('AnotherRole', { source: 'bob', accountId: 'account-3-alias', consoleOnly: true })]));
    setHandler('keys.missing', () => ok({ sources: ['bob'] }));
    await renderPopup();
    await waitFor(() => expect(descriptionOf(option('prod-admin'))).toContain('No access keys for bob'));
    expect(descriptionOf(option('AnotherRole'))).not.toContain('No access keys');
    expect(option('AnotherRole').className).not.toContain('skipped');
  });

  it('is asked again when the roles change (a configuration saved while the popup is open)', async () => {
    setHandler('keys.missing', () => ok({ sources: [] }));
    await renderPopup();
    await waitFor(() => expect(sentOf('keys.missing')).toHaveLength(1));
    setHandler('keys.missing', () => ok({ sources: ['carol'] }));
    emitStorageChange('local', {
      'roles.index': { newValue: { version: ROLES_INDEX_VERSION, stamp: 'stamp-2', json: JSON.stringify([...ROLES, role('new-admin', { source: 'carol' })]) } },
    });
    await waitFor(() => expect(descriptionOf(option('new-admin'))).toContain('No access keys for carol — Add keys'));
    expect(sentOf('keys.missing')).toHaveLength(2);
  });

  it('is not marked while the vault is locked: it may hold the keys', async () => {
    setHandler('keys.missing', () => ok({ sources: null }));
    const { user } = await renderPopup();
    await waitFor(() => expect(sentOf('keys.missing')).toHaveLength(1));
    expect(descriptionOf(option('prod-admin'))).not.toContain('No access keys');
    await user.click(option('prod-admin'));
    expect(sentOf('signIn').map((request) => request.profile)).toEqual(['prod-admin']);
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
  });

  it('is not marked when the console in front can switch to it, and marked once the console offer says it cannot', async () => {
    const carol: ConsoleOffer = { partition: 'aws', account: '111111111111', name: 'carol', multiSession: false, switchable: ['prod-admin'], eitherWay: [] };
    setHandler('keys.missing', () => ok({ sources: ['alice', 'bob'] }));
    setHandler('console.offer', () => ok({ console: carol, onlySwitchable: false }));
    const user = userEvent.setup();
    render(
      <ConsoleOfferProvider>
        <App />
      </ConsoleOfferProvider>,
    );
    await waitFor(() => expect(descriptionOf(option('dev-admin'))).toContain('No access keys for alice — Add keys'));
    expect(descriptionOf(option('prod-admin'))).not.toContain('No access keys');
    await user.click(option('prod-admin'));
    expect(sentOf('signIn').map((request) => request.profile)).toEqual(['prod-admin']);
  });
});
