// @vitest-environment happy-dom
/**
 * The options page's fields that can hold a secret stay out of autofill, form history, password managers and spell
 * checking; a new vault passphrase needs 12 characters and shows how strong it is while it is typed.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseHint } from '../../../src/core/vault/passphrase';
import { ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

// happy-dom lacks the `spellcheck` IDL attribute, so Preact would set (and, for false, drop) the content attribute
// instead of the property. Browsers reflect it (HTML: "spellcheck" is an enumerated attribute): do the same here.
Object.defineProperty(HTMLElement.prototype, 'spellcheck', {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute('spellcheck') !== 'false';
  },
  set(this: HTMLElement, value: boolean) {
    this.setAttribute('spellcheck', value ? 'true' : 'false');
  },
});

const { KeyForm } = await import('../../../src/options/key-form');
const { ChangePassphrase } = await import('../../../src/options/change-passphrase');
const { VaultPanel } = await import('../../../src/options/vault-panel');
const { ConfigEditor } = await import('../../../src/options/config-editor');
const { SubscriptionPanel } = await import('../../../src/options/subscription-panel');

const LOCKED = { initialized: true, locked: true, autoLockMinutes: 60, mfaSessionMinutes: 480 };
const SOURCE = { source: 'alice', hasKeys: false } as unknown as Parameters<typeof KeyForm>[0]['status'];

function expectKeptOutOfAutofill(field: HTMLElement, { manager = true } = {}): void {
  expect(field.getAttribute('autocomplete'), 'autocomplete').toBe('off');
  expect(field.getAttribute('spellcheck'), 'spellcheck').toBe('false');
  if (manager) {
    expect(field.hasAttribute('data-1p-ignore'), 'data-1p-ignore').toBe(true);
    expect(field.getAttribute('data-lpignore'), 'data-lpignore').toBe('true');
  }
}

beforeEach(() => resetBrowser({}));
afterEach(cleanup);

describe('fields that hold a secret', () => {
  it('the access keys and a first vault passphrase', async () => {
    const user = userEvent.setup();
    setHandler('keys.verify', () => ok({ arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111' }) as never);
    render(<KeyForm status={SOURCE} vaultReady={false} onVaultCreated={() => undefined} onChange={() => undefined} />);
    const keyId = screen.getByLabelText('Access key id');
    const secret = screen.getByLabelText('Secret access key');
    expectKeptOutOfAutofill(keyId);
    expectKeptOutOfAutofill(secret);
    await user.type(keyId, 'AKIAALICEEXAMPLE0001');
    await user.type(secret, 'x'.repeat(40));
    // A first vault's passphrase is asked with the first keys, saved in the same step.
    const passphrase = await screen.findByLabelText('Vault passphrase');
    expectKeptOutOfAutofill(passphrase);
    expectKeptOutOfAutofill(screen.getByLabelText('Confirm passphrase'));
    expect(passphrase.getAttribute('autocomplete')).not.toBe('new-password');
  });

  it('the passphrase fields of unlocking and of a passphrase change', () => {
    render(<VaultPanel vault={{ status: LOCKED, error: undefined, update: () => undefined } as unknown as Parameters<typeof VaultPanel>[0]['vault']} />);
    expectKeptOutOfAutofill(screen.getByLabelText('Passphrase'));
    cleanup();
    render(<ChangePassphrase onChanged={() => undefined} />);
    for (const label of ['Current passphrase', 'New passphrase', 'Confirm new passphrase']) expectKeptOutOfAutofill(screen.getByLabelText(label));
  });

  it('the configuration editor (a pasted ~/.aws/credentials)', async () => {
    setHandler('config.get', () => ok({ text: '', stored: { area: 'none' } }) as never);
    render(<ConfigEditor onSaved={() => undefined} />);
    const editor = await screen.findByRole('textbox', { name: 'Configuration' });
    expectKeptOutOfAutofill(editor, { manager: false });
  });

  it('the address of a team\u2019s file (a pre-signed URL carries a signature until Subscribe refuses it)', async () => {
    setHandler('subscription.get', () => ok({ subscription: null }));
    render(<SubscriptionPanel />);
    expectKeptOutOfAutofill(await screen.findByRole('textbox', { name: 'https address of the team\u2019s file' }), { manager: false });
  });
});

describe('a new vault passphrase', () => {
  it('needs 12 characters', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(passphraseHint('a'.repeat(3) + 'bcdefgh1').acceptable).toBe(false);
    expect(passphraseHint('eleven char').acceptable).toBe(false);
    expect(passphraseHint('twelve chars').acceptable).toBe(true);
    expect(passphraseHint('demo passphrase').acceptable).toBe(true);
  });

  it('says how strong it is: length and kinds of characters, repeated characters', () => {
    expect(passphraseHint('short')).toMatchObject({ strength: 'too-short', text: expect.stringMatching(/7 more characters/) as string });
    expect(passphraseHint('aaaaaaaaaaaaaaaa').strength).toBe('weak');
    expect(passphraseHint('twelve chars').strength).toBe('fair');
    expect(passphraseHint('correct horse battery staple').strength).toBe('strong');
    expect(passphraseHint('Tr0ub4dor&3xy').strength).toBe('strong');
  });

  it('is refused under 12 characters before anything is sent, with the hint shown while typing', async () => {
    const user = userEvent.setup();
    setHandler('keys.verify', () => ok({ arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111' }) as never);
    render(<KeyForm status={SOURCE} vaultReady={false} onVaultCreated={() => undefined} onChange={() => undefined} />);
    await user.type(screen.getByLabelText('Access key id'), 'AKIAALICEEXAMPLE0001');
    await user.type(screen.getByLabelText('Secret access key'), 'x'.repeat(40));
    const passphrase = await screen.findByLabelText('Vault passphrase');
    const hint = () => document.getElementById(passphrase.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(hint()).toMatch(/At least 12 characters/);
    await user.type(passphrase, 'password1');
    expect(hint()).toMatch(/^Too short: 3 more characters/);
    await user.type(screen.getByLabelText('Confirm passphrase'), 'password1');
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Too short/);
    expect(sentOf('vault.create')).toEqual([]);
    expect(sentOf('keys.verify')).toEqual([]);
    await user.type(passphrase, ' and more words');
    expect(hint()).toBe('Strong.');
  });

  it('is refused under 12 characters in a passphrase change before anything is sent', async () => {
    const user = userEvent.setup();
    render(<ChangePassphrase onChanged={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Change the passphrase' }));
    await user.type(screen.getByLabelText('Current passphrase'), 'the old passphrase');
    await user.type(screen.getByLabelText('New passphrase'), 'elevenchars');
    await user.type(screen.getByLabelText('Confirm new passphrase'), 'elevenchars');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/1 more character at least/));
    expect(sentOf('vault.changePassphrase')).toEqual([]);
  });
});

describe('the background', () => {
  it('asks the same length as the options page', async () => {
    const { MIN_PASSPHRASE_LENGTH: background } = await import('../../../src/background/vault/errors');
    expect(background).toBe(MIN_PASSPHRASE_LENGTH);
  });
});
