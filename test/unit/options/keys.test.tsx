// @vitest-environment happy-dom
/**
 * A source's access keys on the options page (issue 14): saved keys collapse to "AKIA…0001 · user/alice · Replace ·
 * Remove", never more of the key id; Remove asks first, inline; "Save keys" is one step that checks the keys with AWS
 * and saves only when they work, and an error loses nothing typed.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { KeyForm } = await import('../../../src/options/key-form');
const { maskKeyId } = await import('../../../src/options/key-summary');

const KEY_ID = 'AKIAALICEEXAMPLE0001';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ARN = 'arn:aws:iam::111111111111:user/alice';
const SAVED = { source: 'alice', accessKeyId: KEY_ID, arn: ARN };
const VAULT = { initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 };

beforeEach(() => resetBrowser({}));
afterEach(cleanup);

describe('saved keys', () => {
  it('show as one line: the key id cut to its ends, who they belong to, Replace and Remove', () => {
    const { container } = render(<KeyForm status={SAVED} vaultReady onVaultCreated={() => undefined} onChange={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Keys for alice' });
    expect(form.querySelector('.key-summary')?.textContent).toBe('AKIA…0001user/aliceReplaceRemove');
    expect(container.innerHTML).not.toContain(KEY_ID);
    expect(screen.queryByLabelText('Access key id')).toBeNull();
    expect(screen.getByText('user/alice').getAttribute('title')).toBe(ARN);
  });

  it('never show more of a key id than its first and last four characters', () => {
    expect(maskKeyId(KEY_ID)).toBe('AKIA…0001');
    expect(maskKeyId('AKIA1234')).toBe('…');
  });

  it('are removed only after the inline question is answered', async () => {
    const user = userEvent.setup();
    const changed = vi.fn();
    setHandler('keys.remove', () => ok({ source: 'alice' }));
    render(<KeyForm status={SAVED} vaultReady onVaultCreated={() => undefined} onChange={changed} />);
    await user.click(screen.getByRole('button', { name: 'Remove the keys of alice' }));
    const question = screen.getByRole('group', { name: 'Remove the keys of alice?' });
    expect(sentOf('keys.remove')).toEqual([]);
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Remove the keys of alice?' })).toBeNull();
    expect(sentOf('keys.remove')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove the keys of alice' }));
    await user.click(within(screen.getByRole('group', { name: 'Remove the keys of alice?' })).getByRole('button', { name: 'Remove keys' }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(sentOf('keys.remove')).toEqual([{ source: 'alice' }]);
  });

  it('open the form again with Replace, and Cancel folds it back', async () => {
    const user = userEvent.setup();
    render(<KeyForm status={SAVED} vaultReady onVaultCreated={() => undefined} onChange={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Replace the keys of alice' }));
    expect(screen.getByLabelText('Access key id')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Access key id')).toBeNull();
  });
});

describe('Save keys', () => {
  it('checks the keys with AWS and saves them in one step', async () => {
    const user = userEvent.setup();
    const changed = vi.fn();
    setHandler('keys.verify', () => ok({ arn: ARN, accountId: '111111111111' }));
    setHandler('keys.set', () => ok(SAVED));
    render(<KeyForm status={{ source: 'alice' }} vaultReady onVaultCreated={() => undefined} onChange={changed} />);
    expect(screen.queryByRole('button', { name: 'Check keys' })).toBeNull();
    await user.type(screen.getByLabelText('Access key id'), KEY_ID);
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(sentOf('keys.verify')).toEqual([{ source: 'alice', accessKeyId: KEY_ID, secretAccessKey: SECRET }]);
    expect(sentOf('keys.set')).toEqual([{ source: 'alice', accessKeyId: KEY_ID, secretAccessKey: SECRET }]);
  });

  it('saves nothing when AWS refuses the keys, says why, and keeps what was typed', async () => {
    const user = userEvent.setup();
    setHandler('keys.verify', () => fail('sts-error', 'AWS does not know this access key id (InvalidClientTokenId). Check that you copied the whole key.'));
    render(<KeyForm status={{ source: 'alice' }} vaultReady={false} onVaultCreated={() => undefined} onChange={() => undefined} />);
    await user.type(screen.getByLabelText('Access key id'), KEY_ID);
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.type(screen.getByLabelText('Vault passphrase'), 'correct horse battery staple');
    await user.type(screen.getByLabelText('Confirm passphrase'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    expect((await screen.findByRole('alert')).textContent).toBe('AWS does not know this access key id (InvalidClientTokenId). Check that you copied the whole key.');
    expect(sentOf('vault.create')).toEqual([]);
    expect(sentOf('keys.set')).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>('Access key id').value).toBe(KEY_ID);
    expect(screen.getByLabelText<HTMLInputElement>('Secret access key').value).toBe(SECRET);
    expect(screen.getByLabelText<HTMLInputElement>('Vault passphrase').value).toBe('correct horse battery staple');
  });

  it('makes the vault with the first keys, once AWS took them', async () => {
    const user = userEvent.setup();
    const created = vi.fn();
    setHandler('keys.verify', () => ok({ arn: ARN, accountId: '111111111111' }));
    setHandler('vault.create', () => ok(VAULT));
    setHandler('keys.set', () => ok(SAVED));
    render(<KeyForm status={{ source: 'alice' }} vaultReady={false} onVaultCreated={created} onChange={() => undefined} />);
    await user.type(screen.getByLabelText('Access key id'), KEY_ID);
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.type(screen.getByLabelText('Vault passphrase'), 'correct horse battery staple');
    await user.type(screen.getByLabelText('Confirm passphrase'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    await waitFor(() => expect(created).toHaveBeenCalledWith(VAULT));
    expect(sentOf('vault.create')).toEqual([{ passphrase: 'correct horse battery staple' }]);
    expect(sentOf('keys.set')).toHaveLength(1);
  });
});
