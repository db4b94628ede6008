/**
 * How the console login is sent, and whether it reached the console.
 *
 * AWS documents the login only as a link (GET `…/federation?Action=login&…&SigninToken=…`,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html, step 6). We
 * POST it (login-form.ts says why: a link puts the token into History), which nothing here can prove AWS accepts.
 * So (DESIGN.md, "Unproven"): watch where the tab goes; when the login stops on the sign-in host or nothing arrives
 * in time, send a fresh token the other way once, and remember per partition which way worked.
 */
import type { Partition } from './arn';
import { isConsoleHost, signinHost } from './partitions';

export type LoginMethod = 'post' | 'get';

/**
 * How long a login may take from the moment the launch page takes its form to a console page: one request to the
 * sign-in host and its redirect, ~100–300 ms here and a second or two on a slow link. 15 s is far past any normal
 * answer, below the 20 s of every other step, and leaves the fresh token (valid 15 minutes) all its time.
 */
export const LOGIN_DEADLINE_MS = 15_000;

export function otherMethod(method: LoginMethod): LoginMethod {
  return method === 'post' ? 'get' : 'post';
}

export function isLoginMethod(value: unknown): value is LoginMethod {
  return value === 'post' || value === 'get';
}

/**
 * - `console`: the tab is on a console page of the partition (the login redirected there);
 * - `stopped`: the tab finished loading a page of the partition's sign-in host (the federation endpoint answered
 *   with a page, an error, instead of redirecting);
 * - `left`: the tab is somewhere else (the person took it away): not ours to touch any more;
 * - undefined: still on its way (the launch page, a blank page, the sign-in host still loading).
 */
export type LoginVerdict = 'console' | 'stopped' | 'left';

export function loginVerdict(partition: Partition, url: string | undefined, loaded: boolean, launchPage: string): LoginVerdict | undefined {
  if (url === undefined || url === '' || url === 'about:blank' || url.startsWith(launchPage)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'left';
  }
  if (parsed.protocol !== 'https:') return 'left';
  const host = parsed.hostname.toLowerCase();
  if (isConsoleHost(partition, host)) return 'console';
  const signin = signinHost(partition);
  if (host === signin || host.endsWith(`.${signin}`)) return loaded ? 'stopped' : undefined;
  return 'left';
}

const SENT_AS: Record<LoginMethod, string> = { post: 'as a form (POST)', get: 'as a link (GET)' };

/** The popup's note after the other method worked. */
export function switchedNote(from: LoginMethod, to: LoginMethod, why: 'stopped' | 'timeout'): string {
  const failed = why === 'stopped' ? 'AWS did not take the console login' : 'The console login got no answer in 15 s';
  const cost = to === 'get'
    ? ' This browser keeps that link in its history, sign-in token included (used, and expired 15 minutes after it was made).'
    : ' A form keeps the sign-in token out of the browser\u2019s history.';
  return `${failed} sent ${SENT_AS[from]}, so it was sent again ${SENT_AS[to]}, which worked and is used from now on.${cost}`;
}

/** The popup's note when neither method reached the console. */
export const NEITHER_NOTE = 'The console login did not reach a console page, sent as a form or as a link: the tab shows what AWS answered.';
