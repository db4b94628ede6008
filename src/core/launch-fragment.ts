/**
 * The launch page's address fragment: its one-time id, then the hosts it may connect to while it waits for its form
 * (issue 16): the sign-in host it will post the login to and the console host the login sends the tab on to, as
 * `#<id>/<host>/<host>`. Host names are no secret (the form and its token never travel here: login-form.ts), and the
 * page connects only to AWS sign-in and console hosts, whatever the fragment says.
 */
import type { Partition } from './arn';
import { isFederationAction } from './login-form';
import { isConsoleHost } from './partitions';

const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

export function launchFragment(id: string, hosts: readonly string[] = []): string {
  return [id, ...hosts.filter(isLoginHost)].join('/');
}

export function readLaunchFragment(fragment: string): { id: string; preconnect: string[] } {
  const [id = '', ...hosts] = fragment.replace(/^#/, '').split('/');
  return { id, preconnect: [...new Set(hosts.filter(isLoginHost))] };
}

/** A federation sign-in host, or a console host of a partition (with its region or session subdomain). */
export function isLoginHost(host: string): boolean {
  if (!/^[a-z0-9.-]+$/.test(host)) return false;
  return isFederationAction(`https://${host}/federation`) || PARTITIONS.some((partition) => isConsoleHost(partition, host));
}

/**
 * The site (registrable domain) of a sign-in or console host: `amazon.com`, `amazonaws.cn` or
 * `amazonaws-us-gov.com`, each partition's hosts sitting under one two-label domain. Browsers keep connections apart
 * by the site of the page in the tab (ARCHITECTURE.md, "Warming"): a connection a console page opens serves a login
 * of the same site only. Undefined for any other host.
 */
export function loginSite(host: string): string | undefined {
  return isLoginHost(host) ? host.split('.').slice(-2).join('.') : undefined;
}

/** The hosts a login form goes to: where it is posted, and the console its destination names. */
export function loginHosts(action: string, destination: string): string[] {
  const hosts: string[] = [];
  for (const url of [action, destination]) {
    try {
      hosts.push(new URL(url).hostname);
    } catch {
      // Not a URL: nothing to connect to ahead.
    }
  }
  return hosts.filter(isLoginHost);
}
