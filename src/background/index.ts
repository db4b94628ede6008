/**
 * The service worker. Listeners are registered at top level, synchronously, so a worker woken by an event finds
 * them; no state lives in module variables (the worker is stopped after ~30 s idle).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { onConfigChanged } from '../platform/config-changes';
import { restrictStorageToExtension } from '../platform/storage-access';
import { scrubStoredConfig } from './config/store';
import { rebuildRolesIndex } from './config/roles-index';
import { followLayers, onRefreshAlarm } from './config/refresh';
import { mirrorManagedPolicy } from './config/managed';
import { route } from './router';
import { registerSessionListeners } from './sessions/listeners';
import { registerAutoAssumeListeners } from './sources/console/auto-assume';
import { onAutoLockAlarm } from './vault/auto-lock';
import { registerOmnibox } from './omnibox';
import { openWelcomeOnInstall } from './welcome/progress';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender, { ownId: browser.runtime.id, ownBaseUrl: browser.runtime.getURL('') }),
);

// storage.local and storage.sync closed to content scripts where the browser allows it (storage-access.ts).
void restrictStorageToExtension();

// The vault's idle auto-lock (vault-auto-lock.ts); it ignores other alarms.
browser.alarms.onAlarm.addListener((alarm) => {
  void onAutoLockAlarm(alarm);
});

// The subscription and a policy's URL, fetched again by the hour (config/refresh.ts); it ignores other alarms.
browser.alarms.onAlarm.addListener((alarm) => {
  void onRefreshAlarm(alarm).catch(() => undefined);
});

// Console sessions: tab events, the session alarms, notification buttons, and the timers recomputed on every wake.
registerSessionListeners();

// Auto-assume (opt-in): sign-in pages shown in tabs, closed tabs, profiles gone from the configuration.
registerAutoAssumeListeners();

// The address bar's keyword: `aws`, a space, a role's name or account; Enter signs in (omnibox.ts).
registerOmnibox();

// The popup's role list follows the configuration in force: a sync from another browser, an install or an update
// (a new version may read the configuration differently). Saves made here rebuild it in the config.save handler.
// A configuration stored with access keys in it (by an older version, or synced from one) is rewritten without them.
// The layers beside it count as configuration changes too (a policy pushed, a subscription refreshed): the refresh
// alarm follows them, and a policy's new URL is fetched at once (config/refresh.ts).
onConfigChanged(() => {
  void scrubStoredConfig().catch(() => false).then(() => rebuildRolesIndex());
  void mirrorManagedPolicy().then(() => followLayers()).catch(() => undefined);
});
// The organisation's policy is read through a copy (config/managed.ts), refreshed on every wake: a policy changed
// while the browser was closed is found at start, without holding any read for the seconds Chromium takes.
void mirrorManagedPolicy().catch(() => undefined);
browser.runtime.onInstalled.addListener(() => {
  void scrubStoredConfig().catch(() => false).then(() => rebuildRolesIndex());
  void followLayers().catch(() => undefined);
});
browser.runtime.onStartup.addListener(() => {
  void scrubStoredConfig().catch(() => false).then(() => rebuildRolesIndex());
  void followLayers().catch(() => undefined);
});
// A first install opens the welcome page (welcome/progress.ts); an update or a browser start does not.
browser.runtime.onInstalled.addListener((details) => {
  void openWelcomeOnInstall(details).catch(() => undefined);
});
