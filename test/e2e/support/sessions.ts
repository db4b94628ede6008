/**
 * Helpers for the sessions end-to-end tests. Extension state is read from an extension page, not the worker:
 * pages can read `storage.session`, alarms, badges and notifications too, and Playwright's handle on a worker goes
 * stale (no close event, evaluate hangs) once Chromium stops it, which these tests do on purpose.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The slice of the extension API used inside pages below (the tests do not load @types/chrome). */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  tabs: { query(info: Record<string, never>): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

export interface StoredSession {
  id: string;
  profile: string;
  status: string;
  isolation?: string;
  tabs: number[];
  consoleExpiresAt: number;
}

/** The label the content script draws on a console page (in its open shadow root). */
export function bar(page: Page): Locator {
  return page.getByTestId('role-switcher-label');
}

export async function storedSessions(from: Page): Promise<StoredSession[]> {
  return from.evaluate(async () => {
    const stored = (await chrome.storage.session.get('sessions.registry'))['sessions.registry'] as { sessions: StoredSession[] } | undefined;
    return stored?.sessions ?? [];
  });
}

export async function alarmNames(from: Page): Promise<string[]> {
  return from.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name).sort());
}

export async function notificationIds(from: Page): Promise<string[]> {
  return from.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

/** The browser's id of the tab showing `page` (matched by URL). */
export async function tabIdOf(from: Page, page: Page): Promise<number> {
  const url = page.url();
  const tabs = await from.evaluate(async () => chrome.tabs.query({}));
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`No tab shows ${url}.`);
  return tab.id;
}

export async function badgeOf(from: Page, tabId: number): Promise<{ text: string; color: number[] }> {
  return from.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), color: await chrome.action.getBadgeBackgroundColor({ tabId: id }) }), tabId);
}

/**
 * Stops the extension's service worker as Chromium does after ~30 s idle (CDP `ServiceWorker.stopAllWorkers`),
 * and returns once it is stopped. The next event (a message, a tab update, an alarm) starts a new one.
 */
export async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { runningStatus: string }[] }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
