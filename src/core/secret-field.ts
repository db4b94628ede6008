/**
 * The attributes of every input that can hold a secret (a passphrase, an access key): out of autofill
 * (`autocomplete="off"`; `new-password` is what invites a manager to save it) and of Chromium's session-restore
 * files, the 1Password and LastPass opt-outs, no spell checking (which can send text to a service).
 */
export const SECRET_FIELD = {
  autocomplete: 'off',
  spellcheck: false,
  autocapitalize: 'off',
  'data-1p-ignore': true,
  'data-lpignore': 'true',
} as const;
