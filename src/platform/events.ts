/** Background → extension pages events (progress and the like). Fire and forget: no open page is not an error. */
import browser from 'webextension-polyfill';
import type { EventEnvelope, EventMap } from '../messages';

export function emit<K extends keyof EventMap>(event: K, payload: EventMap[K]): void {
  browser.runtime.sendMessage({ event, payload } satisfies EventEnvelope<K>).catch(() => {
    // "Receiving end does not exist" when no extension page is open: nobody to tell.
  });
}
