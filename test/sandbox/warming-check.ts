/**
 * What a warming request (issue 16) may be, from the sandbox's record of it: an unsigned `HEAD /` with no credential
 * of any kind and nothing but what a browser adds to any credential-less request. Shared by the Chromium and the
 * Firefox end-to-end tests, which differ only in the browser that sent it.
 */
import { RECORDED_HEADER_VALUES } from './server';
import type { RequestLogEntry } from './state';

/** The configuration both tests sign in with: dev (eu-west-1, the popup's first row) and far, which nobody looks at. */
export const WARMING_CONFIG = `
[alice]

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[far]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = ap-southeast-2
`;

/** The hosts dev's sign-in calls from the background: what opening the popup warms. */
export const WARMED = ['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com'];

/** Headers that carry a credential, a token or a signature: none may ever leave with a warming request. */
export const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'x-amz-security-token', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-sso_bearer_token'];

/** Everything that makes `request` more than a bare warming request, one sentence each; none when it is one. */
export function warmingProblems(request: RequestLogEntry): string[] {
  const what = `${request.method} ${request.host}${request.path}`;
  const problems: string[] = [];
  if (request.method !== 'HEAD') problems.push(`${what}: not a HEAD`);
  if (request.path !== '/') problems.push(`${what}: a path`);
  if (request.queryKeys.length > 0) problems.push(`${what}: a query (${request.queryKeys.join(', ')})`);
  if (request.bodyBytes !== 0) problems.push(`${what}: a body`);
  for (const name of Object.keys(request.headers)) {
    if (CREDENTIAL_HEADERS.includes(name)) problems.push(`${what}: a credential header, ${name}`);
    // Every header is one whose value never carries a secret, and the sandbox kept its value: none was anything else.
    else if (!RECORDED_HEADER_VALUES.has(name)) problems.push(`${what}: a header that may carry a secret, ${name}`);
  }
  if (request.headers.origin !== undefined) problems.push(`${what}: an Origin`);
  return problems;
}
