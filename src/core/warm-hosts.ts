/**
 * Which AWS hosts to open a connection to before the click (issue 16): a first sign-in otherwise opens a fresh
 * connection to each host it calls, a TCP and a TLS round trip each before any byte of the request. Warmed hosts
 * are those the likely roles' sign-ins call from the worker, in the order they call them: Identity Center's OIDC
 * host (only when its token will need refreshing) and portal host, the STS host of each hop's region (and of the
 * role's region for an Identity Center profile signed in as itself: GetCallerIdentity), then the sign-in host of the
 * federation. Likely roles: the row the person is on, then the most recently used, then the favourites.
 * Only hosts of regions the configuration names (or the partition's default region where a role names none, as
 * the sign-in uses), of known regions (each is in the manifest's host permissions), and at most MAX_WARMED_HOSTS.
 */
import type { ConfigModel, RoleProfile } from './config/index';
import { regionPartition } from './config/values';
import { destinationFor } from './destination';
import { federationUrl } from './federation';
import { loginHosts } from './launch-fragment';
import { effectiveRegion, isRegionOf, oidcHost, portalHost, signinHost, stsHost } from './partitions';

/** A handful: the row's STS and sign-in hosts, and two more roles' worth. */
export const MAX_WARMED_HOSTS = 6;
/**
 * A host is not warmed again within this time: the connection is most likely still open. Half of the shortest idle
 * timeout seen on an AWS endpoint (S3 closes idle connections after 20 s), so a row the pointer rests on after that
 * is warmed again.
 */
export const WARM_AGAIN_AFTER_MS = 10_000;
/** How many of the most recently used roles count as likely. */
export const RECENT_ROLES = 2;

export interface WarmHints {
  /** The row the popup has active (where the keyboard or the pointer rests); first. */
  active?: string;
  /** Profile name → epoch ms of its last sign-ins, newest first (`roles.recent`). */
  recent?: Record<string, number[]>;
  /** Starred profiles (`roles.favourites`). */
  favourites?: readonly string[];
  /** Identity Center start URLs whose access token is missing or will be refreshed: their OIDC host is called first. */
  oidcNeeded?: (startUrl: string) => boolean;
}

/** The hosts to warm, most likely first, deduplicated, at most `max`. */
export function hostsToWarm(config: ConfigModel, hints: WarmHints, max = MAX_WARMED_HOSTS): string[] {
  const oidcNeeded = hints.oidcNeeded ?? (() => false);
  return likelyHosts(config, hints, max, (role, roles) => signInHosts(config, role, roles, oidcNeeded));
}

/**
 * The hosts the likely roles' console logins navigate to: the federation's sign-in host the login is posted to, then
 * the console host it lands on (core/launch-fragment.ts), most likely first, at most `max`. No extension request
 * can open these for the login (a navigation's connections are its destination site's, not the extension's): a
 * console page of the same site can (background/warming/warm-logins.ts).
 */
export function loginHostsToWarm(config: ConfigModel, hints: WarmHints, max = MAX_WARMED_HOSTS): string[] {
  return likelyHosts(config, hints, max, (role) => {
    // A role written with an account alias goes only through the console tab: no login of the federation's.
    if (role.accountIsAlias) return [];
    const region = effectiveRegion(role.partition, role.region);
    return loginHosts(federationUrl(role.partition, role.region), destinationFor(role.partition, region, role.destination));
  });
}

/** `hostsOf` each likely role, in the likely roles' order, deduplicated, at most `max`. */
function likelyHosts(
  config: ConfigModel,
  hints: WarmHints,
  max: number,
  hostsOf: (role: RoleProfile, roles: Map<string, RoleProfile>) => Iterable<string>,
): string[] {
  const roles = new Map(config.roles.map((role) => [role.name, role]));
  const hosts = new Set<string>();
  for (const name of likelyProfiles(hints)) {
    const role = roles.get(name);
    if (!role) continue;
    for (const host of hostsOf(role, roles)) {
      if (hosts.size >= max) return [...hosts];
      hosts.add(host);
    }
  }
  return [...hosts];
}

/** The active row, the most recently used roles, the favourites: in that order, each once. */
export function likelyProfiles(hints: WarmHints): string[] {
  const recent = Object.entries(hints.recent ?? {})
    .filter(([, uses]) => uses.length > 0)
    .sort(([, a], [, b]) => (b[0] ?? 0) - (a[0] ?? 0))
    .slice(0, RECENT_ROLES)
    .map(([profile]) => profile);
  return [...new Set([...(hints.active !== undefined ? [hints.active] : []), ...recent, ...(hints.favourites ?? [])])];
}

/** The hosts a sign-in as `role` calls from the worker, in order (sign-in.ts, root-credentials.ts, assume-chain.ts). */
function signInHosts(config: ConfigModel, role: RoleProfile, roles: Map<string, RoleProfile>, oidcNeeded: (startUrl: string) => boolean): string[] {
  // A role written with an account alias goes only through the console tab: nothing of the worker's to warm.
  if (role.accountIsAlias) return [];
  const hosts: string[] = [];
  const root = config.sources.find((source) => source.name === role.chain[0]);
  if (root?.kind === 'sso') {
    const partition = regionPartition(root.ssoRegion);
    if (!isRegionOf(partition, root.ssoRegion)) return [];
    if (oidcNeeded(root.startUrl)) hosts.push(oidcHost(partition, root.ssoRegion));
    hosts.push(portalHost(partition, root.ssoRegion));
  }
  const hops = role.chain.slice(1).flatMap((name) => roles.get(name) ?? []);
  if (hops.length === 0 && role.identityCenter) hosts.push(stsHost(role.partition, effectiveRegion(role.partition, role.region)));
  for (const hop of hops) hosts.push(stsHost(hop.partition, effectiveRegion(hop.partition, hop.region)));
  hosts.push(signinHost(role.partition, role.region));
  return hosts;
}
