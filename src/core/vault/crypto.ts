/**
 * The two primitives, on WebCrypto (`crypto.subtle`, present in Node 20 and in the service worker):
 * PBKDF2-HMAC-SHA256 from passphrase to a 256-bit key, and AES-GCM-256 with a fresh random IV per encryption.
 * Additional authenticated data binds each box to the vault's parameters and to its purpose, so a box cannot be
 * moved to another slot or paired with an edited header without the tag failing.
 */
import { fromBase64, toBase64 } from '../base64';
import { VaultError } from './errors';
import { IV_BYTES, KEY_BYTES, type KdfParams, type SealedBox } from './format';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The raw key bytes. NFC normalisation: the same passphrase typed through different keyboards or input methods
 * (composed vs decomposed accents) must give the same key.
 */
export async function deriveKeyBytes(passphrase: string, kdf: KdfParams): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

/** The box's slot and the vault parameters, authenticated with every box. */
export function boxContext(kdf: KdfParams, slot: 'check' | 'payload' | 'sso'): Uint8Array<ArrayBuffer> {
  return encoder.encode(`role-switcher-vault/v1/${slot}/${kdf.name}/${kdf.hash}/${kdf.iterations}/${kdf.salt}`);
}

async function aesKey(keyBytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (keyBytes.length !== KEY_BYTES) throw new VaultError('damaged');
  // Not extractable: the only raw copy is the one the caller holds (and keeps in storage.session while unlocked).
  return crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(keyBytes: Uint8Array<ArrayBuffer>, plaintext: string, context: Uint8Array<ArrayBuffer>): Promise<SealedBox> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: context, tagLength: 128 }, await aesKey(keyBytes), encoder.encode(plaintext));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Undefined when the tag does not verify (wrong key, or altered IV, ciphertext or context). */
export async function open(keyBytes: Uint8Array<ArrayBuffer>, box: SealedBox, context: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  let iv: Uint8Array<ArrayBuffer>;
  let data: Uint8Array<ArrayBuffer>;
  try {
    iv = fromBase64(box.iv);
    data = fromBase64(box.data);
  } catch {
    return undefined;
  }
  if (iv.length !== IV_BYTES) return undefined;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: context, tagLength: 128 }, await aesKey(keyBytes), data);
    return decoder.decode(plain);
  } catch {
    return undefined;
  }
}
