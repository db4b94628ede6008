// @vitest-environment happy-dom
/**
 * The popup's Sessions view as a person uses it: live sessions with countdowns, ended ones folded into one line
 * that opens and clears (issue 14), a renewal that asks for the vault passphrase and goes on, the mode hint, and
 * Esc back to the roles.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionsOverview, SessionSummary } from '../../../src/messages';
import { fail, ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));
const { SessionsProvider, SessionsView } = await import('../../../popup/sessions');

const NOW = Date.UTC(2030, 0, 1, 9, 0, 0);

function summary(profile: string, fields: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: `id-${profile}`,
    profile,
    accountId: '222222222222',
    roleName: 'Developer',
    assumedRoleArn: `arn:aws:sts::222222222222:assumed-role/Developer/${profile}`,
    partition: 'aws',
    region: 'eu-west-1',
    startedAt: NOW,
    credentialExpiresAt: NOW + 3_725_000,
    consoleExpiresAt: NOW + 3_725_000,
    status: 'live',
    isolation: 'multi-session',
    tabs: [{ id: 7, title: 'AWS Console - Developer' }],
    autoRenew: false,
    ...fields,
  };
}

function overview(sessions: SessionSummary[], fields: Partial<SessionsOverview> = {}): SessionsOverview {
  return { sessions, warnMinutes: 5, modes: {}, full: [], ...fields };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the Sessions view', () => {
  it('lists each live session with its countdown, its tabs and its actions; ended ones fold into a line that opens and says why', async () => {
    const user = userEvent.setup();
    resetBrowser({
      'sessions.list': () =>
        ok(
          overview(
            [
              summary('dev', { color: '#2e7d32' }),
              summary('old', { status: 'replaced', replacedBy: 'dev', isolation: 'single', color: '#c62828' }),
              summary('gone', { status: 'expired', tabs: [] }),
              // Still marked live by the background, but its time is up: ended too.
              summary('late', { consoleExpiresAt: NOW - 1 }),
            ],
            { modes: { aws: 'single' } },
          ),
        ),
    });
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} />
      </SessionsProvider>,
    );
    const dev = await screen.findByRole('listitem', { name: 'dev' });
    expect(within(dev).getByText('ends in 1 h 02 m')).toBeTruthy();
    expect(within(dev).getByRole('button', { name: 'AWS Console - Developer' })).toBeTruthy();
    expect(within(dev).getByRole('button', { name: 'Sign out dev' })).toBeTruthy();
    expect(dev.querySelector<HTMLElement>('.swatch')?.style.background).toBe('#2e7d32');
    // The count is of live sessions; the ended ones are one line, closed.
    expect(document.querySelector('.status-bar .sessions-strip .count')?.textContent).toBe('Console sessions: 1');
    expect(screen.queryByRole('listitem', { name: 'old' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Ended (3)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.parentElement?.textContent).toBe('›Ended (3)·Clear');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const old = screen.getByRole('listitem', { name: 'old' });
    expect(old.textContent).toContain('Replaced: signed in as dev in another tab');
    // Its role's colour stays; only what still means something: Renew and Dismiss, no Sign out, no auto-renew.
    expect(old.querySelector<HTMLElement>('.swatch')?.style.background).toBe('#c62828');
    expect([...old.querySelectorAll('.session-actions button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Focus old', 'Renew old', 'Dismiss old']);
    expect(within(old).queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('listitem', { name: 'gone' }).textContent).toContain('Expired');
    expect(screen.getByRole('listitem', { name: 'late' }).textContent).toContain('Expired');
    expect(within(screen.getByRole('listitem', { name: 'gone' })).getByRole('button', { name: 'Dismiss gone' })).toBeTruthy();
    expect(screen.getByText(/Multi-session support is off in this browser/)).toBeTruthy();
    await user.click(toggle);
    expect(screen.queryByRole('listitem', { name: 'old' })).toBeNull();
  });

  it('clears the ended sessions with one click, and leaves the live ones', async () => {
    const user = userEvent.setup();
    let list = [summary('dev'), summary('old', { status: 'replaced', isolation: 'single' }), summary('gone', { status: 'expired' })];
    resetBrowser({
      'sessions.list': () => ok(overview(list)),
      'sessions.forget': ({ id }) => {
        list = list.filter((s) => s.id !== id);
        return ok({});
      },
    });
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} />
      </SessionsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Clear ended sessions' }));
    expect(sentOf('sessions.forget').map((r) => r.id)).toEqual(['id-old', 'id-gone']);
    expect(sentOf('sessions.signOut')).toEqual([]);
  });

  it('says no session is live when all have ended, and counts none', async () => {
    resetBrowser({ 'sessions.list': () => ok(overview([summary('gone', { status: 'expired' })])) });
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} />
      </SessionsProvider>,
    );
    await screen.findByText('No live console sessions.');
    expect(screen.getByRole('button', { name: 'Ended (1)' })).toBeTruthy();
    expect(document.querySelector('.status-bar .sessions-strip')?.getAttribute('title')).toBe('Console sessions: 0 · 1 ended');
  });

  it('opens the ended list when the warning\u2019s Renew names an ended session', async () => {
    resetBrowser({ 'sessions.list': () => ok(overview([summary('gone', { status: 'expired' })])), 'sessions.renew': () => new Promise(() => undefined) });
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} renewFirst="id-gone" />
      </SessionsProvider>,
    );
    await screen.findByRole('listitem', { name: 'gone' });
    expect(screen.getByRole('button', { name: 'Ended (1)' }).getAttribute('aria-expanded')).toBe('true');
    expect(sentOf('sessions.renew').map((r) => r.id)).toEqual(['id-gone']);
  });

  it('renews after asking for the passphrase when the vault is locked', async () => {
    const user = userEvent.setup();
    let locked = true;
    resetBrowser({
      'sessions.list': () => ok(overview([summary('dev', { status: 'expired' })])),
      'sessions.renew': () => (locked ? fail('vault-locked', 'The vault is locked.') : ok(summary('dev'))),
      'vault.unlock': () => {
        locked = false;
        return ok({ initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 });
      },
    });
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} />
      </SessionsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Ended (1)' }));
    const item = screen.getByRole('listitem', { name: 'dev' });
    await user.click(within(item).getByRole('button', { name: 'Renew dev' }));
    const form = await screen.findByRole('form', { name: 'Unlock the vault' });
    expect(form.textContent).toContain('Enter your passphrase to renew dev.');
    await user.type(within(form).getByLabelText('Passphrase'), 'correct horse');
    await user.click(within(form).getByRole('button', { name: 'Unlock and sign in' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Renewed dev.'));
    expect(sentOf('sessions.renew').map((r) => r.id)).toEqual(['id-dev', 'id-dev']);
  });

  it('asks for an MFA code when the renewal needs one, and sends it', async () => {
    const user = userEvent.setup();
    resetBrowser({ 'sessions.list': () => ok(overview([summary('admin')])) });
    setHandler('sessions.renew', (request) => (request.mfaCode === undefined ? fail('mfa-required', 'Code needed.', { mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' }) : ok(summary('admin'))));
    render(
      <SessionsProvider>
        <SessionsView onBack={() => undefined} />
      </SessionsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Renew admin' }));
    const form = await screen.findByRole('form', { name: 'MFA code' });
    await user.type(within(form).getByLabelText('6-digit code'), '123456');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Renewed admin.'));
    expect(sentOf('sessions.renew').at(-1)).toMatchObject({ id: 'id-admin', mfaCode: '123456' });
  });

  it('goes back to the roles with Esc; the warning time is not here (it is on the options page, with the other settings)', async () => {
    const user = userEvent.setup();
    const back = vi.fn();
    resetBrowser({ 'sessions.list': () => ok(overview([summary('dev')])) });
    render(
      <SessionsProvider>
        <SessionsView onBack={back} />
      </SessionsProvider>,
    );
    await screen.findByRole('button', { name: 'Renew dev' });
    expect(screen.queryByRole('spinbutton')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to roles' }));
    await user.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(2);
  });
});
