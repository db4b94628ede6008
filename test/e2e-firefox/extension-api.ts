/**
 * What the test asks Firefox through an extension page's own `browser.*`: WebDriver BiDi (puppeteer) does not
 * see tabs in containers made after it connected, so tabs, containers and cookies are read as the add-on sees them.
 * Each function body runs in the page (puppeteer sends its source): it may use nothing from this module.
 */
import type { Page } from 'puppeteer-core';

export interface TabInfo {
  id: number;
  index: number;
  active: boolean;
  cookieStoreId: string;
  /** Present for the extension's pages and the console hosts it has host permissions for. */
  url?: string | undefined;
  title?: string | undefined;
}

export interface ContainerInfo {
  cookieStoreId: string;
  name: string;
  color: string;
  icon: string;
}

export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/** The slice of Firefox's extension API used inside pages below. */
interface PageApi {
  runtime: { sendMessage(message: unknown): Promise<Answer> };
  tabs: { query(filter: object): Promise<TabInfo[]>; update(id: number, change: { active: boolean }): Promise<unknown> };
  contextualIdentities: { query(filter: object): Promise<ContainerInfo[]> };
  cookies: {
    getAll(filter: { domain: string; storeId: string }): Promise<{ name: string }[]>;
    set(details: { url: string; name: string; value: string; secure: boolean }): Promise<unknown>;
  };
}

type PageGlobal = { browser: PageApi };

/** Sends a message as the options page's `send` (src/messages.ts) does, and returns the background's answer. */
export function sendFrom(page: Page, type: string, request: Record<string, unknown>): Promise<Answer> {
  return page.evaluate((envelope) => (globalThis as unknown as PageGlobal).browser.runtime.sendMessage(envelope), { type, request });
}

export function allTabs(page: Page): Promise<TabInfo[]> {
  return page.evaluate(async () => (await (globalThis as unknown as PageGlobal).browser.tabs.query({})).map(({ id, index, active, cookieStoreId, url, title }) => ({ id, index, active, cookieStoreId, url, title })));
}

/** Tabs showing a signed-in sandbox console page (its title is "AWS Console - <role name>"). */
export async function consoleTabs(page: Page): Promise<TabInfo[]> {
  return (await allTabs(page)).filter((tab) => tab.title?.startsWith('AWS Console - ') === true);
}

export function containers(page: Page): Promise<ContainerInfo[]> {
  return page.evaluate(async () => (await (globalThis as unknown as PageGlobal).browser.contextualIdentities.query({})).map(({ cookieStoreId, name, color, icon }) => ({ cookieStoreId, name, color, icon })));
}

/** The names of the cookies a cookie jar (a container, or `firefox-default`) holds for the console's domain. */
export function consoleCookieNames(page: Page, storeId: string): Promise<string[]> {
  return page.evaluate(async (store) => (await (globalThis as unknown as PageGlobal).browser.cookies.getAll({ domain: 'aws.amazon.com', storeId: store })).map((cookie) => cookie.name).sort(), storeId);
}

export function activateTab(page: Page, id: number): Promise<unknown> {
  return page.evaluate((tabId) => (globalThis as unknown as PageGlobal).browser.tabs.update(tabId, { active: true }), id);
}

/** Sets a cookie in the browser's own jar for `url`'s host, as a site it served would have (the add-on may: host permissions). */
export function setCookie(page: Page, url: string, name: string, value: string): Promise<unknown> {
  return page.evaluate((details) => (globalThis as unknown as PageGlobal).browser.cookies.set({ ...details, secure: true }), { url, name, value });
}
