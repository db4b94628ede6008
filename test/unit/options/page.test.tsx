// @vitest-environment happy-dom
/**
 * The options page, finished (issue 14): one product name, a save line that says one thing once with the details
 * behind a disclosure, Ctrl+S (Cmd+S) saving the editor, the vault leading with what it does for the person, and the
 * help link and version at the foot.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredConfigInfo, VaultStatus } from '../../../src/messages';
import { ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { App } = await import('../../../src/options/app');
const { ConfigEditor } = await import('../../../src/options/config-editor');
const { VaultPanel } = await import('../../../src/options/vault-panel');

const TEXT = '[alice]\n\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n\n[ops]\nrole_arn = arn:aws:iam::333333333333:role/Ops\nsource_profile = alice\n';
const SYNC: StoredConfigInfo = { area: 'sync', textBytes: 2048, syncBytes: 1024, syncLimitBytes: 98_304 };
const VAULT: VaultStatus = { initialized: false, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 };

beforeEach(() => {
  resetBrowser();
  setHandler('config.get', () => ok({ text: '', stored: { area: 'none', textBytes: 0, syncBytes: 0, syncLimitBytes: 98_304 }, shadowed: [] }));
  setHandler('config.save', ({ text }) => ok({ saved: true, roleCount: 2, diagnostics: [], stored: SYNC, text, removedKeys: [] }));
});
afterEach(cleanup);

describe('the configuration editor', () => {
  it('says what a save did once, with where and how big behind a disclosure', async () => {
    const user = userEvent.setup();
    render(<ConfigEditor onSaved={() => undefined} />);
    await user.click(await screen.findByRole('textbox', { name: 'Configuration' }));
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved: 2 roles, synced to your other browsers.'));
    const toggle = screen.getByRole('button', { name: 'Storage details' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const details = toggle.closest('.disclosure') as HTMLElement;
    const content = details.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`) as HTMLElement;
    expect(content.hidden).toBe(true);
    expect(within(content).getByText('Stored in sync storage: follows you to other browsers.')).toBeTruthy();
    expect(within(content).getByText(/^2 roles saved\. 2\.0 KB of text, 1\.0 KB compressed/)).toBeTruthy();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(content.hidden).toBe(false);
    // Said once: no second "follows you to other browsers" outside the disclosure.
    expect([...document.querySelectorAll('p')].filter((p) => !p.closest('.disclosure') && /other browsers/.test(p.textContent ?? ''))).toEqual([]);
  });

  it('says when the save stays on this computer, and why', async () => {
    const user = userEvent.setup();
    setHandler('config.save', ({ text }) => ok({ saved: true, roleCount: 1, diagnostics: [], stored: { ...SYNC, area: 'local', localReason: 'too-large' }, text, removedKeys: [] }));
    render(<ConfigEditor onSaved={() => undefined} />);
    await user.type(await screen.findByRole('textbox', { name: 'Configuration' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved: 1 role, on this computer only (too large to sync).'));
  });

  it('saves with Ctrl+S and with Cmd+S, keeping the browser\u2019s "Save page as" out of it', async () => {
    const user = userEvent.setup();
    render(<ConfigEditor onSaved={() => undefined} />);
    const editor = await screen.findByRole('textbox', { name: 'Configuration' });
    await user.click(editor);
    await user.paste(TEXT);
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    editor.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(sentOf('config.save')).toEqual([{ text: TEXT }]));
    await user.keyboard('{Meta>}s{/Meta}');
    await waitFor(() => expect(sentOf('config.save')).toHaveLength(2));
    // A plain "s", or Ctrl+Shift+S, is typing, not saving.
    await user.keyboard('s{Control>}{Shift>}s{/Shift}{/Control}');
    expect(sentOf('config.save')).toHaveLength(2);
  });
});

describe('the page', () => {
  beforeEach(() => {
    setHandler('vault.status', () => ok(VAULT));
    setHandler('managed.get', () => ok({ managed: null }));
    setHandler('subscription.get', () => ok({ subscription: null }));
    setHandler('sources.list', () => ok({ sources: [] }));
    setHandler('settings.get', () => ok({ defaultDurationSeconds: 3600, openIn: 'new-tab', keepPage: true, onlySwitchable: false, defaultWay: 'keys', autoAssumeLastRole: false }));
    setHandler('sessions.list', () => ok({ sessions: [], warnMinutes: 5, modes: {}, full: [] }));
    setHandler('sso.methods', () => ok({ startUrls: [], keepInVault: false, offered: false }));
  });

  it('is titled with the product\u2019s one name, and ends with the help link and the version', async () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Role Switcher for AWS');
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Help' }).getAttribute('href')).toMatch(/^chrome-extension:\/\/[^/]+\/src\/welcome\/index\.html$/);
    expect(footer.textContent).toContain('Version 1.2.3');
    // Each heading once: the settings are gathered, not split between a "Sign-in" section and the vault's.
    await screen.findByRole('combobox', { name: 'Default session length' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Configuration', 'Subscription', 'Access keys', 'Vault', 'Settings']);
  });

  it('has no <details>: a closed one anywhere in the page slows a large edit of the configuration by orders of magnitude (disclosure.tsx)', async () => {
    render(<App />);
    await screen.findByRole('combobox', { name: 'Default session length' });
    expect(screen.getByRole('button', { name: 'How the keys are protected' }).getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('details')).toBeNull();
  });

  it('the vault leads with what it does for the person, the algorithm behind a disclosure', () => {
    render(<VaultPanel vault={{ status: VAULT, error: undefined, update: () => undefined, refresh: () => Promise.resolve() }} />);
    const section = screen.getByRole('region', { name: 'Vault' });
    expect(section.querySelector('h2 + p')?.textContent).toMatch(/^Your access keys stay in this browser, locked under a passphrase only you know/);
    const details = screen.getByRole('button', { name: 'How the keys are protected' }).closest('.disclosure');
    expect(details?.textContent).toMatch(/AES-GCM-256.*PBKDF2/s);
    expect([...section.querySelectorAll('p')].filter((p) => !p.closest('.disclosure') && /AES-GCM/.test(p.textContent ?? ''))).toEqual([]);
  });
});
