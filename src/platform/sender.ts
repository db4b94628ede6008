/**
 * Who sent a message. Messages that read or use credentials are accepted only from the extension's own pages:
 * same extension id AND a URL under the extension's base URL. A content script's sender carries the web page's
 * URL, so it fails the second check even though its `id` is ours.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Audience } from '../messages';

/**
 * @param ownBaseUrl `runtime.getURL('')`, e.g. `chrome-extension://<id>/`. Compared as a prefix, not with
 * `URL.origin`, which is "null" for non-special schemes in some engines and would match `about:blank`.
 */
export function isAllowedSender(
  sender: Runtime.MessageSender,
  audience: Audience,
  ownId: string,
  ownBaseUrl: string,
): boolean {
  if (sender.id !== ownId) return false;
  if (audience === 'content-scripts') return true;
  return ownBaseUrl.endsWith('/') && typeof sender.url === 'string' && sender.url.startsWith(ownBaseUrl);
}
