/**
 * Did the console login reach the console? AWS documents the login only as a link (GET); we POST it (no token in
 * History), which nothing here can prove AWS accepts (DESIGN.md, "Unproven"). So the worker follows the tab it
 * opened, from the moment the launch page takes its form (login-taken.ts):
 * - a console page: the method works; remembered for the partition (`login.methods`) if it was not already;
 * - a finished page on the sign-in host (AWS's error page), or nothing within LOGIN_DEADLINE_MS: a fresh sign-in
 *   token (the first is single-use and may be spent) is sent the other way, once, through the launch page in the
 *   same tab; when that reaches the console, it is remembered and the popup says so;
 * - the tab closed or taken elsewhere by the person: nothing more is done.
 * The credentials for the fresh token stay in the sign-in's own memory (the call is still running: the popup is
 * waiting for its answer, and the tab's events keep the worker awake); they are never stored for this.
 * A page on the sign-in host while the console's 5-session limit is reached is that limit's page, not a refusal of
 * the method: no retry (the session registry says so).
 */
import type { Partition } from '../../core/arn';
import { LOGIN_DEADLINE_MS, loginVerdict, NEITHER_NOTE, otherMethod, switchedNote, type LoginMethod } from '../../core/login-method';
import { DEFAULT_STORE } from '../../core/sessions/model';
import { fullPartitions } from '../../core/sessions/summary';
import type { LoginForm } from '../../messages';
import { extensionUrl } from '../../platform/runtime';
import { tabState } from '../../platform/tab-control';
import { followTab } from '../../platform/tab-watch';
import { readRegistry } from '../sessions/store';
import { LAUNCH_PAGE, openLogin } from './login-launch';
import { whenTaken } from './login-taken';
import { rememberMethod } from './sign-in-memory';

export interface LoginCheck {
  tabId: number;
  partition: Partition;
  method: LoginMethod;
  /** The first form's take (`whenTaken`, set up before the form was handed over). */
  first: ReturnType<typeof whenTaken>;
  /** A form with a fresh sign-in token, to be sent by `method`. */
  freshForm: (method: LoginMethod) => Promise<LoginForm>;
}

type Outcome = 'console' | 'stopped' | 'left' | 'closed' | 'timeout' | 'untaken';

/** Follows the login to its end, falls back once when it stops short; returns the notes for the popup. */
export async function confirmLogin(check: LoginCheck): Promise<string[]> {
  const first = await outcome(check.tabId, check.partition, check.first);
  if (first === 'console') {
    await rememberMethod(check.partition, check.method);
    return [];
  }
  if ((first !== 'stopped' && first !== 'timeout') || (first === 'stopped' && (await atSessionLimit(check)))) return [];

  const other = otherMethod(check.method);
  let form: LoginForm;
  try {
    form = await check.freshForm(other);
  } catch {
    return [NEITHER_NOTE];
  }
  const second = whenTaken(form);
  await openLogin(form, { tabId: check.tabId });
  const then = await outcome(check.tabId, check.partition, second);
  if (then === 'console') {
    await rememberMethod(check.partition, other);
    return [switchedNote(check.method, other, first)];
  }
  return then === 'stopped' || then === 'timeout' ? [NEITHER_NOTE] : [];
}

async function outcome(tabId: number, partition: Partition, wait: ReturnType<typeof whenTaken>): Promise<Outcome> {
  try {
    // Until the launch page takes the form, the tab may still show the page it had (a renewal's console page).
    const taken = await followTab(tabId, () => undefined, LOGIN_DEADLINE_MS, wait.taken.then(() => 'taken' as const));
    if (taken === 'closed') return 'closed';
    if (taken === 'timeout') return 'untaken';
    const launchPage = extensionUrl(LAUNCH_PAGE);
    return await followTab(tabId, (sight) => loginVerdict(partition, sight.url, sight.loaded, launchPage), LOGIN_DEADLINE_MS);
  } finally {
    wait.cancel();
  }
}

async function atSessionLimit(check: LoginCheck): Promise<boolean> {
  const store = (await tabState(check.tabId))?.cookieStoreId ?? DEFAULT_STORE;
  return fullPartitions(await readRegistry(), store).includes(check.partition);
}
