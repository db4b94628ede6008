/**
 * The vault's settings as the worker reads them: whatever is stored (by this version, an older one, or anything
 * else that could write storage.local), only sane values are used. A value out of range falls back to its
 * default rather than being clamped to an edge: a year-long auto-lock is not "24 hours" of what someone meant.
 */
import { MFA_SESSION_MAX_MINUTES, MFA_SESSION_MIN_MINUTES } from '../mfa';

export interface VaultSettingsValues {
  /** Idle minutes before the vault locks: 1 to 1,440. Never 0: an unlocked vault that never locks is what the idle lock exists to prevent. */
  autoLockMinutes: number;
  /** Minutes an MFA session lasts; 0: a code for every sign-in. */
  mfaSessionMinutes: number;
}

export const MAX_AUTO_LOCK_MINUTES = 24 * 60;
export const DEFAULT_VAULT_SETTINGS: VaultSettingsValues = { autoLockMinutes: 60, mfaSessionMinutes: 8 * 60 };

export function isAutoLockMinutes(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_AUTO_LOCK_MINUTES;
}

export function isMfaSessionMinutes(value: unknown): value is number {
  return Number.isInteger(value)
    && ((value as number) === 0 || ((value as number) >= MFA_SESSION_MIN_MINUTES && (value as number) <= MFA_SESSION_MAX_MINUTES));
}

export function normalizeVaultSettings(stored: unknown): VaultSettingsValues {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof VaultSettingsValues, unknown>>;
  return {
    autoLockMinutes: isAutoLockMinutes(value.autoLockMinutes) ? value.autoLockMinutes : DEFAULT_VAULT_SETTINGS.autoLockMinutes,
    mfaSessionMinutes: isMfaSessionMinutes(value.mfaSessionMinutes) ? value.mfaSessionMinutes : DEFAULT_VAULT_SETTINGS.mfaSessionMinutes,
  };
}
