/**
 * The session registry's browser events. Called once, synchronously, from the worker's top level (index.ts), so
 * a worker woken by a tab event, an alarm or a notification click finds its listener.
 */
import browser from 'webextension-polyfill';
import { SignInError } from '../sign-in/sign-in-error';
import { focusSession } from './actions';
import { sessionOfNotice, sessionOfWarnNotice, showRenewFailed } from './notices';
import { renewSession } from './renew';
import { readRegistry } from './store';
import { onTabRemoved, onTabReplaced, onTabUpdated } from './tabs';
import { onSessionAlarm, reconcileSessions } from './timers';
import { clearNotice } from '../../platform/notifications';
import { extensionUrl } from '../../platform/runtime';
import { openTab } from '../../platform/tab-control';
import { message } from '../../platform/i18n';

export function registerSessionListeners(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    void onTabUpdated(tabId, change, tab);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void onTabRemoved(tabId);
  });
  browser.tabs.onReplaced.addListener((added, removed) => {
    void onTabReplaced(added, removed);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void onSessionAlarm(alarm);
  });
  browser.notifications.onButtonClicked.addListener((noticeId, button) => {
    const id = sessionOfWarnNotice(noticeId);
    if (id !== undefined && button === 0) void renewFromNotice(noticeId, id);
  });
  browser.notifications.onClicked.addListener((noticeId) => {
    const id = sessionOfNotice(noticeId);
    if (id !== undefined) void focusSession(id).catch(() => undefined);
  });
  // Every wake: the timers are recomputed from the stored instants, since the worker may have slept through an alarm.
  void reconcileSessions().catch(() => undefined);
}

/**
 * The warning's Renew button. When renewing needs the passphrase or an MFA code, the popup's Sessions view opens
 * (in a tab: a notification click cannot open the toolbar popup) and asks for it there.
 */
async function renewFromNotice(noticeId: string, id: string): Promise<void> {
  await clearNotice(noticeId);
  try {
    await renewSession(id);
  } catch (error) {
    if (error instanceof SignInError && (error.code === 'vault-locked' || error.code === 'mfa-required')) {
      await openTab(extensionUrl(`popup/index.html#renew=${encodeURIComponent(id)}`));
      return;
    }
    const session = (await readRegistry()).sessions.find((s) => s.id === id);
    if (session) await showRenewFailed(session, error instanceof SignInError ? error.message : message('sessionRenewFailed'));
  }
}
