// @vitest-environment happy-dom
/**
 * Access keys written in a saved configuration (a ~/.aws/credentials pasted by mistake, a config with keys in it):
 * the options page says truthfully what became of them. The editor says they were taken out; the Access keys section
 * says, per profile, what the person can do: save them into the vault (the form filled in, a passphrase chosen with
 * the first keys), unlock the vault first, or nothing (no role starts from that profile, or the organisation keeps
 * keys out of the vault), in which case they were not kept anywhere. Nothing claims a form the page does not show.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stripSecrets } from '../../../src/core/config/strip-secrets';
import type { SourceStatus, VaultStatus } from '../../../src/messages';
import { ok, resetBrowser, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { App } = await import('../../../src/options/app');

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ROLES = '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n';
const KEYS = (profile: string) => `[${profile}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`;
const SYNC = { area: 'sync', textBytes: 100, syncBytes: 80, syncLimitBytes: 98_304 } as const;
const OPEN: VaultStatus = { initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 };

/** The options page against a background that strips keys as the real one does, with these sources and vault. */
function page({ sources, vault = OPEN, allowVaultKeys = true }: { sources: SourceStatus[]; vault?: VaultStatus; allowVaultKeys?: boolean }) {
  setHandler('config.get', () => ok({ text: '', stored: { area: 'none', textBytes: 0, syncBytes: 0, syncLimitBytes: 98_304 }, shadowed: [] }));
  setHandler('config.save', ({ text: typed }) => {
    const { text, removed } = stripSecrets(typed);
    return ok({ saved: true, roleCount: 1, diagnostics: [], stored: SYNC, text, removedKeys: removed });
  });
  setHandler('vault.status', () => ok(vault));
  setHandler('managed.get', () => ok({ managed: allowVaultKeys ? null : { group: 'Acme', roles: 0, skipped: 0, diagnostics: [], lockedSettings: [], allowVaultKeys: false, problems: [] } }));
  setHandler('subscription.get', () => ok({ subscription: null }));
  setHandler('sources.list', () => ok({ sources }));
  setHandler('settings.get', () => ok({ defaultDurationSeconds: 3600, openIn: 'new-tab', keepPage: true, onlySwitchable: false, defaultWay: 'keys', autoAssumeLastRole: false }));
  setHandler('sessions.list', () => ok({ sessions: [], warnMinutes: 5, modes: {}, full: [] }));
  setHandler('sso.methods', () => ok({ startUrls: [], keepInVault: false, offered: false }));
  render(<App />);
}

async function save(text: string): Promise<string> {
  const user = userEvent.setup();
  const editor = await screen.findByRole('textbox', { name: 'Configuration' });
  await user.click(editor);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Save', exact: true }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved/));
  return screen.getByRole('status').textContent ?? '';
}

function keysSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Access keys' });
}

beforeEach(() => resetBrowser());
afterEach(cleanup);

describe('keys written in a saved configuration', () => {
  it('of a source: said taken out, and filled in to be saved into the vault', async () => {
    page({ sources: [{ source: 'base' }] });
    const said = await save(`${KEYS('base')}\n${ROLES}`);
    expect(said).toBe('Saved: 1 role, synced to your other browsers. 2 lines with access keys taken out: keys are never stored in the configuration. What to do with them: see Access keys.');
    const note = await within(keysSection()).findByRole('note');
    expect(note.textContent).toBe('The keys written in the configuration for base are filled in below: Save keys checks them with AWS and keeps them in the encrypted vault.');
    expect(within(keysSection()).getByLabelText<HTMLInputElement>('Secret access key').value).toBe(SECRET);
  });

  it('of a source, once saved into the vault: said kept there, the form folded', async () => {
    const user = userEvent.setup();
    let sources: SourceStatus[] = [{ source: 'base' }];
    page({ sources: [] });
    setHandler('sources.list', () => ok({ sources }));
    setHandler('keys.verify', () => ok({ arn: 'arn:aws:iam::123456789012:user/base', accountId: '123456789012' }));
    setHandler('keys.set', () => {
      sources = [{ source: 'base', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', arn: 'arn:aws:iam::123456789012:user/base' }];
      return ok({ source: 'base' });
    });
    await save(`${KEYS('base')}\n${ROLES}`);
    await within(keysSection()).findByLabelText('Secret access key');
    await user.click(within(keysSection()).getByRole('button', { name: 'Save keys' }));
    await waitFor(() => expect(within(keysSection()).getByRole('note').textContent).toBe('The keys written in the configuration for base are in the encrypted vault now.'));
    expect(within(keysSection()).queryByLabelText('Secret access key')).toBeNull();
  });

  it('of a source, with no vault yet: the passphrase is chosen with them', async () => {
    page({ sources: [{ source: 'base' }], vault: { ...OPEN, initialized: false } });
    await save(`${KEYS('base')}\n${ROLES}`);
    expect((await within(keysSection()).findByRole('note')).textContent).toBe(
      'The keys written in the configuration for base are filled in below: choose a vault passphrase and Save keys to keep them in the encrypted vault.',
    );
    expect(within(keysSection()).getByLabelText('Vault passphrase')).toBeTruthy();
  });

  it('of a source, with the vault locked: unlock first; nothing claims a form that is not shown', async () => {
    page({ sources: [{ source: 'base' }], vault: { ...OPEN, locked: true } });
    const said = await save(`${KEYS('base')}\n${ROLES}`);
    expect(said).not.toMatch(/filled in/);
    expect((await within(keysSection()).findByRole('note')).textContent).toBe(
      'The keys written in the configuration for base were taken out of it: unlock the vault (below), and they are filled in here to save into it.',
    );
    expect(within(keysSection()).queryByLabelText('Secret access key')).toBeNull();
  });

  it('of a profile no role starts from (keys written into a role\u2019s own profile): not kept anywhere, and no form claimed', async () => {
    page({ sources: [{ source: 'base' }] });
    const said = await save(`[base]\n${ROLES}aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`);
    expect(said).not.toMatch(/filled in/);
    expect((await within(keysSection()).findByRole('note')).textContent).toBe(
      'Keys were written in the configuration for prod, which no role uses as its source: they were taken out and not kept anywhere.',
    );
    expect(within(keysSection()).getByLabelText<HTMLInputElement>('Secret access key').value).toBe('');
  });

  it('where the organisation keeps keys out of the vault: not kept anywhere, and no form claimed', async () => {
    page({ sources: [{ source: 'base' }], allowVaultKeys: false });
    const said = await save(`${KEYS('base')}\n${ROLES}`);
    expect(said).not.toMatch(/filled in/);
    await waitFor(() => expect(within(keysSection()).getAllByRole('note').map((n) => n.textContent)).toContain(
      'Keys were written in the configuration for base: they were taken out and not kept anywhere (your organisation does not allow access keys in the vault).',
    ));
    expect(within(keysSection()).queryByLabelText('Secret access key')).toBeNull();
  });
});
