/**
 * Opens the console through the extension's launch page, which POSTs the login form (see src/core/login-form.ts
 * for why a form and not a URL). The form waits in storage.session under a random one-time id that travels in
 * the launch page's URL fragment; the page takes it once with `login.take`, and unused forms expire in a minute
 * (a sign-in token lives 15 minutes).
 */
import type { LoginForm, OpenIn } from '../messages';
import { containerFor } from '../platform/containers';
import { extensionUrl } from '../platform/runtime';
import { readStored, writeStored } from '../platform/storage';
import { navigateTab } from '../platform/tab-control';
import { openUrl } from '../platform/tabs';
import { SignInError } from './sign-in-error';

export const LAUNCH_PAGE = 'src/launch/index.html';
const PENDING_MS = 60_000;

/**
 * `role`: on Firefox the launch page, and so the console it posts to, opens in the role's own container
 * (src/platform/containers.ts); elsewhere, or without a role, in the browser's one cookie jar.
 */
export async function openLogin(form: LoginForm, openIn: OpenIn | { tabId: number }, now: number = Date.now(), role?: { name: string; color?: string }): Promise<number | undefined> {
  const id = crypto.randomUUID();
  const pending = fresh((await readStored('login.pending')) ?? {}, now);
  await writeStored('login.pending', { ...pending, [id]: { form, expiresAt: now + PENDING_MS } });
  const url = extensionUrl(`${LAUNCH_PAGE}#${id}`);
  // A renewal reopens the session's own tab in place, container and all (sessions-renew.ts).
  if (typeof openIn === 'object') return navigateTab(openIn.tabId, url);
  const cookieStoreId = role && (await containerFor(role));
  return openUrl(url, openIn, cookieStoreId);
}

export async function takeLogin(id: string, now: number = Date.now()): Promise<LoginForm> {
  const all = (await readStored('login.pending')) ?? {};
  const entry = Object.hasOwn(all, id) ? all[id] : undefined;
  const { [id]: _taken, ...rest } = all;
  await writeStored('login.pending', fresh(rest, now));
  if (!entry || entry.expiresAt <= now) {
    throw new SignInError('bad-request', 'This sign-in was already used or has expired. Sign in again from the extension.');
  }
  return entry.form;
}

function fresh<T extends { expiresAt: number }>(pending: Record<string, T>, now: number): Record<string, T> {
  return Object.fromEntries(Object.entries(pending).filter(([, entry]) => entry.expiresAt > now));
}
