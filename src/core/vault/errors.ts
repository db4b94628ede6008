/** Why the vault could not be opened. The background turns each kind into one sentence for the person. */
export type VaultErrorKind =
  /** The passphrase derives a key that does not open the check box: nothing was changed. */
  | 'wrong-passphrase'
  /** The key is right (the check box opens) but the data does not decrypt or parse: it was altered or damaged. */
  | 'damaged'
  /** A format version or parameter this code does not know (written by a newer version of the extension). */
  | 'unsupported';

export class VaultError extends Error {
  constructor(readonly kind: VaultErrorKind) {
    super(`vault: ${kind}`);
    this.name = 'VaultError';
  }
}
