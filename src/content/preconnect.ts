/**
 * Connects ahead, from this console page, to the hosts the person's next login is likely to go to (issue 16). A
 * login is a navigation, and a browser keeps a navigation's connections with the site it goes to (amazon.com for
 * `*.signin.aws.amazon.com` and `*.console.aws.amazon.com`), apart from anything the extension's worker or pages
 * open; a page of that same site is the one place where a connection can be opened for it ahead of the click
 * (ARCHITECTURE.md, "Warming"). A `<link rel="preconnect">` sends nothing but a TCP and a TLS handshake: no request,
 * no cookie. Only AWS sign-in and console hosts of this page's own site are taken, whatever the message says; the
 * links are removed again after a while (the connections stay as long as the browser keeps them).
 */
import { loginSite } from '../core/launch-fragment';

/** How long a link stays in the page: long enough for the browser to act on it. */
export const PRECONNECT_LINK_MS = 10_000;

/** Adds a preconnect link for each acceptable host not linked already; returns the hosts it linked. */
export function preconnect(document: Document, hosts: unknown, pageHost: string): string[] {
  const site = loginSite(pageHost);
  if (site === undefined || !Array.isArray(hosts)) return [];
  const linked: string[] = [];
  for (const host of new Set(hosts)) {
    if (typeof host !== 'string' || loginSite(host) !== site) continue;
    const href = `https://${host}`;
    if ([...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].some((link) => link.getAttribute('href') === href)) continue;
    const link = document.createElement('link');
    link.rel = 'preconnect';
    link.href = href;
    document.head.append(link);
    setTimeout(() => link.remove(), PRECONNECT_LINK_MS);
    linked.push(host);
  }
  return linked;
}
