/** Opening the console. The login URL carries a sign-in token: it goes straight to the tab and is never stored. */
import browser from 'webextension-polyfill';
import type { OpenIn } from '../messages';

export async function openUrl(url: string, openIn: OpenIn): Promise<number | undefined> {
  if (openIn === 'new-window') {
    const win = await browser.windows.create({ url, focused: true });
    return win.tabs?.[0]?.id;
  }
  if (openIn === 'current-tab') {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id !== undefined) {
      const tab = await browser.tabs.update(active.id, { url });
      return tab.id;
    }
  }
  const tab = await browser.tabs.create({ url, active: true });
  return tab.id;
}
