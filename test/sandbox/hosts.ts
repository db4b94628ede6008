/**
 * Which fake service a request is for, decided from its Host header, as the real endpoints are separate hosts.
 * Chromium's --host-resolver-rules send every AWS name to our one port, so the Host header is all we have.
 */
import { PARTITION_INFO, partitionOfRegion, type Partition } from './partitions.js';
import { s3Bucket } from './s3.js';

export type HostRoute =
  | {
      kind: 'sts';
      partition: Partition;
      /** The region this endpoint signs for: the global `sts.amazonaws.com` signs as us-east-1 (SigV4 docs). */
      region: string;
      host: string;
    }
  | {
      kind: 'signin';
      partition: Partition;
      /** Set for regional sign-in hosts. */
      region?: string;
      /** `<account id or alias>.signin.aws.amazon.com`: an account's own IAM-user sign-in URL. */
      accountLabel?: string;
      host: string;
    }
  | {
      kind: 'console';
      partition: Partition;
      /** From `<region>.console...`; undefined for the bare console host. */
      region?: string;
      /** `<account>-<id>` of a multi-session URL (`<account>-<id>.<region>.console.aws.amazon.com`). */
      sessionSubdomain?: string;
      host: string;
    }
  /** Amazon S3, virtual-hosted: `<bucket>.s3.<region>.amazonaws.com` (s3.ts: a team's configuration file). */
  | { kind: 's3'; partition: Partition; bucket: string; region: string; host: string }
  /** IAM Identity Center: `oidc.<region>.…`, `portal.sso.<region>.…`, `device.sso.<region>.…` (the verification page). */
  | { kind: 'oidc' | 'sso-portal' | 'sso-device'; partition: Partition; region: string; host: string }
  | { kind: 'unknown'; host: string };

/** The host name without its port, lower-cased (host names are case-insensitive, RFC 4343). */
export function hostWithoutPort(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

const REGION = '([a-z0-9-]+)';

export function classifyHost(host: string): HostRoute {
  // STS: https://docs.aws.amazon.com/general/latest/gr/sts.html
  if (host === 'sts.amazonaws.com') return { kind: 'sts', partition: 'aws', region: 'us-east-1', host };
  let m = new RegExp(`^sts\\.${REGION}\\.amazonaws\\.com$`).exec(host);
  if (m?.[1]) {
    const partition = partitionOfRegion(m[1]);
    // China's STS lives under amazonaws.com.cn, never amazonaws.com.
    if (partition === 'aws' || partition === 'aws-us-gov') return { kind: 'sts', partition, region: m[1], host };
    return { kind: 'unknown', host };
  }
  m = new RegExp(`^sts\\.${REGION}\\.amazonaws\\.com\\.cn$`).exec(host);
  if (m?.[1]) {
    return partitionOfRegion(m[1]) === 'aws-cn'
      ? { kind: 'sts', partition: 'aws-cn', region: m[1], host }
      : { kind: 'unknown', host };
  }

  const sso = classifySsoHost(host);
  if (sso) return sso;
  const s3 = s3Bucket(host);
  if (s3) return { kind: 's3', partition: 'aws', ...s3, host };

  for (const info of Object.values(PARTITION_INFO)) {
    if (host === info.signinHost) return { kind: 'signin', partition: info.partition, host };
    m = new RegExp(`^${REGION}\\.${escapeRe(info.signinSuffix)}$`).exec(host);
    if (m?.[1] && partitionOfRegion(m[1]) === info.partition) {
      return { kind: 'signin', partition: info.partition, region: m[1], host };
    }
    // https://<account id or alias>.signin.aws.amazon.com/console: the account's IAM-user sign-in page.
    if (m?.[1] && partitionOfRegion(m[1]) === undefined && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(m[1])) {
      return { kind: 'signin', partition: info.partition, accountLabel: m[1], host };
    }

    if (host === info.consoleHost) return { kind: 'console', partition: info.partition, host };
    const consoleRe = escapeRe(info.consoleHost);
    m = new RegExp(`^${REGION}\\.${consoleRe}$`).exec(host);
    if (m?.[1] && partitionOfRegion(m[1]) === info.partition) {
      return { kind: 'console', partition: info.partition, region: m[1], host };
    }
    // Multi-session URLs: https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/multisession.html
    m = new RegExp(`^(\\d{12}-[a-z0-9]+)\\.${REGION}\\.${consoleRe}$`).exec(host);
    if (m?.[1] && m[2] && partitionOfRegion(m[2]) === info.partition) {
      return { kind: 'console', partition: info.partition, region: m[2], sessionSubdomain: m[1], host };
    }
  }
  return { kind: 'unknown', host };
}

const SSO_HOST = new RegExp(`^(oidc|portal\\.sso|device\\.sso)\\.${REGION}\\.(amazonaws\\.com|amazonaws\\.com\\.cn)$`);
const SSO_KINDS = { oidc: 'oidc', 'portal.sso': 'sso-portal', 'device.sso': 'sso-device' } as const;

/** Identity Center hosts: `.amazonaws.com.cn` for China's regions, `.amazonaws.com` for the others (SDK endpoint rules). */
function classifySsoHost(host: string): HostRoute | undefined {
  const m = SSO_HOST.exec(host);
  if (!m?.[1] || !m[2]) return undefined;
  const partition = partitionOfRegion(m[2]);
  if (!partition || (partition === 'aws-cn') !== (m[3] === 'amazonaws.com.cn')) return { kind: 'unknown', host };
  return { kind: SSO_KINDS[m[1] as keyof typeof SSO_KINDS], partition, region: m[2], host };
}

/** Is `host` a console host of `partition` (what `Destination` may point at)? */
export function isConsoleHost(host: string, partition: Partition): boolean {
  const route = classifyHost(host.toLowerCase());
  return route.kind === 'console' && route.partition === partition;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One `--host-resolver-rules` value mapping every AWS name we serve to 127.0.0.1:port.
 * Chromium's rule patterns are globs where `*` matches any run of characters, so `*.amazonaws.com` covers
 * `sts.amazonaws.com` and `sts.us-gov-west-1.amazonaws.com`; `*.amazon.com` covers sign-in and console hosts.
 * `EXCLUDE localhost` keeps Playwright's own connections to localhost untouched.
 */
export function hostResolverRules(port: number): string {
  const target = `127.0.0.1:${port}`;
  const patterns = [
    'sts.amazonaws.com',
    '*.amazonaws.com',
    '*.amazon.com',
    '*.amazonaws.cn',
    '*.amazonaws.com.cn',
    'amazonaws-us-gov.com',
    '*.amazonaws-us-gov.com',
  ];
  return [...patterns.map((p) => `MAP ${p} ${target}`), 'EXCLUDE localhost'].join(',');
}
