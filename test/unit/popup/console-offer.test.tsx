// @vitest-environment happy-dom
/**
 * The popup over a console tab (issue 13): the line under the list (who the console is, how many roles it can switch
 * to), each row's way marker, "only roles that can switch from this console", and Alt taking the other way of a role
 * that could go either way. The background's `console.offer` answer is set by each test.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../popup/app';
import { DEFAULT_SIGN_IN_SETTINGS } from '../../../src/background/sign-in/settings';
import { ConsoleOfferProvider } from '../../../popup/console-offer';
import type { ConsoleOffer } from '../../../src/messages';
import { fail, ok, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs } from './fake-browser';
import { descriptionOf, optionNames } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [role('demo-dev'), role('demo-breakglass'), role('marketingadmin'), role('prod-sso', { source: 'acme' })];
const CAROL: ConsoleOffer = {
  partition: 'aws',
  account: '111111111111',
  name: 'carol',
  multiSession: false,
  switchable: ['demo-dev', 'demo-breakglass', 'marketingadmin'],
  eitherWay: [{ profile: 'demo-dev', way: 'keys' }, { profile: 'demo-breakglass', way: 'console' }],
};
const LINE = 'Console: carol in 111111111111 — 3 roles can switch from it';
const ONLY = 'Show only roles that can switch from this console';

function answer(offer: ConsoleOffer | null, onlySwitchable = false) {
  setHandler('console.offer', () => ok({ console: offer, onlySwitchable }));
}

async function renderOverConsole() {
  const user = userEvent.setup();
  render(
    <ConsoleOfferProvider>
      <App />
    </ConsoleOfferProvider>,
  );
  await screen.findByRole('option', { name: 'demo-dev' });
  return user;
}

const option = (name: string) => screen.getByRole('option', { name });

beforeEach(() => {
  resetBrowser(rolesList(ROLES));
  setHandler('signIn', ({ profile }) => signedInAs(profile, `arn:aws:sts::222222222222:assumed-role/Developer/${profile}`));
  setHandler('settings.save', (change) => ok({ ...DEFAULT_SIGN_IN_SETTINGS, ...change }));
});
afterEach(cleanup);

describe('the console line', () => {
  it('says who the console is and how many roles can switch from it, under the list', async () => {
    answer(CAROL);
    await renderOverConsole();
    const line = await screen.findByText(LINE);
    const listbox = screen.getByRole('listbox', { name: 'Roles' });
    // After the list in the page: its arrival cannot push a row down.
    expect(listbox.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('no console, or no answer: no line, no marker, no Alt hint, and nothing said', async () => {
    answer(null);
    await renderOverConsole();
    await waitFor(() => expect(sentOf('console.offer')).toHaveLength(1));
    expect(screen.queryByText(/^Console:/)).toBeNull();
    expect(screen.queryByRole('button', { name: ONLY })).toBeNull();
    expect(descriptionOf(option('demo-dev'))).not.toMatch(/console tab/);
    cleanup();
    setHandler('console.offer', () => fail('internal', 'The background could not be reached.'));
    await renderOverConsole();
    await waitFor(() => expect(sentOf('console.offer')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Alt+↵ other way')).toBeNull();
  });
});

describe('the rows', () => {
  it('say what a click does: switch this console tab; for a role that could go either way, which way and what Alt does', async () => {
    answer(CAROL);
    await renderOverConsole();
    await screen.findByText(LINE);
    expect(descriptionOf(option('marketingadmin'))).toContain('a click switches this console tab');
    expect(descriptionOf(option('demo-dev'))).toContain('a click signs in with keys, a new session; Alt+click switches this console tab');
    expect(descriptionOf(option('demo-breakglass'))).toContain('a click switches this console tab; Alt+click signs in with keys, a new session');
    // A role the console cannot switch to says nothing about the console.
    expect(descriptionOf(option('prod-sso'))).not.toMatch(/console tab|keys/);
    expect(screen.getByText('Alt+↵ other way')).toBeTruthy();
  });

  it('a plain click asks for no way; Alt+click and Alt+Enter ask for the other way of a role that could go either way', async () => {
    answer(CAROL);
    const user = await renderOverConsole();
    await screen.findByText(LINE);
    await user.click(option('demo-dev'));
    await screen.findByText(/Signed in as .*demo-dev/);
    await user.keyboard('{Alt>}');
    await user.click(option('demo-dev'));
    await user.click(option('demo-breakglass'));
    // A role with one way: Alt changes nothing.
    await user.click(option('marketingadmin'));
    await user.keyboard('{/Alt}');
    await user.type(screen.getByRole('combobox', { name: 'Search roles' }), 'demo-dev');
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    await waitFor(() => expect(sentOf('signIn')).toHaveLength(5));
    expect(sentOf('signIn').map(({ profile, way }) => [profile, way])).toEqual([
      ['demo-dev', undefined],
      ['demo-dev', 'console'],
      ['demo-breakglass', 'keys'],
      ['marketingadmin', undefined],
      ['demo-dev', 'console'],
    ]);
  });
});

describe('only roles that can switch from this console', () => {
  it('the toggle narrows the list to exactly those, and is saved with the sign-in settings', async () => {
    answer(CAROL);
    const user = await renderOverConsole();
    const toggle = await screen.findByRole('button', { name: ONLY });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    await waitFor(() => expect(optionNames()).not.toContain('prod-sso'));
    expect(optionNames().filter((name) => ROLES.some((r) => r.profile === name)).sort()).toEqual([...CAROL.switchable].sort());
    expect(sentOf('settings.save')).toEqual([{ onlySwitchable: true }]);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await user.click(toggle);
    await screen.findByRole('option', { name: 'prod-sso' });
  });

  it('on when the popup opens: the list narrows once the console answers; without a console, everything is listed', async () => {
    answer(CAROL, true);
    await renderOverConsole();
    await waitFor(() => expect(screen.queryByRole('option', { name: 'prod-sso' })).toBeNull());
    expect(screen.getByRole('option', { name: 'marketingadmin' })).toBeTruthy();
    cleanup();
    answer(null, true);
    await renderOverConsole();
    await waitFor(() => expect(sentOf('console.offer')).toHaveLength(2));
    expect(screen.getByRole('option', { name: 'prod-sso' })).toBeTruthy();
  });
});
