// @vitest-environment happy-dom
/**
 * A sign-in's success on the status line (issue 14): the profile with the role and account, not the raw ARN; the
 * ARN on hover and behind Copy ARN, on the same line.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInAs as readSignedInAs } from '../../../src/core/sessions/signed-in-as';
import { resetBrowser, role, rolesList, setHandler, signedInAs } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ARN = 'arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com';

beforeEach(() => resetBrowser(rolesList([role('prod-admin', { accountId: '123456789012' })])));
afterEach(cleanup);

describe('who the sign-in made you', () => {
  it('reads the role and the account from the assumed-role ARN, a permission set by its name', () => {
    expect(readSignedInAs(ARN)).toEqual({ roleName: 'Admin', accountId: '123456789012' });
    expect(readSignedInAs('arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane')).toEqual({
      roleName: 'AdministratorAccess',
      accountId: '222222222222',
    });
    // A console switch by account alias: the alias stands for the account.
    expect(readSignedInAs('arn:aws:sts::acme-prod:assumed-role/Admin/alice')).toEqual({ roleName: 'Admin', accountId: 'acme-prod' });
    expect(readSignedInAs('arn:aws:iam::123456789012:role/Admin')).toBeUndefined();
  });
});

describe('the success line', () => {
  it('says "Signed in as prod-admin (Admin · 123456789012)", the ARN on hover, and copies the ARN', async () => {
    setHandler('signIn', ({ profile }) => signedInAs(profile, ARN));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Signed in as prod-admin (Admin · 123456789012)'));
    expect(status.getAttribute('title')).toBe(ARN);
    // On the status line, beside the status (not in it, not over the list).
    const copy = screen.getByRole('button', { name: 'Copy ARN' });
    expect(copy.parentElement).toBe(status.parentElement);
    expect(copy.closest('.sheet')).toBeNull();
    await user.click(copy);
    await screen.findByRole('button', { name: 'ARN copied' });
    expect(await navigator.clipboard.readText()).toBe(ARN);
  });

  it('names the profile alone when the ARN cannot be read, and still offers it', async () => {
    setHandler('signIn', ({ profile }) => signedInAs(profile, 'not-an-arn'));
    const { user } = await renderPopup();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in as prod-admin'));
    expect(screen.getByRole('status').getAttribute('title')).toBe('not-an-arn');
    expect(screen.getByRole('button', { name: 'Copy ARN' })).toBeTruthy();
  });

  it('shows no Copy ARN before a sign-in or while one runs', async () => {
    setHandler('signIn', () => new Promise(() => undefined));
    const { user } = await renderPopup();
    expect(screen.queryByRole('button', { name: 'Copy ARN' })).toBeNull();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Signing in as prod-admin/));
    expect(screen.queryByRole('button', { name: 'Copy ARN' })).toBeNull();
  });
});
