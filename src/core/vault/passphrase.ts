/**
 * What a new vault passphrase must be, and a hint while it is typed. The vault sits in the profile folder, so a
 * copy of that folder can be guessed at offline: 12 characters at least (NIST SP 800-63B-4 asks 15 for a password
 * used alone; the 600,000 PBKDF2 rounds slow each guess). The hint counts length and kinds of characters only —
 * no dictionary — and says what would make the passphrase stronger; a few words beat symbols.
 */

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

export interface PassphraseHint {
  strength: PassphraseStrength;
  /** Long enough to be accepted. */
  acceptable: boolean;
  /** One sentence for the person typing. */
  text: string;
}

/** Lower case, upper case, digits, spaces, anything else. */
function kinds(passphrase: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /\s/u, /[^\p{Ll}\p{Lu}\p{Nd}\s]/u].filter((kind) => kind.test(passphrase)).length;
}

export function passphraseHint(passphrase: string): PassphraseHint {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    const missing = MIN_PASSPHRASE_LENGTH - length;
    return { strength: 'too-short', acceptable: false, text: `Too short: ${missing} more character${missing === 1 ? '' : 's'} at least. A few words are easy to remember and hard to guess.` };
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    return { strength: 'too-short', acceptable: false, text: `Too long: at most ${MAX_PASSPHRASE_LENGTH} characters.` };
  }
  // The same few characters over and over ("aaaaaaaaaaaa", "abcabcabcabc") are long but easy to guess.
  const distinct = new Set(passphrase.toLowerCase()).size;
  if (distinct < 6) return { strength: 'weak', acceptable: true, text: 'Weak: it repeats a few characters. Use a few different words.' };
  if (length >= 20 || (length >= 16 && kinds(passphrase) >= 2) || kinds(passphrase) >= 4) {
    return { strength: 'strong', acceptable: true, text: 'Strong.' };
  }
  return { strength: 'fair', acceptable: true, text: 'Fair: another word or two makes it much stronger.' };
}
