// @vitest-environment happy-dom
/**
 * Every state the popup can be in: empty configuration, a list that failed to load, sign-in progress, success,
 * errors with a retry, the vault passphrase and the MFA code. None of them may lose the search text.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/preact';
import { ROLES_INDEX_VERSION } from '../../../src/platform/roles-index';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestOf, Result, SignInResult } from '../../../src/messages';
import { emitEvent, emitStorageChange, fail, fakeBrowser, ok, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs } from './fake-browser';
import { renderPopup } from './setup';
import { EXAMPLE } from '../../../popup/empty-state';
import { parseConfig } from '../../../src/core/config';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [role('dev-admin', { accountId: '222222222222' }), role('prod-admin', { accountId: '333333333333', source: 'alice' })];
const signedIn = (profile: string): Result<SignInResult> => signedInAs(profile, `arn:aws:sts::333333333333:assumed-role/Admin/${profile}`);

/** A signIn handler the test answers by hand, to look at the popup while the sign-in is in flight. */
function pendingSignIn() {
  const calls: Array<{ request: RequestOf<'signIn'>; answer: (result: Result<SignInResult>) => void }> = [];
  setHandler('signIn', (request) => new Promise((answer) => calls.push({ request, answer })));
  return calls;
}

const searchBox = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Search roles' });

beforeEach(() => resetBrowser(rolesList(ROLES)));
afterEach(cleanup);

describe('empty configuration', () => {
  it('says there are no roles, shows an example, and opens the options page', async () => {
    resetBrowser(rolesList([]));
    const { user } = await renderPopup({ waitForList: false });
    await screen.findByText('No roles yet.');
    // Two lines, a section header and its role: valid INI that the configuration takes as one role, no problem.
    const example = screen.getByText(/role_arn = arn:aws:iam::123456789012:role\/Admin/);
    expect(example.textContent).toBe(EXAMPLE);
    expect(EXAMPLE.split('\n')).toEqual(['[profile prod-admin]', 'role_arn = arn:aws:iam::123456789012:role/Admin']);
    const model = parseConfig(EXAMPLE);
    expect(model.roles.map((r) => r.roleArn)).toEqual(['arn:aws:iam::123456789012:role/Admin']);
    expect(model.diagnostics).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Open the options page' }));
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });
});

describe('loading the roles', () => {
  it('shows why the list could not be read, and retries', async () => {
    setHandler('roles.list', () => fail('internal', 'The background could not be reached.'));
    const { user } = await renderPopup({ waitForList: false });
    expect((await screen.findByRole('alert')).textContent).toContain('The background could not be reached.');
    expect(screen.getByRole('button', { name: 'Copy details' })).toBeTruthy();
    setHandler('roles.list', () => ok({ roles: ROLES, diagnostics: [] }));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('option', { name: 'dev-admin' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a configuration change while the popup is open', () => {
  it('follows the role index the background rewrites, keeping the search text', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'admin');
    emitStorageChange('local', { 'roles.index': { newValue: { version: ROLES_INDEX_VERSION, stamp: 'stamp-2', json: JSON.stringify([...ROLES, role('new-admin')]) } } });
    await screen.findByRole('option', { name: 'new-admin' });
    expect(search.value).toBe('admin');
    // Other storage changes, and an index of another version, change nothing.
    emitStorageChange('local', { 'roles.favourites': { newValue: [] } });
    emitStorageChange('local', { 'roles.index': { newValue: { version: ROLES_INDEX_VERSION + 1, stamp: 'stamp-3', json: '[]' } } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('option', { name: 'new-admin' })).toBeTruthy();
  });
});

describe('signing in', () => {
  it('shows each step the background reports, then the signed-in ARN', async () => {
    const calls = pendingSignIn();
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status').textContent).toBe('Signing in as prod-admin…');
    const requestId = calls[0]?.request.requestId ?? '';
    expect(requestId).not.toBe('');
    await act(() => emitEvent('signIn.progress', { requestId, profile: 'prod-admin', step: 'assuming-role', hop: 2, hops: 3 }));
    expect(screen.getByRole('status').textContent).toBe('Signing in as prod-admin: assuming role 2 of 3…');
    await act(() => emitEvent('signIn.progress', { requestId: 'someone-else', profile: 'dev-admin', step: 'opening-console' }));
    expect(screen.getByRole('status').textContent).toContain('assuming role 2 of 3');
    await act(() => emitEvent('signIn.progress', { requestId, profile: 'prod-admin', step: 'getting-token' }));
    expect(screen.getByRole('status').textContent).toBe('Signing in as prod-admin: getting a sign-in token…');
    calls[0]?.answer(signedIn('prod-admin'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in as prod-admin (Admin · 333333333333)'));
    expect(search.value).toBe('prod');
  });

  it('puts what AWS changed under the list, where it covers no row, and alerts in the sheet over it (issue 14)', async () => {
    setHandler('signIn', ({ profile }) => ok({ ...(signedIn(profile) as { value: SignInResult }).value, notes: ['The role allows 1 h at most.'] }));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    const notes = await screen.findByRole('list', { name: 'About this session' });
    const listbox = screen.getByRole('listbox', { name: 'Roles' });
    expect(notes.textContent).toBe('The role allows 1 h at most.');
    expect(listbox.compareDocumentPosition(notes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(notes.closest('.sheet')).toBeNull();

    setHandler('signIn', () => fail('sts-error', 'You are not allowed to assume this role.'));
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    // In the sheet that shares the list's grid cell: over the rows, not above them.
    expect(alert.closest('.sheet')?.parentElement?.querySelector(':scope > .under [role="listbox"]')).toBe(listbox);
  });

  it('ignores Enter while a sign-in is running', async () => {
    const calls = pendingSignIn();
    const { user } = await renderPopup();
    await user.keyboard('{Enter}{Enter}');
    expect(calls).toHaveLength(1);
  });

  it('offers the action that can mend a failure, and Retry only where retrying can help', async () => {
    setHandler('signIn', () => fail('no-keys', 'No access keys are set for the source "alice".', { fix: 'keys', subject: 'alice' }));
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Enter}');
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add keys' }));
    expect(fakeBrowser.tabs.create).toHaveBeenLastCalledWith({ url: 'chrome-extension://popup-test/src/options/index.html#keys=alice' });

    setHandler('signIn', () => fail('sts-error', 'You are not allowed to assume the role.', { fix: 'profile', subject: 'prod-admin' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open profile' }));
    expect(fakeBrowser.tabs.create).toHaveBeenLastCalledWith({ url: 'chrome-extension://popup-test/src/options/index.html#profile=prod-admin' });
  });

  it('shows an error with a retry that repeats the same sign-in, keeping the search text', async () => {
    setHandler('signIn', () => fail('timeout', 'AWS did not answer in time. Try again.'));
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect((await screen.findByRole('alert')).textContent).toContain('AWS did not answer in time. Try again.');
    setHandler('signIn', ({ profile }) => signedIn(profile));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Signed in as/));
    expect(sentOf('signIn').map((r) => [r.profile, r.openIn])).toEqual([['prod-admin', 'new-window'], ['prod-admin', 'new-window']]);
    expect(search.value).toBe('prod');
    expect(document.activeElement).toBe(searchBox());
  });

  it('copies the details of an error for a ticket: AWS code, request id, profile, time, version (issue 14)', async () => {
    const requestId = 'c6104cbe-af31-11e0-8154-cbc7ccf896c7';
    setHandler('signIn', () => fail('sts-error', 'You are not allowed to assume this role.', { fix: 'profile', subject: 'prod-admin', awsCode: 'AccessDenied', requestId }));
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Enter}');
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    await screen.findByRole('button', { name: 'Details copied' });
    const text = await navigator.clipboard.readText();
    expect(text).toContain('AWS error code: AccessDenied');
    expect(text).toContain(`AWS request id: ${requestId}`);
    expect(text).toContain('Profile: prod-admin');
    expect(text).toMatch(/^Time: \d{4}-\d\d-\d\dT/m);
    expect(text).toContain('Extension version: 1.2.3');
  });

  it('dismisses an error', async () => {
    setHandler('signIn', () => fail('sts-error', 'You are not allowed to assume this role.'));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('locked vault', () => {
  it('asks for the passphrase inline, unlocks, and signs in', async () => {
    setHandler('signIn', () => fail('vault-locked', 'The vault is locked.'));
    setHandler('vault.unlock', () => ok({ initialized: true, locked: false, autoLockMinutes: 15, mfaSessionMinutes: 0 }));
    const { user, search } = await renderPopup();
    await user.type(search, 'dev');
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Unlock the vault' });
    expect(form.textContent).toContain('Enter your passphrase to sign in as dev-admin.');
    const field = screen.getByLabelText('Passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
    // Kept out of autofill and password managers.
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(field.hasAttribute('data-1p-ignore')).toBe(true);
    expect(field.getAttribute('data-lpignore')).toBe('true');
    setHandler('signIn', ({ profile }) => signedIn(profile));
    await user.type(field, 'correct horse{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Signed in as/));
    expect(sentOf('vault.unlock')).toEqual([{ passphrase: 'correct horse' }]);
    expect(screen.queryByRole('form')).toBeNull();
    expect(search.value).toBe('dev');
    expect(document.activeElement).toBe(search);
  });

  it('says a wrong passphrase is wrong and asks again', async () => {
    setHandler('signIn', () => fail('vault-locked', 'The vault is locked.'));
    setHandler('vault.unlock', () => fail('wrong-passphrase', 'That passphrase is wrong; nothing changed.'));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    await user.type(await screen.findByLabelText('Passphrase'), 'nope{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase is wrong; nothing changed.');
    expect(screen.getByLabelText<HTMLInputElement>('Passphrase').value).toBe('');
    expect(screen.getByRole('form', { name: 'Unlock the vault' })).toBeTruthy();
  });

  it('closes the prompt with Esc and gives focus back to the search text', async () => {
    setHandler('signIn', () => fail('vault-locked', 'The vault is locked.'));
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const { user, search } = await renderPopup();
    await user.type(search, 'dev');
    await user.keyboard('{Enter}');
    await user.click(await screen.findByLabelText('Passphrase'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(search.value).toBe('dev');
    expect(document.activeElement).toBe(search);
    expect(close).not.toHaveBeenCalled();
  });
});

describe('MFA', () => {
  it('asks for a 6-digit code inline and signs in with it', async () => {
    setHandler('signIn', ({ mfaCode }) => (mfaCode === undefined ? fail('mfa-required', 'An MFA code is needed.', { mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' }) : signedIn('prod-admin')));
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const form = await screen.findByRole('form', { name: 'MFA code' });
    expect(form.textContent).toContain('prod-admin needs a code from your MFA device arn:aws:iam::111111111111:mfa/alice.');
    const field = screen.getByLabelText<HTMLInputElement>('6-digit code');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' });
    await user.type(field, '12a3 45');
    expect(field.value).toBe('12345');
    expect(submit.disabled).toBe(true);
    // The sixth digit sends the code (issue 14): no click needed.
    await user.type(field, '6');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Signed in as/));
    expect(sentOf('signIn').at(-1)).toMatchObject({ profile: 'prod-admin', openIn: 'current-tab', mfaCode: '123456' });
    expect(search.value).toBe('prod');
  });

  it('asks again when AWS refuses the code', async () => {
    setHandler('signIn', ({ mfaCode }) =>
      mfaCode === undefined ? fail('mfa-required', 'An MFA code is needed.') : fail('mfa-invalid', 'AWS refused that MFA code. Wait for the next one and try again.'),
    );
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('form', { name: 'MFA code' })).textContent).toContain('dev-admin needs a code from your MFA device.');
    await user.type(screen.getByLabelText('6-digit code'), '000000');
    expect((await screen.findByRole('alert')).textContent).toContain('AWS refused that MFA code.');
    expect(screen.getByLabelText<HTMLInputElement>('6-digit code').value).toBe('');
  });
});
