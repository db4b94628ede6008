/**
 * Vault operations on the sealed value alone: create, open, re-seal, change passphrase, check a passphrase.
 * Every function returns a new SealedVault and never writes anywhere: the caller stores it with ONE storage
 * write, so a failure at any point leaves the old value intact (nothing can be lost halfway).
 */
import { toBase64 } from '../base64';
import { boxContext, deriveKeyBytes, open, randomBytes, seal } from './crypto';
import { parseEntries, serializeEntries, type VaultEntries } from './entries';
import { VaultError } from './errors';
import { DEFAULT_ITERATIONS, SALT_BYTES, VAULT_VERSION, type KdfParams, type SealedVault } from './format';

/** The plaintext of the check box. Knowing it gives nothing: the key is what is secret. */
const CHECK_TEXT = 'role-switcher vault key check';

export interface VaultPolicy {
  /** PBKDF2 iterations for new and upgraded vaults; tests lower it to stay fast. */
  iterations: number;
}

export const DEFAULT_POLICY: VaultPolicy = { iterations: DEFAULT_ITERATIONS };

export interface OpenedVault {
  /** The raw AES key: kept only in storage.session while unlocked. */
  key: Uint8Array<ArrayBuffer>;
  entries: VaultEntries;
}

/** A new vault (new random salt) holding `entries`, and its key. */
export async function createVault(passphrase: string, entries: VaultEntries, policy: VaultPolicy = DEFAULT_POLICY): Promise<{ sealed: SealedVault; key: Uint8Array<ArrayBuffer> }> {
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations: policy.iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
  const key = await deriveKeyBytes(passphrase, kdf);
  const sealed: SealedVault = {
    version: VAULT_VERSION,
    kdf,
    cipher: 'AES-GCM-256',
    check: await seal(key, CHECK_TEXT, boxContext(kdf, 'check')),
    payload: await seal(key, serializeEntries(entries), boxContext(kdf, 'payload')),
  };
  return { sealed, key };
}

/** True when the passphrase opens the vault. Reads only; changes nothing. */
export async function checkPassphrase(sealed: SealedVault, passphrase: string): Promise<boolean> {
  return keyMatches(sealed, await deriveKeyBytes(passphrase, sealed.kdf));
}

/** Opens with the passphrase: `wrong-passphrase` when it is not the one, `damaged` when the data was altered. */
export async function openVault(sealed: SealedVault, passphrase: string): Promise<OpenedVault> {
  const key = await deriveKeyBytes(passphrase, sealed.kdf);
  if (!(await keyMatches(sealed, key))) throw new VaultError('wrong-passphrase');
  return { key, entries: await openPayload(sealed, key) };
}

/** Opens with a key kept from an earlier unlock. `wrong-passphrase` here means the key belongs to another vault. */
export async function openWithKey(sealed: SealedVault, key: Uint8Array<ArrayBuffer>): Promise<VaultEntries> {
  if (!(await keyMatches(sealed, key))) throw new VaultError('wrong-passphrase');
  return openPayload(sealed, key);
}

/** The same vault (same key and parameters) with new entries, under a fresh IV. */
export async function resealVault(sealed: SealedVault, key: Uint8Array<ArrayBuffer>, entries: VaultEntries): Promise<SealedVault> {
  if (!(await keyMatches(sealed, key))) throw new VaultError('wrong-passphrase');
  return { ...sealed, payload: await seal(key, serializeEntries(entries), boxContext(sealed.kdf, 'payload')) };
}

/** Everything re-encrypted under a key from the new passphrase (new salt, the policy's iterations). */
export async function changePassphrase(sealed: SealedVault, current: string, next: string, policy: VaultPolicy = DEFAULT_POLICY): Promise<{ sealed: SealedVault; key: Uint8Array<ArrayBuffer> }> {
  const { entries } = await openVault(sealed, current);
  return createVault(next, entries, policy);
}

/** True when the vault was written with weaker parameters than the policy asks for today. */
export function needsUpgrade(sealed: SealedVault, policy: VaultPolicy = DEFAULT_POLICY): boolean {
  return sealed.kdf.iterations < policy.iterations;
}

async function keyMatches(sealed: SealedVault, key: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return (await open(key, sealed.check, boxContext(sealed.kdf, 'check'))) === CHECK_TEXT;
}

async function openPayload(sealed: SealedVault, key: Uint8Array<ArrayBuffer>): Promise<VaultEntries> {
  const json = await open(key, sealed.payload, boxContext(sealed.kdf, 'payload'));
  if (json === undefined) throw new VaultError('damaged');
  return parseEntries(json);
}
