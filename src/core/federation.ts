/**
 * The AWS federation endpoint: trade temporary credentials for a sign-in token (the login itself is POSTed: login-form.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import type { Partition } from './arn';
import { consoleHost, isConsoleHost, signinHost } from './partitions';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** Label shown by AWS on the sign-in pages (`Issuer`). */
export const ISSUER = 'role-switcher';

export function federationUrl(partition: Partition, region?: string): string {
  return `https://${signinHost(partition, region)}/federation`;
}

/**
 * The getSigninToken request URL. `sessionDuration` may only be sent for a role assumed with long-term keys:
 * AWS answers HTTP 400 (with an HTML body) for chained roles and temporary base credentials.
 */
export function signinTokenUrl(
  partition: Partition,
  region: string | undefined,
  credentials: TemporaryCredentials,
  sessionDuration?: number,
): string {
  const params = new URLSearchParams({
    Action: 'getSigninToken',
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  });
  if (sessionDuration !== undefined) params.set('SessionDuration', String(sessionDuration));
  return `${federationUrl(partition, region)}?${params.toString()}`;
}

/** Reads `{"SigninToken":"..."}`; undefined for anything else. */
export function parseSigninTokenResponse(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && 'SigninToken' in value) {
      const token = value.SigninToken;
      if (typeof token === 'string' && token.length > 0) return token;
    }
  } catch {
    // Not JSON: AWS answers some refusals with an HTML page.
  }
  return undefined;
}

/** The console home of a region, the default destination. */
export function consoleHomeUrl(partition: Partition, region: string): string {
  return `https://${consoleHost(partition, region)}/console/home?region=${encodeURIComponent(region)}`;
}

/**
 * A console URL of the partition, or undefined: the login Destination is never an arbitrary URL taken from
 * configuration or a message.
 */
export function safeConsoleDestination(partition: Partition, url: string): string | undefined {
  // The parser drops tabs and newlines wherever they are (`/\t/evil.com` becomes `//evil.com`): refuse them first.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/u.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return undefined;
  }
  if (!isConsoleHost(partition, parsed.hostname) || opensAnotherHost(parsed.pathname)) return undefined;
  return parsed.toString();
}

/**
 * A path that reads `//host` or `/\host`, as given or once decoded (`/%2F%2Fevil.com`, `/%5Cevil.com`): the
 * browser and most servers resolve it as another host wherever it is used as a relative reference.
 */
function opensAnotherHost(pathname: string): boolean {
  let path = pathname;
  for (let round = 0; round < 4; round += 1) {
    if (/^[/\\]{2}/u.test(path)) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return true;
    }
    if (decoded === path) return false;
    path = decoded;
  }
  return true;
}
