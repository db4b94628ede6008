/**
 * The stored vault: ciphertext plus every parameter needed to open it, so the parameters can be raised later
 * (more PBKDF2 iterations, a new version) and old vaults still open and are then rewritten with the new ones.
 * Nothing here is secret: the salt and IVs are public by design, the boxes are AES-GCM ciphertext.
 */
import { VaultError } from './errors';

export const VAULT_VERSION = 1;

/**
 * OWASP's Password Storage Cheat Sheet recommends 600,000 iterations for PBKDF2-HMAC-SHA256
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
 */
export const DEFAULT_ITERATIONS = 600_000;
/** Refuse to open anything weaker than this: a tampered header must not lower the work factor silently. */
export const MIN_ITERATIONS = 100_000;
/** Guards the unlock time against a header edited to an absurd count. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
/** AES-GCM's recommended 96-bit IV (NIST SP 800-38D, 8.2). */
export const IV_BYTES = 12;
export const KEY_BYTES = 32;

export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64, SALT_BYTES random bytes, new for every passphrase. */
  salt: string;
}

/** One AES-GCM-256 encryption: a fresh random IV and the ciphertext with its 16-byte tag, both base64. */
export interface SealedBox {
  iv: string;
  data: string;
}

export interface SealedVault {
  version: typeof VAULT_VERSION;
  kdf: KdfParams;
  cipher: 'AES-GCM-256';
  /** A fixed text under the vault key: tells a wrong passphrase (this fails) from damaged data (only payload fails). */
  check: SealedBox;
  /** The entries as JSON. */
  payload: SealedBox;
}

/** Reads a stored value defensively: storage can hold anything (an older format, a hand edit, damage). */
export function parseSealedVault(value: unknown): SealedVault {
  if (!isRecord(value)) throw new VaultError('damaged');
  if (value.version !== VAULT_VERSION) throw new VaultError(typeof value.version === 'number' && value.version > VAULT_VERSION ? 'unsupported' : 'damaged');
  const { kdf, check, payload } = value;
  if (value.cipher !== 'AES-GCM-256') throw new VaultError('unsupported');
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') throw new VaultError('unsupported');
  const { iterations, salt } = kdf;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new VaultError('damaged');
  }
  if (typeof salt !== 'string' || !isBox(check) || !isBox(payload)) throw new VaultError('damaged');
  return {
    version: VAULT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    cipher: 'AES-GCM-256',
    check: { iv: check.iv, data: check.data },
    payload: { iv: payload.iv, data: payload.data },
  };
}

function isBox(value: unknown): value is SealedBox {
  return isRecord(value) && typeof value.iv === 'string' && typeof value.data === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
