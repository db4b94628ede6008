/**
 * Strings of the background (notifications, badge titles) and the content script, from `_locales` like the popup's
 * (popup/i18n.ts). The key type is read from the English file, so a typo is a type error.
 */
import browser from 'webextension-polyfill';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function message(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
