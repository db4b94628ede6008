/**
 * The popup's keys, decided in one place. Focus stays in the search box (the listbox follows through
 * `aria-activedescendant`), so these are read from the search box's keydown; "/" and Esc also work from anywhere.
 */
import type { OpenIn } from '../src/messages';

export type KeyAction =
  | { type: 'move'; by: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'edge'; to: 'first' | 'last' }
  /**
   * `openIn` undefined: where the person's sign-in settings say (the background decides). `otherWay` (Alt): the way
   * the row does not take, for a role that could sign in with keys or switch the console tab in front.
   */
  | { type: 'activate'; openIn: OpenIn | undefined; otherWay?: true }
  | { type: 'star' }
  /** The active role's menu (role-menu.tsx): the Menu key or Shift+F10, as for any context menu. */
  | { type: 'menu' }
  /** Alt+C: the active role's credentials for a terminal, in the last syntax chosen. */
  | { type: 'terminal' }
  /** Alt+O: the active role's menu at "Open in…" (a region and service for this sign-in). */
  | { type: 'open-in' }
  | { type: 'escape' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The physical key: Alt+C on macOS types "ç", so its `key` is not "c". */
  code?: string;
}

/** What a key pressed in the search box does; undefined leaves it to the text field. */
export function searchKeyAction(event: KeyLike): KeyAction | undefined {
  // Ctrl on Windows and Linux, Cmd on macOS.
  const command = event.ctrlKey || event.metaKey;
  // Alt+Enter: the other way (popup/console-offer/); every other Alt key is left to the browser.
  // Alt+C: credentials for a terminal (popup/role-menu.tsx).
  if (event.altKey && !command && event.code === 'KeyC') return { type: 'terminal' };
  // Alt+O: open in a region or service (popup/role-menu.tsx).
  if (event.altKey && !command && event.code === 'KeyO') return { type: 'open-in' };
  if (event.altKey) return event.key === 'Enter' ? { type: 'activate', openIn: clickOpenIn(event), otherWay: true } : undefined;
  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) return { type: 'menu' };
  switch (event.key) {
    case 'ArrowDown':
      return { type: 'move', by: 1 };
    case 'ArrowUp':
      return { type: 'move', by: -1 };
    case 'PageDown':
      return { type: 'page', direction: 1 };
    case 'PageUp':
      return { type: 'page', direction: -1 };
    case 'Home':
      return { type: 'edge', to: 'first' };
    case 'End':
      return { type: 'edge', to: 'last' };
    case 'Enter':
      return { type: 'activate', openIn: clickOpenIn(event) };
    case 'Escape':
      return { type: 'escape' };
    case 's':
    case 'S':
      // Ctrl/Cmd+S stars: plain letters belong to the search text. Preventing it also stops "Save page as".
      return command ? { type: 'star' } : undefined;
    default:
      return undefined;
  }
}

/**
 * Where a sign-in opens, from Enter's or a click's modifiers: Shift a new window, a middle click a new tab,
 * Ctrl/Cmd the current tab;
 * without one, undefined, so the background applies the person's setting (a new tab unless they chose otherwise).
 */
export function clickOpenIn(event: Pick<KeyLike, 'shiftKey' | 'ctrlKey' | 'metaKey'> & { button?: number }): OpenIn | undefined {
  if (event.shiftKey) return 'new-window';
  if (event.button === 1) return 'new-tab';
  return event.ctrlKey || event.metaKey ? 'current-tab' : undefined;
}

/** True when focus is in a field where "/" is text, not the shortcut to the search box. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type));
}

/** Key names as the person's keyboard prints them: Cmd (⌘) rather than Ctrl on macOS. */
export function keyLabels(text: string, platform = navigator.platform): string {
  return /^Mac/i.test(platform) ? text.replaceAll('Ctrl+', '⌘') : text;
}
