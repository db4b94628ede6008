/**
 * Where the console opens after login: always a console URL of the role's partition.
 * - default: the console home of the region;
 * - a profile's `destination`: a service name (`s3`, `ec2`, `cloudformation`) or a console path (`/ec2/home#Instances`);
 * - "keep my page": the current console tab's path and query, with the region swapped when the profile sets one;
 * - the click's own choice (the popup's "Open in…", as Granted's `assume -c --region eu-west-1 -s ec2`): a region of
 *   the partition and a service name, which override the profile's (`checkDestinationChoice`).
 */
import type { Partition } from './arn';
import { consoleHomeUrl, safeConsoleDestination } from './federation';
import { consoleHost, effectiveRegion, isConsoleHost, isRegionOf } from './partitions';

const SERVICE = /^[a-z][a-z0-9-]{1,40}$/;

/** A console service as its path names it (`ec2`, `s3`, `cloudwatch`): what the popup's service field takes. */
export function isServiceName(value: string): boolean {
  return SERVICE.test(value);
}

export interface DestinationChoice {
  region?: string;
  service?: string;
}

/**
 * A click's region and service, checked against the role's partition: a region of another partition or a service
 * that is no console path name is refused with one sentence, never quietly dropped (the console would open
 * somewhere the person did not ask for). Empty values are no choice.
 */
export function checkDestinationChoice(
  partition: Partition,
  choice: { region?: unknown; service?: unknown },
): { ok: true; choice: DestinationChoice } | { ok: false; reason: string } {
  const region = typeof choice.region === 'string' ? choice.region.trim() : '';
  const service = typeof choice.service === 'string' ? choice.service.trim().toLowerCase() : '';
  if (region !== '' && !isRegionOf(partition, region)) {
    return { ok: false, reason: `That is not a region of this role's partition (${partition}): choose one from the list.` };
  }
  if (service !== '' && !SERVICE.test(service)) {
    return { ok: false, reason: 'A service is the name in its console address, such as ec2, s3 or cloudwatch: letters, digits and dashes.' };
  }
  return { ok: true, choice: { ...(region !== '' && { region }), ...(service !== '' && { service }) } };
}

export function destinationFor(partition: Partition, region: string, configured: string | undefined): string {
  const value = configured?.trim();
  if (!value) return consoleHomeUrl(partition, region);
  const base = `https://${consoleHost(partition, region)}`;
  if (SERVICE.test(value)) return `${base}/${value}/home?region=${encodeURIComponent(region)}`;
  if (value.startsWith('/')) return consolePath(partition, base, value) ?? consoleHomeUrl(partition, region);
  // A full URL is accepted only when it is a console URL of the same partition.
  return safeConsoleDestination(partition, value) ?? consoleHomeUrl(partition, region);
}

/**
 * Where a sign-in's console opens: the click's service (in the chosen region, else the profile's), else the page in
 * front kept (`keepPageUrl`, keep my page) in the chosen or profile's region, else the profile's `destination` in
 * that region. `choice` must have passed `checkDestinationChoice`.
 */
export function consoleDestination(
  partition: Partition,
  profile: { region?: string | undefined; destination?: string | undefined },
  choice: DestinationChoice = {},
  keepPageUrl?: string,
): string {
  // The profile's region only once checked: an unknown one (a warning, not an error) keeps the page's region.
  const checked = choice.region ?? (profile.region !== undefined && isRegionOf(partition, profile.region) ? profile.region : undefined);
  const region = effectiveRegion(partition, checked);
  if (choice.service !== undefined) return destinationFor(partition, region, choice.service);
  const kept = keepPageUrl !== undefined ? keepPageDestination(partition, keepPageUrl, checked) : undefined;
  return kept ?? destinationFor(partition, region, profile.destination);
}

/**
 * A configured path on the console host, or undefined. The URL parser, not a prefix test, says where it goes:
 * `/\evil.com` and `/<tab>/evil.com` pass a "no //" test on the text, but the parser reads a backslash as a
 * slash and drops tabs and newlines, so both would be `//evil.com`, another host once resolved. Backslashes in
 * the path and control characters anywhere are refused here (no console path has them); a path that reads `//`
 * as given or decoded (`/%2F%2Fevil.com`), by `safeConsoleDestination`.
 */
function consolePath(partition: Partition, base: string, value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/u.test(value) || (value.split(/[?#]/u, 1)[0] ?? '').includes('\\')) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(base).origin) return undefined;
  return safeConsoleDestination(partition, url.toString());
}

/**
 * The current console page carried over to the new role: same path, query and fragment, on the region's console
 * host, with `region=` swapped when the profile names a region. Undefined when the tab is not a console page of
 * the partition.
 */
export function keepPageDestination(partition: Partition, currentUrl: string, region: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(currentUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !isConsoleHost(partition, url.hostname)) return undefined;
  const pageRegion = regionOfConsoleUrl(partition, url);
  // Only a region of this partition goes into a host name or a parameter; any other keeps the page's.
  const target = region !== undefined && isRegionOf(partition, region) ? region : pageRegion;
  const next = new URL(`${url.pathname}${url.search}${url.hash}`, `https://${consoleHost(partition, target)}`);
  if (target !== undefined && next.searchParams.has('region')) next.searchParams.set('region', target);
  if (target !== undefined && pageRegion !== undefined && pageRegion !== target) {
    // Fragments such as `#Instances:region=us-east-1` (EC2) carry the region too.
    next.hash = next.hash.replaceAll(pageRegion, target);
  }
  return safeConsoleDestination(partition, next.toString());
}

/** The region a console URL shows: from its host (`eu-west-1.console...`), else its `region` parameter. */
export function regionOfConsoleUrl(partition: Partition, url: URL): string | undefined {
  for (const label of url.hostname.split('.')) if (isRegionOf(partition, label)) return label;
  const param = url.searchParams.get('region');
  return param !== null && isRegionOf(partition, param) ? param : undefined;
}
