/**
 * Where the console opens after login: always a console URL of the role's partition.
 * - default: the console home of the region;
 * - a profile's `destination`: a service name (`s3`, `ec2`, `cloudformation`) or a console path (`/ec2/home#Instances`);
 * - "keep my page": the current console tab's path and query, with the region swapped when the profile sets one.
 */
import type { Partition } from './arn';
import { consoleHomeUrl, safeConsoleDestination } from './federation';
import { consoleHost, isConsoleHost, isRegionOf } from './partitions';

const SERVICE = /^[a-z][a-z0-9-]{1,40}$/;

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
