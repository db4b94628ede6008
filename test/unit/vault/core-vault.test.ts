/** The sealed vault format: round trips, wrong passphrase, tampering, stored parameters, passphrase change. */
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { boxContext, deriveKeyBytes, open, seal } from '../../../src/core/vault/crypto';
import {
  changePassphrase, checkPassphrase, createVault, DEFAULT_ITERATIONS, fromBase64, needsUpgrade, openVault, openWithKey,
  parseSealedVault, resealVault, toBase64, VaultError, type SealedVault, type VaultEntries,
} from '../../../src/core/vault';

// The minimum the format accepts: fast enough for many tests; one test below runs the real default.
const FAST = { iterations: 100_000 };
const ENTRIES: VaultEntries = {
  alice: { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', arn: 'arn:aws:iam::111111111111:user/alice' },
  'b\u00f6b': { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bObSeCrEtKeY/EXAMPLE+0000000000000000001' },
};

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error.kind;
    throw error;
  }
  return 'resolved';
}

/** Flips one bit of a base64 field. */
function flip(text: string, index = 0): string {
  const bytes = fromBase64(text);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64(bytes);
}

describe('the sealed vault', () => {
  it('round-trips entries through the passphrase and through the kept key', async () => {
    const { sealed, key } = await createVault('correct horse battery staple', ENTRIES, FAST);
    expect((await openVault(sealed, 'correct horse battery staple')).entries).toEqual(ENTRIES);
    expect(await openWithKey(sealed, key)).toEqual(ENTRIES);
    const resealed = await resealVault(sealed, key, { ...ENTRIES, carol: { accessKeyId: 'AKIACAROLEXAMPLE0001', secretAccessKey: 'x'.repeat(40) } });
    expect(Object.keys(await openWithKey(resealed, key))).toEqual(['alice', 'b\u00f6b', 'carol']);
  });

  it('stores the parameters with the ciphertext, and no secret in clear', async () => {
    const { sealed, key } = await createVault('pass phrase 1', ENTRIES);
    expect(sealed.version).toBe(1);
    expect(sealed.cipher).toBe('AES-GCM-256');
    expect(sealed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_ITERATIONS });
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(sealed.kdf.salt)).toHaveLength(16);
    expect(fromBase64(sealed.payload.iv)).toHaveLength(12);
    expect(key).toHaveLength(32);
    const stored = JSON.stringify(sealed);
    for (const needle of ['aLiCe/SeCrEt', 'AKIAALICE', 'alice', 'pass phrase 1', toBase64(key)]) expect(stored).not.toContain(needle);
    // What storage gives back parses to the same value.
    expect(parseSealedVault(JSON.parse(stored))).toEqual(sealed);
  });

  it('uses a new salt per vault and a fresh IV per write', async () => {
    const a = await createVault('same', ENTRIES, FAST);
    const b = await createVault('same', ENTRIES, FAST);
    expect(a.sealed.kdf.salt).not.toBe(b.sealed.kdf.salt);
    const again = await resealVault(a.sealed, a.key, ENTRIES);
    expect(again.payload.iv).not.toBe(a.sealed.payload.iv);
    expect(again.payload.data).not.toBe(a.sealed.payload.data);
  });

  it('refuses a wrong passphrase, and checking one changes nothing', async () => {
    const { sealed } = await createVault('right one', ENTRIES, FAST);
    const before = structuredClone(sealed);
    expect(await rejection(openVault(sealed, 'wrong one'))).toBe('wrong-passphrase');
    expect(await checkPassphrase(sealed, 'wrong one')).toBe(false);
    expect(await checkPassphrase(sealed, 'right one')).toBe(true);
    expect(sealed).toEqual(before);
  });

  it('treats composed and decomposed accents as the same passphrase', async () => {
    const { sealed } = await createVault('caf\u00e9 au lait', ENTRIES, FAST);
    expect(await checkPassphrase(sealed, 'cafe\u0301 au lait')).toBe(true);
  });

  it('detects tampered ciphertext, IV, tag and parameters', async () => {
    const { sealed } = await createVault('pw', ENTRIES, FAST);
    const tampered: SealedVault[] = [
      { ...sealed, payload: { ...sealed.payload, data: flip(sealed.payload.data, 3) } },
      { ...sealed, payload: { ...sealed.payload, data: flip(sealed.payload.data, fromBase64(sealed.payload.data).length - 1) } },
      { ...sealed, payload: { ...sealed.payload, iv: flip(sealed.payload.iv) } },
      // The check box moved into the payload slot: the slot is authenticated.
      { ...sealed, payload: sealed.check },
    ];
    for (const vault of tampered) expect(await rejection(openVault(vault, 'pw'))).toBe('damaged');
    // Edited parameters derive another key: refused before any data is read.
    expect(await rejection(openVault({ ...sealed, kdf: { ...sealed.kdf, iterations: sealed.kdf.iterations + 1 } }, 'pw'))).toBe('wrong-passphrase');
    expect(await rejection(openVault({ ...sealed, kdf: { ...sealed.kdf, salt: flip(sealed.kdf.salt) } }, 'pw'))).toBe('wrong-passphrase');
  });

  it('refuses stored values it cannot trust', () => {
    const kind = (value: unknown): string => {
      try {
        parseSealedVault(value);
        return 'parsed';
      } catch (error) {
        return (error as VaultError).kind;
      }
    };
    expect(kind(undefined)).toBe('damaged');
    expect(kind({ version: 2 })).toBe('unsupported');
    expect(kind({ version: 1, cipher: 'AES-CBC' })).toBe('unsupported');
    expect(kind({ version: 1, cipher: 'AES-GCM-256', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AA==' }, check: { iv: '', data: '' }, payload: { iv: '', data: '' } })).toBe('damaged');
  });

  it('changes the passphrase by re-encrypting everything under a new salt', async () => {
    const { sealed } = await createVault('old passphrase', ENTRIES, FAST);
    expect(await rejection(changePassphrase(sealed, 'not the old one', 'new passphrase', FAST))).toBe('wrong-passphrase');
    const changed = await changePassphrase(sealed, 'old passphrase', 'new passphrase', FAST);
    expect(changed.sealed.kdf.salt).not.toBe(sealed.kdf.salt);
    expect((await openVault(changed.sealed, 'new passphrase')).entries).toEqual(ENTRIES);
    expect(await rejection(openVault(changed.sealed, 'old passphrase'))).toBe('wrong-passphrase');
    expect(await rejection(openWithKey(changed.sealed, (await openVault(sealed, 'old passphrase')).key))).toBe('wrong-passphrase');
  });

  it('knows when stored parameters are below today\u2019s policy, so they can be raised', async () => {
    const { sealed } = await createVault('pw', ENTRIES, FAST);
    expect(needsUpgrade(sealed)).toBe(true);
    expect(needsUpgrade(sealed, FAST)).toBe(false);
  });
});

describe('what only the cryptography can catch', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

  it('refuses a header edited under the same key: the parameters are authenticated with every box', async () => {
    // openWithKey derives nothing: the key is the same whatever the header says, so only AES-GCM's additional
    // data (the parameters, bound into every tag) can tell that the header changed.
    const { sealed, key } = await createVault('pw', ENTRIES, { iterations: 150_000 });
    const edited: SealedVault[] = [
      // Lowered to the weakest count the format accepts, as an attacker would, to make guessing cheaper.
      { ...sealed, kdf: { ...sealed.kdf, iterations: 100_000 } },
      { ...sealed, kdf: { ...sealed.kdf, iterations: sealed.kdf.iterations + 1 } },
      { ...sealed, kdf: { ...sealed.kdf, salt: flip(sealed.kdf.salt) } },
    ];
    for (const vault of edited) {
      expect(await rejection(openWithKey(vault, key))).not.toBe('resolved');
      expect(await rejection(resealVault(vault, key, ENTRIES))).not.toBe('resolved');
    }
    // The same boxes, the same key: they open under the stored parameters and under no others.
    expect(await openWithKey(sealed, key)).toEqual(ENTRIES);
    for (const vault of edited) {
      expect(await open(key, sealed.payload, boxContext(vault.kdf, 'payload'))).toBeUndefined();
      expect(await open(key, sealed.check, boxContext(vault.kdf, 'check'))).toBeUndefined();
    }
  });

  it('binds a box to its context: same key, same IV and ciphertext, another context fails the tag', async () => {
    const key = new Uint8Array(32).fill(7);
    const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: toBase64(new Uint8Array(16)) } as const;
    const box = await seal(key, '{"entries":{}}', boxContext(kdf, 'payload'));
    expect(await open(key, box, boxContext(kdf, 'payload'))).toBe('{"entries":{}}');
    expect(await open(key, box, boxContext(kdf, 'check'))).toBeUndefined();
    expect(await open(key, box, boxContext({ ...kdf, iterations: 600_001 }, 'payload'))).toBeUndefined();
    expect(await open(key, box, new Uint8Array(0))).toBeUndefined();
  });

  it('derives the key as PBKDF2-HMAC-SHA256 does (RFC 7914 \u00a711 vector)', async () => {
    const key = await deriveKeyBytes('passwd', { name: 'PBKDF2', hash: 'SHA-256', iterations: 1, salt: toBase64(new TextEncoder().encode('salt')) });
    expect(hex(key)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('derives a new vault\u2019s key with 600,000 iterations, as the header says (checked against Node\u2019s pbkdf2Sync)', async () => {
    const { sealed, key } = await createVault('correct horse battery staple', ENTRIES);
    expect(sealed.kdf.iterations).toBe(600_000);
    const expected = pbkdf2Sync('correct horse battery staple', fromBase64(sealed.kdf.salt), 600_000, 32, 'sha256');
    expect(hex(key)).toBe(expected.toString('hex'));
    // Composed form (NFC) is what is derived from, whatever form was typed.
    const salt = new Uint8Array(16).map((_, i) => i);
    const accented = await deriveKeyBytes('cafe\u0301 au lait', { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: toBase64(salt) });
    expect(hex(accented)).toBe(pbkdf2Sync('caf\u00e9 au lait', salt, 600_000, 32, 'sha256').toString('hex'));
  });
});
