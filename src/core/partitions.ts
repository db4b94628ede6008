/**
 * The hosts of each AWS partition that the extension talks to or opens.
 * STS endpoints: https://docs.aws.amazon.com/general/latest/gr/sts.html
 * Federation endpoint: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 * Every host built here must be covered by `host_permissions` in manifest.json (a unit test checks it), or the
 * worker's fetch fails with an opaque CORS error.
 */
import type { Partition } from './arn';

interface PartitionInfo {
  /** Region used when a profile names none. */
  defaultRegion: string;
  regions: readonly string[];
  /** DNS suffix of regional STS endpoints: `sts.<region>.<suffix>`. */
  stsSuffix: string;
  /** Global federation host; regional sign-in is `<region>.<signinHost>` where the partition offers it. */
  signinHost: string;
  regionalSignin: boolean;
  /** Console host; regional consoles are `<region>.<consoleHost>`. */
  consoleHost: string;
}

const PARTITION_INFO: Record<Partition, PartitionInfo> = {
  aws: {
    defaultRegion: 'us-east-1',
    regions: [
      'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
      'af-south-1',
      'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
      'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
      'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
      'ca-central-1', 'ca-west-1',
      'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
      'eu-west-1', 'eu-west-2', 'eu-west-3',
      'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
    ],
    stsSuffix: 'amazonaws.com',
    signinHost: 'signin.aws.amazon.com',
    regionalSignin: true,
    consoleHost: 'console.aws.amazon.com',
  },
  'aws-cn': {
    defaultRegion: 'cn-north-1',
    regions: ['cn-north-1', 'cn-northwest-1'],
    stsSuffix: 'amazonaws.com.cn',
    signinHost: 'signin.amazonaws.cn',
    regionalSignin: false,
    consoleHost: 'console.amazonaws.cn',
  },
  'aws-us-gov': {
    defaultRegion: 'us-gov-west-1',
    regions: ['us-gov-west-1', 'us-gov-east-1'],
    stsSuffix: 'amazonaws.com',
    signinHost: 'signin.amazonaws-us-gov.com',
    regionalSignin: false,
    consoleHost: 'console.amazonaws-us-gov.com',
  },
};

export function isRegionOf(partition: Partition, region: string): boolean {
  return PARTITION_INFO[partition].regions.includes(region);
}

/** The partition's regions, in the order above (the popup's "open in region" list); an unknown partition has none. */
export function regionsOf(partition: string): readonly string[] {
  return Object.hasOwn(PARTITION_INFO, partition) ? PARTITION_INFO[partition as Partition].regions : [];
}

/** The profile's region when it belongs to the partition, else the partition's default region. */
export function effectiveRegion(partition: Partition, region: string | undefined): string {
  return region !== undefined && isRegionOf(partition, region) ? region : PARTITION_INFO[partition].defaultRegion;
}

/** Regional STS host, as the SDK resolves it by default (`sts.<region>.amazonaws.com`). */
export function stsHost(partition: Partition, region: string): string {
  return `sts.${region}.${PARTITION_INFO[partition].stsSuffix}`;
}

/** IAM Identity Center's OIDC host (`oidc.<region>.amazonaws.com`), as the SDK resolves it. */
export function oidcHost(partition: Partition, region: string): string {
  return `oidc.${region}.${PARTITION_INFO[partition].stsSuffix}`;
}

/** IAM Identity Center's portal API host (`portal.sso.<region>.amazonaws.com`), as the SDK resolves it. */
export function portalHost(partition: Partition, region: string): string {
  return `portal.sso.${region}.${PARTITION_INFO[partition].stsSuffix}`;
}

/**
 * Federation host. With `regional` set, the region's own sign-in endpoint (`<region>.signin.aws.amazon.com`),
 * which AWS recommends for resilience; other partitions have a single sign-in host.
 */
export function signinHost(partition: Partition, region?: string): string {
  const info = PARTITION_INFO[partition];
  return region !== undefined && info.regionalSignin && isRegionOf(partition, region)
    ? `${region}.${info.signinHost}`
    : info.signinHost;
}

/** Console host of a region: `<region>.console.aws.amazon.com`, or the bare console host without a region. */
export function consoleHost(partition: Partition, region?: string): string {
  const info = PARTITION_INFO[partition];
  return region !== undefined && isRegionOf(partition, region) ? `${region}.${info.consoleHost}` : info.consoleHost;
}

/** True for a console host of the partition: the bare host or any subdomain of it (regions, session subdomains). */
export function isConsoleHost(partition: Partition, host: string): boolean {
  const base = PARTITION_INFO[partition].consoleHost;
  return host === base || host.endsWith(`.${base}`);
}

/**
 * Match patterns of every console page (the content script's, in manifest.json): a partition's bare console host and
 * its subdomains (regions, session subdomains), for finding console tabs with `tabs.query`.
 */
export function consoleUrlPatterns(): string[] {
  return Object.values(PARTITION_INFO).flatMap((info) => [`https://${info.consoleHost}/*`, `https://*.${info.consoleHost}/*`]);
}

/** Every host the extension may contact or open, for the manifest check. */
export function allHosts(): string[] {
  const hosts: string[] = [];
  for (const partition of Object.keys(PARTITION_INFO) as Partition[]) {
    const info = PARTITION_INFO[partition];
    hosts.push(info.signinHost, info.consoleHost);
    for (const region of info.regions) {
      hosts.push(stsHost(partition, region), signinHost(partition, region), consoleHost(partition, region));
      hosts.push(oidcHost(partition, region), portalHost(partition, region));
    }
  }
  return [...new Set(hosts)];
}
