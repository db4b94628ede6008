/** System notifications with buttons (`notifications` permission). Listeners are registered in the background's index.ts. */
import browser from 'webextension-polyfill';
import { extensionUrl } from './runtime';

export interface Notice {
  title: string;
  message: string;
  /** Up to two button labels; the click arrives as `notifications.onButtonClicked` with the button's index. */
  buttons?: string[];
  /** Stays until the person acts on it (a warning they must not miss). */
  sticky?: boolean;
}

/** Shows, or replaces, the notification `id`. */
export async function showNotice(id: string, notice: Notice): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: extensionUrl('icons/icon-128.png'),
    title: notice.title,
    message: notice.message,
    priority: 2,
    ...(notice.buttons !== undefined && { buttons: notice.buttons.map((title) => ({ title })) }),
    ...(notice.sticky === true && { requireInteraction: true }),
  });
}

export async function clearNotice(id: string): Promise<void> {
  await browser.notifications.clear(id).catch(() => false);
}
