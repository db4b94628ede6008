/**
 * Opens the console through the extension's launch page, which POSTs the login form (see src/core/login-form.ts
 * for why a form and not a URL). The form waits in storage.session under a random one-time id that travels in
 * the launch page's URL fragment; the page takes it once with `login.take`, and unused forms expire in a minute
 * (a sign-in token lives 15 minutes).
 */
import type { LoginForm, OpenIn } from '../messages';
import { extensionUrl } from '../platform/runtime';
import { readStored, writeStored } from '../platform/storage';
import { openUrl } from '../platform/tabs';
import { SignInError } from './sign-in-error';

export const LAUNCH_PAGE = 'src/launch/index.html';
const PENDING_MS = 60_000;

export async function openLogin(form: LoginForm, openIn: OpenIn, now: number = Date.now()): Promise<number | undefined> {
  const id = crypto.randomUUID();
  const pending = fresh((await readStored('login.pending')) ?? {}, now);
  await writeStored('login.pending', { ...pending, [id]: { form, expiresAt: now + PENDING_MS } });
  return openUrl(extensionUrl(`${LAUNCH_PAGE}#${id}`), openIn);
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
