/** The vault's messages. All are `extension-pages` only (src/messages.ts AUDIENCE). */
import { MFA_SESSION_MAX_MINUTES, MFA_SESSION_MIN_MINUTES } from '../../core/mfa';
import { isAutoLockMinutes, isMfaSessionMinutes, MAX_AUTO_LOCK_MINUTES } from '../../core/vault/settings';
import type { HandlerMap } from '../handler-map';
import { takeLogin } from '../sign-in/login-launch';
import { forgetMfaSessions } from '../sources/keys/mfa-session';
import { SignInError } from '../sign-in/sign-in-error';
import { changeVaultPassphrase, createNewVault, eraseVault, lock, unlock, vaultStatus } from './vault';
import { pushDeadline } from './auto-lock';
import { loadSettings, saveSettings } from './state';


type VaultMessages =
  | 'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase'
  | 'vault.setAutoLock' | 'vault.setMfaSession' | 'vault.reset' | 'login.take';

export const vaultHandlers: HandlerMap<VaultMessages> = {
  'vault.status': () => vaultStatus(),
  'vault.create': ({ passphrase }) => createNewVault(text(passphrase)),
  'vault.unlock': ({ passphrase }) => unlock(text(passphrase)),
  'vault.lock': () => lock(),
  'vault.changePassphrase': ({ current, next }) => changeVaultPassphrase(text(current), text(next)),
  'vault.setAutoLock': async ({ minutes }) => {
    if (!isAutoLockMinutes(minutes)) {
      throw new SignInError('bad-request', `Choose an auto-lock time from 1 to ${MAX_AUTO_LOCK_MINUTES} minutes (${MAX_AUTO_LOCK_MINUTES / 60} hours): the vault always locks after some idle time, and when the browser closes.`);
    }
    await saveSettings({ ...(await loadSettings()), autoLockMinutes: minutes });
    // The new idle time counts from now, for an unlocked vault.
    if (!(await vaultStatus()).locked) await pushDeadline();
    return vaultStatus();
  },
  'vault.setMfaSession': async ({ minutes }) => {
    if (!isMfaSessionMinutes(minutes)) {
      throw new SignInError('bad-request', `Choose an MFA session length from ${MFA_SESSION_MIN_MINUTES} to ${MFA_SESSION_MAX_MINUTES} minutes (36 hours), or 0 to type a code for every sign-in.`);
    }
    await saveSettings({ ...(await loadSettings()), mfaSessionMinutes: minutes });
    if (minutes === 0) await forgetMfaSessions();
    return vaultStatus();
  },
  'vault.reset': () => eraseVault(),
  'login.take': ({ id }) => takeLogin(text(id)),
};

/** Messages are checked at run time too: a page could send anything. */
function text(value: unknown): string {
  if (typeof value !== 'string') throw new SignInError('bad-request', 'The request is missing a text field. Reload the page and try again.');
  return value;
}
