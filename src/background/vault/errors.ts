/** Vault failures as one sentence with the next step. Never includes the passphrase or any key material. */
import { VaultError } from '../../core/vault/index';
import { SignInError } from '../sign-in/sign-in-error';

export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1024;

export function vaultLocked(): SignInError {
  return new SignInError('vault-locked', 'The vault is locked. Enter your passphrase to unlock it, then try again.');
}

export function noVault(): SignInError {
  return new SignInError('no-keys', 'No access keys are saved yet. Add them on the options page.');
}

export function fromVaultError(error: unknown): unknown {
  if (!(error instanceof VaultError)) return error;
  switch (error.kind) {
    case 'wrong-passphrase':
      return new SignInError('wrong-passphrase', 'That passphrase is not right. Nothing was changed; try again.');
    case 'unsupported':
      return new SignInError('internal', 'The vault was saved by a newer version of the extension. Update the extension, then unlock it.');
    case 'damaged':
      return new SignInError('internal', 'The stored vault is damaged and cannot be decrypted. Erase it on the options page and add your keys again.');
  }
}

/** Checks a new passphrase; throws the sentence that says what to change. */
export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new SignInError('bad-request', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easy to remember and hard to guess.`);
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) {
    throw new SignInError('bad-request', `Choose a passphrase of at most ${MAX_PASSPHRASE_LENGTH} characters.`);
  }
}
