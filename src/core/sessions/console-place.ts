/**
 * What a tab's URL says about which console session it shows.
 * - `https://<account>-<differentiator>.<region>.console.aws.amazon.com/…`: a multi-session host, one session
 *   (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html);
 * - `https://[<region>.]console.aws.amazon.com/…`: no one session: the browser's session in single-session mode,
 *   the session chooser in multi-session mode;
 * - the launch page and the federation endpoint: a login on its way;
 * - anything else: not the console.
 */
import { PARTITIONS, type Partition } from '../arn';
import { isFederationAction } from '../login-form';
import { consoleHost, isConsoleHost, isRegionOf } from '../partitions';

export interface ConsolePlace {
  partition: Partition;
  /** `https://host`, no trailing slash. */
  origin: string;
  /** The path, query and fragment: what a renewal reopens. */
  rest: string;
  region?: string;
  /** `<account>-<differentiator>` on a multi-session host. */
  subdomain?: string;
  accountId?: string;
  differentiator?: string;
}

const SESSION_LABEL = /^(\d{12})-([a-z0-9]{4,32})$/;

export function consolePlace(url: string): ConsolePlace | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return undefined;
  const host = parsed.hostname.toLowerCase();
  const partition = PARTITIONS.find((p) => isConsoleHost(p, host));
  if (partition === undefined) return undefined;
  const labels = host.slice(0, -consoleHost(partition).length).split('.').filter((label) => label !== '');
  const region = labels.find((label) => isRegionOf(partition, label));
  const session = labels[0] === undefined ? undefined : SESSION_LABEL.exec(labels[0]);
  return {
    partition,
    origin: `https://${host}`,
    rest: `${parsed.pathname}${parsed.search}${parsed.hash}`,
    ...(region !== undefined && { region }),
    ...(session?.[1] !== undefined && session[2] !== undefined && { subdomain: session[0], accountId: session[1], differentiator: session[2] }),
  };
}

/**
 * A login on its way: the extension's launch page (which POSTs the login form) or the federation endpoint it
 * posts to. A tab there has not left its session yet.
 */
export function isLoginStep(url: string, launchPage: string): boolean {
  const bare = url.split(/[?#]/)[0] ?? url;
  return bare === launchPage || isFederationAction(bare);
}

/** The same page on another console host: where a renewal sends a session's other tabs. */
export function samePageOn(origin: string, url: string): string | undefined {
  const place = consolePlace(url);
  const target = consolePlace(`${origin}/`);
  if (!place || !target || place.partition !== target.partition) return undefined;
  return `${target.origin}${place.rest}`;
}
