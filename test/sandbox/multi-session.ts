/**
 * The browser's multi-session choice, like the console's "Turn on multi-session support" in the account menu
 * (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html): a cookie on the partition's
 * parent domain, so it is per browser profile and every console and sign-in host sees it.
 *
 * Three ways to set it:
 * - the page `https://console.aws.amazon.com/settings/multisession` (any console host of the partition), whose
 *   POST form buttons are "Turn on multi-session support" / "Turn off multi-session support";
 * - from a Playwright test, before any navigation: `context.addCookies([multiSessionCookie(true)])`;
 * - for every browser that has not chosen: `sandbox.state.multiSessionDefault = true`.
 */
import { consolePage, SETTINGS_PATH } from './console-pages.js';
import { MULTI_SESSION_COOKIE, multiSessionOn } from './console-sessions.js';
import { escapeHtml, page } from './html.js';
import { formParams, htmlReply, type SandboxReply, type SandboxRequest } from './http.js';
import { PARTITION_INFO, type Partition } from './partitions.js';
import type { SandboxState } from './state.js';

export { SETTINGS_PATH };

/** A year: the choice is a browser setting, kept across restarts like the console's (it holds no secret). */
const CHOICE_MAX_AGE_S = 365 * 24 * 3600;

/** The Set-Cookie value that records the browser's choice. */
export function multiSessionSetCookie(partition: Partition, on: boolean): string {
  const domain = PARTITION_INFO[partition].cookieDomain;
  return `${MULTI_SESSION_COOKIE}=${on ? 'on' : 'off'}; Domain=${domain}; Path=/; Max-Age=${CHOICE_MAX_AGE_S}; Secure; SameSite=Lax`;
}

/** The `Cookie` header fragment a browser with this choice sends, for sandboxFetch. */
export function multiSessionCookieHeader(on: boolean): string {
  return `${MULTI_SESSION_COOKIE}=${on ? 'on' : 'off'}`;
}

/** The shape Playwright's `BrowserContext.addCookies` takes (declared here so the sandbox needs no Playwright). */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Lax';
}

/** The choice as a cookie for `context.addCookies([multiSessionCookie(true)])`: that browser profile only. */
export function multiSessionCookie(on: boolean, partition: Partition = 'aws'): BrowserCookie {
  return {
    name: MULTI_SESSION_COOKIE,
    value: on ? 'on' : 'off',
    domain: PARTITION_INFO[partition].cookieDomain,
    path: '/',
    expires: Math.floor(Date.now() / 1000) + CHOICE_MAX_AGE_S,
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
  };
}

/** GET shows the choice and the button that flips it; POST `multiSession=on|off` records it and shows the page. */
export function handleSettings(req: SandboxRequest, state: SandboxState, partition: Partition): SandboxReply {
  if (req.method === 'POST') {
    const wanted = formParams(req).get('multiSession');
    if (wanted !== 'on' && wanted !== 'off') {
      return htmlReply(400, page('Bad Request', '<h1>Bad Request</h1>\n<p>multiSession must be on or off.</p>'));
    }
    // Post/redirect/get, so a reload does not post again.
    return {
      status: 303,
      headers: {
        location: `https://${req.host}${SETTINGS_PATH}`,
        'set-cookie': multiSessionSetCookie(partition, wanted === 'on'),
        'cache-control': 'no-store',
      },
      body: '',
    };
  }
  const on = multiSessionOn(state, req);
  const flip = on ? 'off' : 'on';
  const label = on ? 'Turn off multi-session support' : 'Turn on multi-session support';
  const body = `<main>
  <h1>Multi-session support</h1>
  <p>Multi-session support is <strong data-testid="multi-session-status">${on ? 'on' : 'off'}</strong> in this browser.
  With it on, you can sign in to up to 5 identities at once, each on its own URL.</p>
  <form method="post" action="${escapeHtml(SETTINGS_PATH)}">
    <input type="hidden" name="multiSession" value="${flip}">
    <button type="submit">${label}</button>
  </form>
</main>`;
  return htmlReply(200, consolePage('Multi-session support', body, on));
}
