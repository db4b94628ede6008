/**
 * An in-memory `browser.*` for the session background tests: the shared storage areas (../fakes/storage-area.ts),
 * alarms with periods, tabs with URLs, the action badge per tab, notifications, and the listeners the background
 * registers (tests call them as the browser would). i18n reads the real English messages.json.
 */
import messages from '../../../public/_locales/en/messages.json';
import { fakeStorage } from '../fakes/storage-area';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function getMessage(key: string, substitutions: string[] = []): string {
  const entry = (messages as Record<string, LocaleEntry | undefined>)[key];
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return { listeners, addListener: (listener: Listener) => void listeners.push(listener), removeListener: () => undefined };
}

export interface FakeTab {
  id: number;
  url: string;
  active: boolean;
  windowId: number;
  title?: string;
}

function build() {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  const openTabs = new Map<number, FakeTab>();
  const badges = new Map<number, { text?: string; color?: string; title?: string }>();
  const notices = new Map<string, { title: string; message: string; buttons?: { title: string }[] }>();
  const noticeLog: string[] = [];
  const sentToTabs: number[] = [];
  let nextTab = 100;
  const badge = (tabId: number) => {
    const found = badges.get(tabId) ?? {};
    badges.set(tabId, found);
    return found;
  };
  const tab = (tabId: number) => {
    const found = openTabs.get(tabId);
    return found ? Promise.resolve(found) : Promise.reject(new Error(`No tab with id: ${tabId}.`));
  };
  const open = (url: string, fields: Partial<FakeTab> = {}): FakeTab => {
    const opened = { id: nextTab++, url, active: true, windowId: 1, ...fields };
    openTabs.set(opened.id, opened);
    return opened;
  };
  return {
    openTabs,
    badges,
    notices,
    noticeLog,
    sentToTabs,
    /** Opens a tab as the browser would (no event: tests fire what they need). */
    open,
    storage: { ...fakeStorage(), onChanged: event() },
    runtime: { id: EXTENSION_ID, getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`, sendMessage: () => Promise.resolve(undefined) },
    i18n: { getMessage },
    alarms: {
      all: alarms,
      create: (name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }) => {
        const when = info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000;
        alarms.set(name, { name, scheduledTime: when, ...(info.periodInMinutes !== undefined && { periodInMinutes: info.periodInMinutes }) });
        return Promise.resolve();
      },
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
      get: (name: string) => Promise.resolve(alarms.get(name)),
      onAlarm: event(),
    },
    action: {
      setBadgeText: ({ tabId, text }: { tabId: number; text: string }) => Promise.resolve(void (badge(tabId).text = text)),
      setBadgeBackgroundColor: ({ tabId, color }: { tabId: number; color: string }) => Promise.resolve(void (badge(tabId).color = color)),
      setTitle: ({ tabId, title }: { tabId: number; title: string }) => Promise.resolve(void (badge(tabId).title = title)),
    },
    notifications: {
      create: (id: string, options: { title: string; message: string; buttons?: { title: string }[] }) => {
        noticeLog.push(id);
        notices.set(id, options);
        return Promise.resolve(id);
      },
      clear: (id: string) => Promise.resolve(notices.delete(id)),
      onButtonClicked: event(),
      onClicked: event(),
    },
    tabs: {
      get: tab,
      update: async (tabId: number, change: { url?: string; active?: boolean }) => {
        const found = await tab(tabId);
        if (change.url !== undefined) found.url = change.url;
        if (change.active !== undefined) found.active = change.active;
        return found;
      },
      reload: async (tabId: number) => void (await tab(tabId)),
      remove: (ids: number | number[]) => Promise.resolve(void [ids].flat().forEach((id) => openTabs.delete(id))),
      create: ({ url, active }: { url: string; active?: boolean }) => Promise.resolve(open(url, { active: active ?? true })),
      query: () => Promise.resolve([...openTabs.values()]),
      sendMessage: (tabId: number) => {
        sentToTabs.push(tabId);
        return Promise.resolve(undefined);
      },
      onUpdated: event(),
      onRemoved: event(),
      onReplaced: event(),
    },
    windows: { update: () => Promise.resolve({}) },
  };
}

export type FakeSessionBrowser = ReturnType<typeof build>;

export const fakeBrowser: FakeSessionBrowser = build();

/** A fresh browser: empty storage, no tabs, alarms, badges or notifications. */
export function resetFakeBrowser(): void {
  Object.assign(fakeBrowser, build());
}

/** Calls every listener of an event, as the browser would, and waits for what they started. */
export async function fire(target: { listeners: Listener[] }, ...args: unknown[]): Promise<void> {
  await Promise.all(target.listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args)));
}
