/**
 * Opens the console through the extension's launch page, which POSTs the login form (see src/core/login-form.ts
 * for why a form and not a URL). The form waits in storage.session under a random one-time id that travels in
 * the launch page's URL fragment; the page takes it once with `login.take`, and unused forms expire in a minute
 * (a sign-in token lives 15 minutes).
 *
 * A new tab or window is opened before the form exists (`prepareLogin`), in the background, so the launch page
 * loads while STS and the federation endpoint answer. It comes to the front once AWS has assumed the role (`front`),
 * while the sign-in token is asked; a sign-in that fails before that closes it, leaving the person where they were
 * (and the popup, still open, shows why), and one that fails after leaves it in front saying why. The current tab is
 * only navigated once the form is ready: a failure must not take the person's page away. A page opened ahead asks
 * for its form at once and its question waits here: the form goes to it straight from memory, the moment it exists
 * (no storage between them). Its address also names the hosts the login goes to, for the page to connect to them
 * ahead (core/launch-fragment.ts).
 */
import { launchFragment, loginHosts } from '../../core/launch-fragment';
import type { LoginForm, OpenIn } from '../../messages';
import { containerFor } from '../../platform/containers';
import { extensionUrl } from '../../platform/runtime';
import { readStored, writeStored } from '../../platform/storage';
import { closeTabs, focusTab, navigateTab } from '../../platform/tab-control';
import { watchClosing } from '../../platform/tab-watch';
import { openUrl } from '../../platform/tabs';
import { bindTaken, markTaken } from './login-taken';
import { SignInError } from './sign-in-error';

export const LAUNCH_PAGE = 'src/launch/index.html';
const PENDING_MS = 60_000;

/**
 * `role`: on Firefox the launch page, and so the console it posts to, opens in the role's own container
 * (src/platform/containers.ts); elsewhere, or without a role, in the browser's one cookie jar.
 */
export async function openLogin(form: LoginForm, openIn: OpenIn | { tabId: number }, now: number = Date.now(), role?: { name: string; color?: string }): Promise<number | undefined> {
  const id = crypto.randomUUID();
  await storePending(id, form, now);
  const url = extensionUrl(`${LAUNCH_PAGE}#${launchFragment(id, loginHosts(form.action, form.fields.Destination ?? ''))}`);
  // A renewal reopens the session's own tab in place, container and all (sessions-renew.ts).
  if (typeof openIn === 'object') return navigateTab(openIn.tabId, url);
  const cookieStoreId = role && (await containerFor(role));
  return openUrl(url, openIn, cookieStoreId);
}

/**
 * A launch page opened early: brought to the front with `front`, its form handed over with `deliver` (undefined when
 * its tab was closed meanwhile: open the console the usual way), or the sign-in given up with `abandon`.
 */
export interface PreparedLogin {
  tabId: number | undefined;
  /**
   * To the front now, before its form exists: called once AWS has assumed the role and only the sign-in token is
   * left, so the browser's work of switching tabs overlaps that round trip instead of the login's start.
   */
  front: () => void;
  deliver: (form: LoginForm) => Promise<number | undefined>;
  /** A tab still behind is closed; one already in front stays, and its page says why (`error`'s sentence). */
  abandon: (error?: unknown) => Promise<void>;
}

/** What a launch page opened ahead is answered: its form, or why the sign-in failed once its tab was in front. */
type Handover = LoginForm | { failed: unknown };

/**
 * Launch pages opened before their form: `login.take` waits on these until the form is handed over (then it is the
 * answer, once) or abandoned (undefined, or the failure). Memory only, for the sign-in in flight, like
 * login-taken.ts; a form not taken is dropped after PENDING_MS, as a stored one expires.
 */
const awaited = new Map<string, { ready: Promise<Handover | undefined>; settle: (handed?: Handover) => void }>();

/**
 * Opens the launch page in the background ahead of its form; undefined for the current tab (see above). `hosts`:
 * where the login will go (the sign-in host it is posted to, the console host it lands on), for the page to connect
 * to ahead.
 */
export async function prepareLogin(openIn: OpenIn, role?: { name: string; color?: string }, hosts: readonly string[] = []): Promise<PreparedLogin | undefined> {
  if (openIn === 'current-tab') return undefined;
  const id = crypto.randomUUID();
  let settle!: (handed?: Handover) => void;
  const ready = new Promise<Handover | undefined>((resolve) => {
    settle = resolve;
  });
  awaited.set(id, { ready, settle });
  // Listening before the tab opens: a tab closed at any time after is known without asking the browser (a question
  // on the click's path, between AWS's token and the page's form).
  const closing = watchClosing();
  // Set once `front` asked: whether the tab did come to the front (a switch the browser refused, say while a tab is
  // being dragged, is tried again with the form).
  let fronting: Promise<boolean> | undefined;
  let finished = false;
  const finish = (handed?: Handover) => {
    finished = true;
    closing.stop();
    settle(handed);
    if (handed === undefined) awaited.delete(id);
    else setTimeout(() => awaited.delete(id), PENDING_MS);
  };
  let tabId: number | undefined;
  try {
    const cookieStoreId = role && (await containerFor(role));
    tabId = await openUrl(extensionUrl(`${LAUNCH_PAGE}#${launchFragment(id, hosts)}`), openIn, cookieStoreId, false);
  } catch (error) {
    finish();
    throw error;
  }
  return {
    tabId,
    front() {
      if (tabId === undefined || fronting !== undefined || finished || closing.closed(tabId)) return;
      fronting = focusTab(tabId).catch(() => false);
    },
    async deliver(form) {
      if (finished) return undefined;
      // Closed meanwhile (by the person): the form is not left waiting for a page that is gone.
      if (tabId === undefined || closing.closed(tabId)) {
        finish();
        return undefined;
      }
      // The page's question is answered now; a tab not yet in front comes to the front while it posts.
      bindTaken(id, form);
      finish(form);
      if (!(await fronting)) await focusTab(tabId);
      return tabId;
    },
    async abandon(error) {
      // In front, the tab stays and its page says why; behind, it closes and the person stays where they were.
      const inFront = fronting !== undefined && (await fronting);
      if (inFront && error !== undefined && tabId !== undefined && !closing.closed(tabId)) {
        finish({ failed: error });
        return;
      }
      finish();
      if (tabId !== undefined) await closeTabs([tabId]);
    },
  };
}

async function storePending(id: string, form: LoginForm, now: number): Promise<void> {
  bindTaken(id, form);
  const pending = fresh((await readStored('login.pending')) ?? {}, now);
  await writeStored('login.pending', { ...pending, [id]: { form, expiresAt: now + PENDING_MS } });
}

export async function takeLogin(id: string, now?: number): Promise<LoginForm> {
  // A launch page opened ahead of its form asks before the form exists: it waits for the sign-in to hand it over.
  const waiting = awaited.get(id);
  const handed = waiting && (await waiting.ready);
  if (handed && awaited.delete(id)) {
    // The sign-in failed after its tab came to the front: the page says why (the router makes the sentence).
    if ('failed' in handed) throw handed.failed;
    markTaken(id);
    return handed;
  }
  return takeStored(id, now ?? Date.now());
}

async function takeStored(id: string, now: number): Promise<LoginForm> {
  const all = (await readStored('login.pending')) ?? {};
  const entry = Object.hasOwn(all, id) ? all[id] : undefined;
  const { [id]: _taken, ...rest } = all;
  await writeStored('login.pending', fresh(rest, now));
  if (!entry || entry.expiresAt <= now) {
    throw new SignInError('bad-request', 'This sign-in was already used or has expired. Sign in again from the extension.');
  }
  markTaken(id);
  return entry.form;
}

function fresh<T extends { expiresAt: number }>(pending: Record<string, T>, now: number): Record<string, T> {
  return Object.fromEntries(Object.entries(pending).filter(([, entry]) => entry.expiresAt > now));
}
