/**
 * The launch page: takes its one-time login form from the background and POSTs it to the AWS federation
 * endpoint, so the sign-in token never appears in a URL (src/core/login-form.ts says why), or says why there is
 * none (the sign-in failed after this tab came to the front, or the id was used). Where AWS refused the
 * POST, the form says GET: the same fields as AWS's documented link (src/core/login-method.ts). The background
 * watches where this tab goes (src/background/sign-in/login-check.ts).
 * Opened ahead of its form, it connects meanwhile to the hosts its address names (the sign-in host it will post to,
 * the console host the login lands on): a `preconnect`, which sends nothing but a TCP and a TLS handshake. Whether
 * the login's navigation may use those connections is the browser's choice (ARCHITECTURE.md: Chromium 156 keeps a
 * navigation's connections apart from an extension page's, so there it cannot).
 */
import { readLaunchFragment } from '../core/launch-fragment';
import { isFederationAction } from '../core/login-form';
import type { AppError } from '../core/app-error';
import { send } from '../messages';

const { id, preconnect } = readLaunchFragment(location.hash);
// Drop the id from this page's own URL: Back or a restored session finds nothing to replay.
history.replaceState(null, '', location.pathname);
const status = document.getElementById('status');
for (const host of preconnect) {
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = `https://${host}`;
  document.head.append(link);
}

void (async () => {
  const result = id === '' ? undefined : await send('login.take', { id });
  if (!result?.ok || !isFederationAction(result.value.action)) {
    // The tab no longer says it is signing in: its title is what the tab strip shows.
    document.title = 'Not signed in to the AWS console';
    if (status) status.textContent = result && !result.ok ? failureText(result.error) : 'Nothing to sign in to here. Sign in from the extension.';
    return;
  }
  const form = document.createElement('form');
  form.method = result.value.method === 'get' ? 'GET' : 'POST';
  form.action = result.value.action;
  for (const [name, value] of Object.entries(result.value.fields)) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
})();

/**
 * Why there is no form. A sign-in that failed once this tab was in front: the popup, where Retry and the fix live,
 * has closed by then, so the page says where to go; an unexpected failure is not named by its internal message.
 */
function failureText(error: AppError): string {
  if (error.code === 'bad-request') return error.message;
  const why = error.code === 'internal' ? 'The sign-in did not finish.' : error.message;
  return `${why} Open the extension to sign in again.`;
}
