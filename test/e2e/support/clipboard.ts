/**
 * What is on the clipboard, read from a page of an https origin granted clipboard-read (Chromium grants no
 * clipboard permission to extension pages through Playwright), served by the test itself: nothing leaves the machine.
 */
import type { ExtensionBrowser } from '../../launch/browser';

export async function readClipboard(extension: ExtensionBrowser): Promise<string> {
  const origin = 'https://clipboard-reader.test';
  await extension.context.grantPermissions(['clipboard-read'], { origin });
  const reader = await extension.context.newPage();
  try {
    await reader.route(`${origin}/`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>clipboard</title>' }));
    await reader.goto(`${origin}/`);
    return await reader.evaluate(() => navigator.clipboard.readText());
  } finally {
    await reader.close();
  }
}
