// @vitest-environment happy-dom
/**
 * The welcome page (src/welcome/): its three steps tick off as the background's `welcome.progress` changes, asked
 * again on the storage changes that can change it (never on a timer); step 3 shows the popup's shortcut as the
 * browser has it, or where to set one. The editor and key forms are the options page's own (tested there).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WelcomeProgress } from '../../../src/messages';
import { emitStorageChange, fakeBrowser, ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { App } = await import('../../../src/welcome/app');

const NOTHING: WelcomeProgress = { roles: 0, keySources: [], identityCenter: false, consoleSwitched: false, signedIn: false };
let progress: WelcomeProgress;
/** The commands as the browser lists them: `_execute_action` opens the popup. */
let commands: Array<{ name: string; shortcut?: string }>;

beforeEach(() => {
  resetBrowser();
  progress = NOTHING;
  commands = [{ name: '_execute_action', shortcut: 'Alt+Shift+R' }];
  Object.assign(fakeBrowser, { commands: { getAll: () => Promise.resolve(commands) } });
  setHandler('welcome.progress', () => ok(progress));
  setHandler('config.get', () => ok({ text: '', stored: { area: 'none', textBytes: 0, syncBytes: 0, syncLimitBytes: 98_304 }, shadowed: [] }));
  setHandler('sources.list', () => ok({ sources: [] }));
  setHandler('vault.status', () => ok({ initialized: false, locked: true, autoLockMinutes: 60, mfaSessionMinutes: 480 }));
  setHandler('managed.get', () => ok({ managed: null }));
});
afterEach(cleanup);

describe('the welcome page', () => {
  it('starts with three steps to do', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '1. Your roles To do' });
    expect(screen.getByRole('heading', { level: 2, name: '2. How you get in To do' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '3. Pick a role To do' })).toBeTruthy();
  });

  it('ticks each step when storage says something it depends on changed, and says what ticked it', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '1. Your roles To do' });

    progress = { ...NOTHING, roles: 16 };
    emitStorageChange('sync', { 'config.head': { newValue: {} } });
    await screen.findByRole('heading', { level: 2, name: '1. Your roles Done' });
    expect(screen.getByText('16 roles ready.')).toBeTruthy();

    progress = { ...progress, keySources: ['demo-identity'] };
    emitStorageChange('local', { 'vault.sealed': { newValue: {} } });
    await screen.findByRole('heading', { level: 2, name: '2. How you get in Done' });
    expect(screen.getByText('Access keys for demo-identity are in the vault.')).toBeTruthy();

    progress = { ...progress, signedIn: true };
    emitStorageChange('session', { 'sessions.registry': { newValue: {} } });
    await screen.findByRole('heading', { level: 2, name: '3. Pick a role Done' });
    expect(screen.getByText(/^You are set up\./)).toBeTruthy();
  });

  it('asks again only for changes that matter to a step', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '1. Your roles To do' });
    const asked = sentOf('welcome.progress').length;
    emitStorageChange('local', { 'popup.view': { newValue: {} } });
    emitStorageChange('local', { 'sessions.registry': { newValue: {} } }); // the registry lives in session, not local
    emitStorageChange('session', { 'console.lastRoles': { newValue: {} } }); // and this one in local
    emitStorageChange('session', { 'console.lastRoles': { newValue: {} } });
    expect(sentOf('welcome.progress')).toHaveLength(asked);
    emitStorageChange('local', { 'console.lastRoles': { newValue: {} } });
    await waitFor(() => expect(sentOf('welcome.progress')).toHaveLength(asked + 1));
  });

  it('counts Identity Center or the console as a way in, without keys', async () => {
    progress = { ...NOTHING, roles: 3, keySources: null, identityCenter: true };
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '2. How you get in Done' });
    expect(screen.getByText('You are signed in to IAM Identity Center.')).toBeTruthy();
    cleanup();
    progress = { ...NOTHING, roles: 3, consoleSwitched: true };
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '2. How you get in Done' });
    expect(screen.getByText('Your console session switches roles.')).toBeTruthy();
  });

  it('offers the vault\'s unlock in step 2 while it is locked, and the options page for Identity Center', async () => {
    setHandler('vault.status', () => ok({ initialized: true, locked: true, autoLockMinutes: 60, mfaSessionMinutes: 480 }));
    render(<App />);
    expect(await screen.findByRole('form', { name: 'Unlock the vault' })).toBeTruthy();
    screen.getByRole('button', { name: 'Open the options page' }).click();
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('shows nothing of the vault but the key forms while it is open', async () => {
    setHandler('vault.status', () => ok({ initialized: true, locked: false, autoLockMinutes: 60, mfaSessionMinutes: 480 }));
    setHandler('sources.list', () => ok({ sources: [{ source: 'alice' }] }));
    render(<App />);
    // The key forms are drawn once the vault's status is known.
    await screen.findByRole('form', { name: 'Keys for alice' });
    expect(screen.queryByRole('form', { name: 'Unlock the vault' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
  });

  it('shows the shortcut that opens the popup', async () => {
    render(<App />);
    expect((await screen.findByText('Alt+Shift+R')).tagName).toBe('KBD');
  });

  it('says where to set a shortcut when none is', async () => {
    commands = [{ name: '_execute_action', shortcut: '' }];
    render(<App />);
    await screen.findByText(/^No keyboard shortcut opens the popup yet: set one at/);
    expect(screen.getByText('chrome://extensions/shortcuts')).toBeTruthy();
    expect(document.querySelector('kbd')).toBeNull();
  });
});
