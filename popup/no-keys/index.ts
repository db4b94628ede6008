/** The popup's marking of roles whose source has no access keys (issue 14): what app.tsx and the list use. */
export { NoKeysOption } from './no-keys-option';
export { useNoKeys, type NoKeysOf } from './use-no-keys';
