/**
 * The vault's stored state, one place: the sealed vault (local), its settings (local), and the unlocked key
 * (session). Locking is removing the session keys: the raw key, the idle deadline and the MFA sessions.
 */
import { fromBase64, parseSealedVault, toBase64, type SealedVault } from '../../core/vault/index';
import { DEFAULT_VAULT_SETTINGS, normalizeVaultSettings } from '../../core/vault/settings';
import { clearAlarm } from '../../platform/alarms';
import { readStored, removeStored, writeStored, type StoredValues, type VaultSettings } from '../../platform/storage';

export const AUTO_LOCK_ALARM = 'vault.auto-lock';

export const DEFAULT_SETTINGS: VaultSettings = DEFAULT_VAULT_SETTINGS;

/** The stored vault, checked; undefined when none was ever created. Throws VaultError for damaged data. */
export async function loadSealed(): Promise<SealedVault | undefined> {
  const stored: unknown = await readStored('vault.sealed');
  return stored === undefined ? undefined : parseSealedVault(stored);
}

/** One storage write of the whole vault: either the old or the new value is stored, never a mix. */
export async function saveSealed(sealed: SealedVault): Promise<void> {
  await writeStored('vault.sealed', sealed);
}

/** The stored settings, each one only when it is in range (storage.local is writable by more than this worker). */
export async function loadSettings(): Promise<VaultSettings> {
  return normalizeVaultSettings(await readStored('vault.settings'));
}

export async function saveSettings(settings: VaultSettings): Promise<void> {
  await writeStored('vault.settings', settings);
}

/**
 * The unlocked key, only when it belongs to this vault (a passphrase change elsewhere makes it stale); `read`: its
 * stored record when the caller already asked for it.
 */
export async function loadKey(sealed: SealedVault, read: Promise<StoredValues['vault.key'] | undefined> = readStored('vault.key')): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const unlocked = await read;
  if (!unlocked || unlocked.salt !== sealed.kdf.salt) return undefined;
  return fromBase64(unlocked.key);
}

/** The raw key goes to storage.session only: memory, closed to content scripts, gone on browser close. */
export async function saveKey(sealed: SealedVault, key: Uint8Array): Promise<void> {
  await writeStored('vault.key', { key: toBase64(key), salt: sealed.kdf.salt });
}

export async function lockNow(): Promise<void> {
  // The key first: once it is gone the vault is locked, whatever happens to the rest.
  await removeStored('vault.key');
  await removeStored('vault.lockAt', 'mfa.sessions');
  await clearAlarm(AUTO_LOCK_ALARM);
}
