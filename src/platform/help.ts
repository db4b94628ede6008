/**
 * Where the Help links of the popup's menu and the options page go: the welcome page bundled with the extension
 * (src/welcome/: the three steps to a first sign-in, and where each way in is set up). Bundled, so it works offline
 * and matches the running version; the project's public address is not decided, and a guessed one could lead nowhere.
 */
import { extensionUrl, WELCOME_PAGE } from './runtime';

export function helpUrl(): string {
  return extensionUrl(WELCOME_PAGE);
}
