// @vitest-environment happy-dom
/**
 * Every setting in one section of the options page (issue 14), each saved as it changes with "Saved" beside it: the
 * sign-in settings, the vault's auto-lock and MFA-session minutes, and the expiry-warning minutes (which used to be
 * in the popup's Sessions view). A value that is not a whole number is kept in its field with what to type, and
 * nothing is sent.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInSettings, VaultStatus } from '../../../src/messages';
import { fail, ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { SettingsPanel } = await import('../../../src/options/settings-panel');
const { DEFAULT_SIGN_IN_SETTINGS } = await import('../../../src/background/sign-in/settings');

let signIn: SignInSettings;
let vault: VaultStatus;

function renderPanel() {
  const state = { status: vault, error: undefined, update: (next: VaultStatus) => (vault = next), refresh: () => Promise.resolve() };
  return render(<SettingsPanel vault={state} locked={[]} configVersion={0} />);
}

/** The "Saved" marks the panel shows, by the name of the field each one follows. */
function savedBeside(): string[] {
  return [...document.querySelectorAll('.setting')].filter((row) => row.querySelector('.saved')?.textContent === 'Saved').map((row) => row.querySelector('label')?.textContent?.trim() ?? '');
}

beforeEach(() => {
  resetBrowser();
  signIn = { ...DEFAULT_SIGN_IN_SETTINGS };
  vault = { initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 };
  setHandler('settings.get', () => ok(signIn));
  setHandler('settings.save', (change) => ok((signIn = { ...signIn, ...change })));
  setHandler('vault.setAutoLock', ({ minutes }) => ok((vault = { ...vault, autoLockMinutes: minutes })));
  setHandler('vault.setMfaSession', ({ minutes }) =>
    minutes > 0 && minutes < 15 ? fail('bad-request', 'Choose an MFA session length from 15 to 2160 minutes (36 hours), or 0 to type a code for every sign-in.') : ok((vault = { ...vault, mfaSessionMinutes: minutes })),
  );
  setHandler('sessions.list', () => ok({ sessions: [], warnMinutes: 5, modes: {}, full: [] }));
  setHandler('sso.methods', () => ok({ startUrls: [{ startUrl: 'https://acme.awsapps.com/start', browser: false }], keepInVault: false, offered: true }));
  setHandler('sso.setKeepInVault', ({ on }) => ok({ startUrls: [{ startUrl: 'https://acme.awsapps.com/start', browser: false }], keepInVault: on, offered: true }));
  setHandler('sessions.saveSettings', ({ warnMinutes }) => ok({ sessions: [], warnMinutes: warnMinutes ?? 5, modes: {}, full: [] }));
});
afterEach(cleanup);

describe('the Settings section', () => {
  it('holds the sign-in, vault and console-session settings under one heading', async () => {
    renderPanel();
    const section = screen.getByRole('region', { name: 'Settings' });
    expect(await screen.findByRole('combobox', { name: 'Default session length' })).toBeTruthy();
    expect(section.contains(screen.getByRole('spinbutton', { name: /^Lock after this many idle minutes/ }))).toBe(true);
    expect(section.contains(screen.getByRole('spinbutton', { name: /^MFA session length in minutes/ }))).toBe(true);
    expect(section.contains(await screen.findByRole('spinbutton', { name: 'Warn this many minutes before a console session ends (0: never)' }))).toBe(true);
    expect(screen.queryByRole('button', { name: /Save/ })).toBeNull();
  });

  it('saves a choice as it changes and says "Saved" beside it, and only there', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Open the console in' }), 'current-tab');
    await waitFor(() => expect(savedBeside()).toEqual([expect.stringMatching(/^Open the console in/)]));
    expect(sentOf('settings.save')).toEqual([{ openIn: 'current-tab' }]);

    await user.click(screen.getByRole('checkbox', { name: 'Show only roles that can switch from this console' }));
    await waitFor(() => expect(savedBeside()).toEqual(['Show only roles that can switch from this console']));

    // Identity Center's sign-in settings are among them, when the configuration has one.
    await user.click(await screen.findByRole('checkbox', { name: 'Keep Identity Center sign-ins in the vault' }));
    await waitFor(() => expect(savedBeside()).toEqual(['Keep Identity Center sign-ins in the vault']));
    expect(sentOf('sso.setKeepInVault')).toEqual([{ on: true }]);
  });

  it('saves minutes when the field is left, the expiry warning included', async () => {
    const user = userEvent.setup();
    renderPanel();
    const warn = await screen.findByRole('spinbutton', { name: 'Warn this many minutes before a console session ends (0: never)' });
    await user.clear(warn);
    await user.type(warn, '10');
    await user.tab();
    await waitFor(() => expect(sentOf('sessions.saveSettings')).toEqual([{ warnMinutes: 10 }]));
    await waitFor(() => expect(savedBeside()).toEqual(['Warn this many minutes before a console session ends (0: never)']));

    const lock = screen.getByRole('spinbutton', { name: /^Lock after this many idle minutes/ });
    await user.clear(lock);
    await user.type(lock, '5{Enter}');
    await waitFor(() => expect(sentOf('vault.setAutoLock')).toEqual([{ minutes: 5 }]));
    await waitFor(() => expect(savedBeside()).toEqual([expect.stringMatching(/^Lock after this many idle minutes/)]));
  });

  it('keeps what was typed when it is refused, with the sentence that says what to type, and no "Saved"', async () => {
    const user = userEvent.setup();
    renderPanel();
    const mfa = screen.getByRole<HTMLInputElement>('spinbutton', { name: /^MFA session length in minutes/ });
    await user.clear(mfa);
    await user.type(mfa, '5');
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toBe('Choose an MFA session length from 15 to 2160 minutes (36 hours), or 0 to type a code for every sign-in.');
    expect(mfa.value).toBe('5');
    expect(mfa.getAttribute('aria-invalid')).toBe('true');
    expect(savedBeside()).toEqual([]);

    // An emptied field is not taken for 0 (which would turn MFA sessions off): nothing is sent.
    await user.clear(mfa);
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Type a whole number of minutes from 15 to 2,160/);
    expect(sentOf('vault.setMfaSession')).toEqual([{ minutes: 5 }]);
  });
});
