/**
 * The service worker. Listeners are registered at top level, synchronously, so a worker woken by an event finds
 * them; no state lives in module variables (the worker is stopped after ~30 s idle).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { route } from './router';
import { onAutoLockAlarm } from './vault-auto-lock';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender, { ownId: browser.runtime.id, ownBaseUrl: browser.runtime.getURL('') }),
);

// The vault's idle auto-lock (vault-auto-lock.ts); it ignores other alarms.
browser.alarms.onAlarm.addListener((alarm) => {
  void onAutoLockAlarm(alarm);
});
