/**
 * The keyboard shortcut that opens the popup: the `_execute_action` command's key as the browser has it now (the
 * manifest suggests Alt+Shift+R, but the person may have changed or cleared it, or another extension taken it).
 */
import browser from 'webextension-polyfill';

type Commands = Pick<typeof browser.commands, 'getAll'>;

/** The shortcut as the browser writes it ("Alt+Shift+R"), or undefined when none is set. */
export async function actionShortcut(commands: Commands = browser.commands): Promise<string | undefined> {
  try {
    const all = await commands.getAll();
    const shortcut = all.find((command) => command.name === '_execute_action')?.shortcut;
    return shortcut === undefined || shortcut === '' ? undefined : shortcut;
  } catch {
    return undefined;
  }
}
