/**
 * The federation login as a form to POST, instead of a URL to navigate.
 *
 * Why: a login URL carries the sign-in token in its query, and Chromium keeps every navigated URL (redirects
 * included) in the History database, the session-restore files (Sessions/) and the segmentation platform's
 * UKM database: measured with the secret scan (test/e2e/secret-scan.spec.ts). Navigating from an extension page
 * with `location.replace` or `tabs.update` still records it. A POSTed form puts the token in the request body,
 * which none of them keep; what is recorded is `https://signin.aws.amazon.com/federation` with no query.
 * AWS's federation endpoint takes the same parameters by POST ("Step 5" of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html; Okta's
 * AWS app signs in with exactly such a form).
 */
import type { Partition } from './arn';
import { federationUrl, ISSUER, safeConsoleDestination } from './federation';
import type { LoginMethod } from './login-method';

export interface LoginForm {
  /** The federation endpoint, without a query. */
  action: string;
  fields: { Action: 'login'; Issuer: string; Destination: string; SigninToken: string };
  /**
   * 'post' unless AWS refused it in this partition (login-method.ts): 'get' sends the same fields as AWS's documented
   * link, which puts the token into History.
   */
  method: LoginMethod;
}

export function loginForm(partition: Partition, region: string | undefined, signinToken: string, destination: string, method: LoginMethod = 'post'): LoginForm {
  const safe = safeConsoleDestination(partition, destination);
  if (safe === undefined) throw new Error('The destination is not a console address of this partition.');
  return { action: federationUrl(partition, region), fields: { Action: 'login', Issuer: ISSUER, Destination: safe, SigninToken: signinToken }, method };
}

/** The launch page posts only to a federation endpoint: a form taken from storage is checked again before use. */
export function isFederationAction(action: string): boolean {
  try {
    const url = new URL(action);
    return url.protocol === 'https:' && url.search === '' && url.pathname === '/federation' &&
      /^(?:[a-z0-9-]+\.)?signin\.aws\.amazon\.com$|^signin\.amazonaws\.cn$|^signin\.amazonaws-us-gov\.com$/.test(url.hostname);
  } catch {
    return false;
  }
}
