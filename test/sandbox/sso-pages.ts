/**
 * HTML of the verification page (`device.sso.<region>.amazonaws.com`): plain forms, no JavaScript, accessible
 * names the end-to-end tests use ("Username", "Password", "Allow", "Deny", "Code"), `data-testid` hooks.
 */
import { escapeHtml, page } from './html.js';

export interface ApprovalPageInput {
  /** The form's target: `/` for a device code, `/authorize` for an authorization request. */
  action: string;
  /** Hidden fields carried back (user_code, or request). */
  hidden: Record<string, string>;
  directoryName: string;
  clientName: string;
  /** Shown for a device code so the person can compare it with the one on their device. */
  userCode?: string;
  /** Display name and user name of the person already signed in; undefined: ask for the password. */
  signedInAs?: { displayName: string; username: string };
  error?: string;
}

export function approvalPage(input: ApprovalPageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const code =
    input.userCode !== undefined
      ? `<p>Code: <strong data-testid="user-code">${escapeHtml(input.userCode)}</strong></p>\n<p>Make sure this code matches the one shown on your device.</p>`
      : '';
  const who = input.signedInAs
    ? `<p>Signed in as <span data-testid="signed-in-user">${escapeHtml(input.signedInAs.displayName)}</span> (${escapeHtml(input.signedInAs.username)})</p>`
    : `<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>`;
  const error = input.error !== undefined ? `<p role="alert" data-testid="sign-in-error">${escapeHtml(input.error)}</p>\n` : '';
  return page(
    'Authorize request',
    `<h1>Authorize request</h1>
<p data-testid="sso-directory">${escapeHtml(input.directoryName)}</p>
<p><span data-testid="sso-client">${escapeHtml(input.clientName)}</span> is requesting access to your AWS accounts and roles.</p>
${code}
${error}<form method="post" action="${escapeHtml(input.action)}">
${hidden}
${who}
<p><button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  );
}

/** "Request approved" / "Request denied" (tests assert on these words). */
export function resultPage(approved: boolean): string {
  const title = approved ? 'Request approved' : 'Request denied';
  const detail = approved ? 'You can close this window and return to your application.' : 'The application was not given access. You can close this window.';
  return page(title, `<h1 data-testid="sso-result">${title}</h1>\n<p>${detail}</p>`);
}

/** Asks for the code (the page opened without `?user_code=`), with a message when a code was wrong. */
export function codeEntryPage(message?: string): string {
  const note = message !== undefined ? `<p role="alert" data-testid="code-error">${escapeHtml(message)}</p>\n` : '';
  return page(
    'Authorize request',
    `<h1>Authorize request</h1>
${note}<form method="get" action="/">
<p><label for="user_code">Code</label> <input id="user_code" name="user_code" autocomplete="off"></p>
<p><button type="submit">Next</button></p>
</form>`,
  );
}

export function requestErrorPage(message: string): string {
  return page('Authorize request', `<h1>Authorize request</h1>\n<p role="alert" data-testid="request-error">${escapeHtml(message)}</p>`);
}
