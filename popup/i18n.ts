/**
 * Every popup string comes from `_locales/<lang>/messages.json` through `browser.i18n`, so a translation is a new
 * file, not a code change. The key type is read from the English file, so a typo is a type error.
 */
import browser from 'webextension-polyfill';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, ...substitutions: string[]): string {
  // An empty answer means a missing key; showing the key makes the bug visible instead of a blank control.
  return browser.i18n.getMessage(key, substitutions) || key;
}
