/**
 * The vault in the background: status, create, unlock, lock, change passphrase, erase, and reading or changing
 * the entries while unlocked. Only what the person does pushes the idle deadline (unlock, a sign-in or renewal
 * they started, key edits); a read the worker makes on its own (an automatic renewal, a status list) does not, or a
 * renewal every 55 minutes would keep a 60-minute lock open for ever. The worker keeps nothing in memory: the
 * unlocked key is in storage.session, so a stopped and restarted worker is still unlocked.
 */
import {
  changePassphrase, createVault, DEFAULT_POLICY, needsUpgrade, openVault, openWithKey, resealVault, VaultError,
  type SealedVault, type VaultEntries, type VaultPolicy,
} from '../../core/vault/index';
import type { VaultStatus } from '../../messages';
import { readStored, removeStored } from '../../platform/storage';
import { lockIfIdle, pushDeadline } from './auto-lock';
import { SignInError } from '../sign-in/sign-in-error';
import { checkNewPassphrase, fromVaultError, noVault, vaultLocked } from './errors';
import { loadKey, loadSealed, loadSettings, lockNow, saveKey, saveSealed } from './state';

/**
 * Writes of the vault run one at a time: each reads the sealed vault, changes it and writes it back, and two
 * interleaved (two forms saved at once) would lose one change. Only in-flight work is chained here; nothing
 * outlives the events that started it, so a stopped worker loses nothing.
 */
let writes: Promise<unknown> = Promise.resolve();

/** Who reads the vault: the person (counts as use, pushes the idle deadline) or the worker on its own (does not). */
export type VaultUse = 'person' | 'automatic';
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = writes.then(work, work);
  writes = run.catch(() => undefined);
  return run;
}

export async function vaultStatus(): Promise<VaultStatus> {
  await lockIfIdle();
  const [sealed, settings] = await Promise.all([loadSealed().catch(() => undefined), loadSettings()]);
  const key = sealed && (await loadKey(sealed));
  return { initialized: sealed !== undefined, locked: key === undefined, ...settings };
}

export async function createNewVault(passphrase: string, policy: VaultPolicy = DEFAULT_POLICY): Promise<VaultStatus> {
  checkNewPassphrase(passphrase);
  return await oneAtATime(async () => {
    if (await loadSealed().catch(() => 'damaged')) {
      throw new SignInError('bad-request', 'A vault already exists. Unlock it, or change its passphrase, on the options page.');
    }
    const { sealed, key } = await createVault(passphrase, {}, policy);
    await saveSealed(sealed);
    await unlockedWith(sealed, key);
    return vaultStatus();
  });
}

export function unlock(passphrase: string, policy: VaultPolicy = DEFAULT_POLICY): Promise<VaultStatus> {
  return oneAtATime(() => unlockNow(passphrase, policy));
}

async function unlockNow(passphrase: string, policy: VaultPolicy): Promise<VaultStatus> {
  const sealed = await requireSealed();
  try {
    const opened = await openVault(sealed, passphrase);
    if (needsUpgrade(sealed, policy)) {
      // Stored with weaker parameters than today's: re-encrypt under them now, while the passphrase is at hand.
      const upgraded = await createVault(passphrase, opened.entries, policy);
      await saveSealed(upgraded.sealed);
      await unlockedWith(upgraded.sealed, upgraded.key);
    } else {
      await unlockedWith(sealed, opened.key);
    }
  } catch (error) {
    throw fromVaultError(error);
  }
  return vaultStatus();
}

export async function lock(): Promise<VaultStatus> {
  await lockNow();
  return vaultStatus();
}

/** Re-encrypts everything under the new passphrase and stores it in one write: old or new, never half. */
export async function changeVaultPassphrase(current: string, next: string, policy: VaultPolicy = DEFAULT_POLICY): Promise<VaultStatus> {
  checkNewPassphrase(next);
  return await oneAtATime(async () => {
    const sealed = await requireSealed();
    try {
      const changed = await changePassphrase(sealed, current, next, policy);
      await saveSealed(changed.sealed);
      await unlockedWith(changed.sealed, changed.key);
    } catch (error) {
      throw fromVaultError(error);
    }
    return vaultStatus();
  });
}

export function eraseVault(): Promise<VaultStatus> {
  return oneAtATime(async () => {
    await lockNow();
    await removeStored('vault.sealed');
    return vaultStatus();
  });
}

/** The entries, when a vault exists and is unlocked; undefined when there is no vault. A person's read counts as use. */
export async function readEntries(use: VaultUse): Promise<VaultEntries | undefined> {
  const opened = await openUnlocked(use);
  return opened?.entries;
}

/** Changes the entries and stores the re-sealed vault in one write. Throws `no-keys` when there is no vault. */
export function updateEntries(change: (entries: VaultEntries) => VaultEntries): Promise<VaultEntries> {
  return oneAtATime(async () => {
    const opened = await openUnlocked('person');
    if (!opened) throw noVault();
    const next = change(opened.entries);
    await saveSealed(await resealVault(opened.sealed, opened.key, next));
    return next;
  });
}

async function openUnlocked(use: VaultUse): Promise<{ sealed: SealedVault; key: Uint8Array<ArrayBuffer>; entries: VaultEntries } | undefined> {
  // The idle check, the vault and the kept key read side by side (a sign-in waits on them); a key read while the
  // idle check found the vault idle (and locked it) is not used.
  const kept = readStored('vault.key');
  kept.catch(() => undefined); // awaited below unless the vault is idle or absent; never an unhandled rejection
  const [idle, sealed] = await Promise.all([
    lockIfIdle(),
    loadSealed().catch((error: unknown) => {
      throw fromVaultError(error);
    }),
  ]);
  if (!sealed) return undefined;
  const key = idle ? undefined : await loadKey(sealed, kept);
  if (!key) throw vaultLocked();
  // A person's use pushes the idle deadline while the vault opens; both are done before either outcome counts.
  const [opened, pushed] = await Promise.allSettled([openWithKey(sealed, key), use === 'person' ? pushDeadline() : undefined]);
  if (opened.status === 'rejected') {
    // The kept key no longer opens the vault (changed elsewhere, or damaged): lock, and let unlock say which.
    if (opened.reason instanceof VaultError) {
      await lockNow();
      throw vaultLocked();
    }
    throw opened.reason;
  }
  if (pushed.status === 'rejected') throw pushed.reason;
  return { sealed, key, entries: opened.value };
}

async function requireSealed(): Promise<SealedVault> {
  try {
    const sealed = await loadSealed();
    if (!sealed) throw noVault();
    return sealed;
  } catch (error) {
    throw fromVaultError(error);
  }
}

async function unlockedWith(sealed: SealedVault, key: Uint8Array): Promise<void> {
  await saveKey(sealed, key);
  await pushDeadline();
}
