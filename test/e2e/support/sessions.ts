/**
 * Helpers for the sessions end-to-end tests. Extension state is read from an extension page, not the worker:
 * pages can read `storage.session`, alarms, badges and notifications too, and Playwright's handle on a worker goes
 * stale (no close event, evaluate hangs) once Chromium stops it, which these tests do on purpose.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The slice of the extension API used inside pages below (the tests do not load @types/chrome). */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
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

/** A profile name long enough to test how the Sessions view and the markers fit it. */
export const LONG_PROFILE = 'mfa-admin-production-eu-central-1';

/**
 * The roles the popup's look is tested with (accessibility, contrast, reflow): alice's keys and two coloured roles in
 * one group, one with an account alias. Each spec adds what it needs.
 */
export const DEMO_ROLES_CONFIG = `
[alice]
region = us-east-1

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
aws_account_alias = acme-dev
region = eu-west-1
color = #2e7d32
group = Sandbox

[demo-ro]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = us-east-1
color = #fde68a
group = Sandbox
`;

/** A role whose name is longer than a row: cut in the middle wherever it is shown. */
export const LONG_ROLE_CONFIG = `
[${LONG_PROFILE}]
role_arn = arn:aws:iam::444444444444:role/Admin
source_profile = alice
region = eu-central-1
`;

function session(id: string, profile: string, accountId: string, fields: Record<string, unknown>, now: number): Record<string, unknown> {
  return {
    id,
    profile,
    accountId,
    roleName: 'Developer',
    assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/Developer/role-switcher`,
    partition: 'aws',
    region: 'eu-west-1',
    destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    startedAt: now - 600_000,
    credentialExpiresAt: now + 7_200_000,
    consoleExpiresAt: now + 7_200_000,
    store: 'default',
    tabs: [],
    status: 'live',
    warned: true,
    ...fields,
  };
}

/**
 * Writes a registry with a session in every state the Sessions view draws (live, signing in, expired, replaced,
 * refused) into `storage.session`, the way the background keeps it: demo-dev live in `tabId`, demo-ro signing in
 * in `signingInTab` (no console needed).
 */
export async function seedSessions(page: Page, tabId: number, signingInTab: number): Promise<void> {
  const now = Date.now();
  const sessions = [
    session('s-live', 'demo-dev', '222222222222', { accountAlias: 'acme-dev', color: '#2e7d32', tabs: [tabId], isolation: 'multi-session', subdomain: '222222222222-ab12' }, now),
    session('s-signing', 'demo-ro', '333333333333', { color: '#fde68a', tabs: [signingInTab], startedAt: now - 500_000 }, now),
    session('s-expired', 'demo-ro', '333333333333', { status: 'expired', consoleExpiresAt: now - 60_000, startedAt: now - 400_000, isolation: 'single' }, now),
    session('s-replaced', LONG_PROFILE, '444444444444', { status: 'replaced', replacedBy: 's-long', startedAt: now - 300_000, isolation: 'single' }, now),
    session('s-long', LONG_PROFILE, '444444444444', { status: 'replaced', startedAt: now - 250_000, isolation: 'single' }, now),
    session('s-limit', 'demo-dev', '222222222222', { status: 'refused', refusal: 'session-limit', startedAt: now - 200_000 }, now),
    session('s-failed', 'demo-dev', '222222222222', { status: 'refused', refusal: 'login-failed', startedAt: now - 100_000 }, now),
  ];
  await page.evaluate(async (registry) => chrome.storage.session.set({ 'sessions.registry': registry }), { sessions, modes: {} });
}
