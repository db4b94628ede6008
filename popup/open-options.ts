/**
 * Opens the options page where a failed sign-in can be mended: the access keys of a source (`#keys=<source>`) or a
 * profile in the configuration editor (`#profile=<name>`). The options page reads the hash (src/options/deep-link.ts).
 */
import browser from 'webextension-polyfill';

export async function openOptionsAt(kind: 'keys' | 'profile', subject: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`src/options/index.html#${kind}=${encodeURIComponent(subject)}`) });
}
