/**
 * Step 3's instructions: the shortcut that opens the popup, as the browser has it now (read again when the page gets
 * the focus back, after the person set it at chrome://extensions/shortcuts), or how to set one when none is.
 */
import { useEffect, useState } from 'preact/hooks';
import { actionShortcut } from '../platform/action-shortcut';

export function ShortcutHint() {
  /** Null until the browser has answered; undefined when no shortcut is set. */
  const [shortcut, setShortcut] = useState<string | undefined | null>(null);
  useEffect(() => {
    const read = () => void actionShortcut().then(setShortcut);
    read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);
  if (shortcut === null) return null;
  return (
    <>
      {shortcut !== undefined ? (
        <p>
          Press <kbd>{shortcut}</kbd> (or the extension's toolbar button) to open the popup, type a few letters of a
          role and press Enter: the console opens, signed in as that role.
        </p>
      ) : (
        <p>
          No keyboard shortcut opens the popup yet: set one at <code>chrome://extensions/shortcuts</code> (in Firefox:
          about:addons, the gear menu, Manage Extension Shortcuts), or use the extension's toolbar button. Then type a
          few letters of a role and press Enter: the console opens, signed in as that role.
        </p>
      )}
    </>
  );
}
