/**
 * The IAM-user sign-in page: a person signs in to the console with the account (id or alias), their IAM user name,
 * password and, for a user with an MFA device, the device's code.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_sign-in.html
 *
 * Served on the sign-in hosts (`signin.aws.amazon.com`, `<region>.signin.aws.amazon.com`, and the account's own
 * `<account id or alias>.signin.aws.amazon.com`), at `GET /signin` and `GET /console` (query `account`,
 * `redirect_uri`), posting to `POST /signin`. One form, where the real page asks for the MFA code on a second
 * page; a user with MFA who leaves the code empty gets the form again with `mfa-required`.
 *
 * A good sign-in sets the console session cookie exactly as the federation `login` does (console-sessions.ts:
 * single-session replaces, multi-session adds a session on its own subdomain, at most 5), for an IAM-user identity
 * (`arn:aws:iam::111111111111:user/alice`) of 12 hours, and redirects (302) to `redirect_uri` (a console URL of the
 * partition; default `https://console.aws.amazon.com/console/home`).
 */
import { sessionLimitPage } from './console-pages.js';
import { accountLabelOf } from './console-identity.js';
import { loginToConsole } from './console-sessions.js';
import { landing, regionOf } from './federation.js';
import { isConsoleHost } from './hosts.js';
import { escapeHtml, page } from './html.js';
import { formParams, htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { matchTotp } from './mfa.js';
import { PARTITION_INFO, type Partition } from './partitions.js';
import { accountByIdOrAlias, userArn } from './seed-lookup.js';
import type { SandboxState } from './state.js';

/** The message the real sign-in page shows for a wrong account, user name, password or MFA code. */
export const SIGNIN_FAILED_MESSAGE = 'Your authentication information is incorrect. Please try again.';
export const MFA_REQUIRED_MESSAGE = 'Enter the MFA code from your authenticator app.';
/** An IAM user's console session lasts 12 hours. */
export const IAM_USER_CONSOLE_SECONDS = 12 * 3600;

export interface IamSigninRoute {
  partition: Partition;
  /** From `<account id or alias>.signin.aws.amazon.com`. */
  accountLabel?: string;
}

export function handleIamSignin(req: SandboxRequest, state: SandboxState, route: IamSigninRoute): SandboxReply {
  const params = formParams(req);
  const redirect = params.get('redirect_uri') ?? `https://${PARTITION_INFO[route.partition].consoleHost}/console/home`;
  if (!isConsoleUrl(redirect, route.partition)) {
    return { ...htmlReply(400, page('Bad Request', '<h1>Bad Request</h1>\n<p data-testid="signin-error">redirect_uri is not a console URL.</p>')), log: { action: 'iam-user-signin', error: 'bad redirect_uri' } };
  }
  const account = params.get('account') ?? route.accountLabel ?? '';
  if (req.method !== 'POST') return htmlReply(200, signinPage({ account, redirect }));

  const username = params.get('username') ?? '';
  const password = params.get('password') ?? '';
  const mfaCode = (params.get('mfaCode') ?? '').trim();
  const refuse = (error: string, message = SIGNIN_FAILED_MESSAGE, testId = 'signin-error'): SandboxReply => ({
    ...htmlReply(200, signinPage({ account, username, redirect, error: { message, testId } })),
    log: { action: 'iam-user-signin', error },
  });

  const accountId = accountByIdOrAlias(state.seed, route.partition, account);
  const user = accountId === undefined ? undefined : state.seed.users.find((u) => u.account === accountId && u.name === username);
  if (!user || user.password === undefined || user.password !== password) return refuse('bad credentials');
  let mfa = false;
  if (user.mfa) {
    if (mfaCode === '') return refuse('mfa required', MFA_REQUIRED_MESSAGE, 'mfa-required');
    const step = matchTotp(user.mfa.totpSecret, mfaCode, state.now());
    if (step === undefined) return refuse('bad mfa code');
    if (state.rejectReusedMfaCodes) {
      const used = `${user.mfa.serial}#${step}`;
      if (state.usedMfaCodes.has(used)) return refuse('reused mfa code');
      state.usedMfaCodes.add(used);
    }
    mfa = true;
  }

  const arn = userArn(state.seed, user);
  const url = new URL(redirect);
  const outcome = loginToConsole(
    state,
    req,
    {
      partition: route.partition,
      account: user.account,
      roleArn: arn,
      assumedRoleArn: arn,
      consoleExpiresAt: state.now() + IAM_USER_CONSOLE_SECONDS * 1000,
      principalKind: 'user',
      mfa,
      accountLabel: /^\d{12}$/.test(account.replace(/-/g, '')) ? accountLabelOf(user.account) : account.trim().toLowerCase(),
    },
    { destination: redirect },
  );
  if (outcome.kind === 'limit') {
    const body = sessionLimitPage(state, outcome.sessions, arn, regionOf(url, route.partition));
    return { ...htmlReply(200, body), log: { action: 'iam-user-signin', error: 'session limit' } };
  }
  return {
    status: 302,
    headers: { location: landing(redirect, url, outcome.session), 'set-cookie': outcome.setCookies, 'cache-control': 'no-store' },
    body: '',
    log: { action: 'iam-user-signin' },
  };
}

export function isConsoleUrl(text: string, partition: Partition): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password && isConsoleHost(url.hostname, partition);
  } catch {
    return false;
  }
}

interface SigninForm {
  account: string;
  username?: string;
  redirect: string;
  error?: { message: string; testId: string };
}

/** The form: fields labelled Account ID or alias, IAM user name, Password, MFA code; the button "Sign in". */
function signinPage(form: SigninForm): string {
  const error = form.error ? `<p data-testid="${form.error.testId}" role="alert">${escapeHtml(form.error.message)}</p>\n` : '';
  return page(
    'Sign in as IAM user',
    `<main data-testid="iam-signin">
<h1>Sign in as IAM user</h1>
${error}<form method="post" action="/signin">
  <input type="hidden" name="redirect_uri" value="${escapeHtml(form.redirect)}">
  <label>Account ID (12 digits) or account alias <input name="account" value="${escapeHtml(form.account)}" autocomplete="off"></label>
  <label>IAM user name <input name="username" value="${escapeHtml(form.username ?? '')}" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <label>MFA code <input name="mfaCode" inputmode="numeric" autocomplete="one-time-code"></label>
  <button type="submit">Sign in</button>
</form>
</main>`,
  );
}
