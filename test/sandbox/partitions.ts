/**
 * The three AWS partitions the sandbox speaks for, and the host names each uses.
 *
 * Host names: STS https://docs.aws.amazon.com/general/latest/gr/sts.html, the federation endpoint
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html,
 * China https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html,
 * GovCloud https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-govcloud-endpoints.html.
 */
import type { Partition } from './seed.js';

export type { Partition };

export interface PartitionInfo {
  partition: Partition;
  /** The global federation endpoint host. */
  signinHost: string;
  /** `<region>.signin.<suffix>` is the regional federation endpoint (only the `aws` partition has them). */
  signinSuffix: string;
  /** `console.<...>`; `<region>.console.<...>` and, with multi-session, `<account>-<id>.<region>.console.<...>`. */
  consoleHost: string;
  /** The parent domain the console's cookies are set on, so every console host of the partition sees them. */
  cookieDomain: string;
  /** The region a bare console URL and the global STS endpoint stand for. */
  defaultRegion: string;
  /** Regions we know; used for the certificate's wildcard names (a wildcard covers one label only). */
  regions: readonly string[];
}

export const PARTITION_INFO: Readonly<Record<Partition, PartitionInfo>> = {
  aws: {
    partition: 'aws',
    signinHost: 'signin.aws.amazon.com',
    signinSuffix: 'signin.aws.amazon.com',
    consoleHost: 'console.aws.amazon.com',
    cookieDomain: '.aws.amazon.com',
    defaultRegion: 'us-east-1',
    regions: [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'eu-west-1',
      'eu-west-2',
      'eu-central-1',
      'eu-north-1',
      'ap-northeast-1',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-south-1',
      'ca-central-1',
      'sa-east-1',
    ],
  },
  'aws-cn': {
    partition: 'aws-cn',
    signinHost: 'signin.amazonaws.cn',
    signinSuffix: 'signin.amazonaws.cn',
    consoleHost: 'console.amazonaws.cn',
    cookieDomain: '.amazonaws.cn',
    defaultRegion: 'cn-north-1',
    regions: ['cn-north-1', 'cn-northwest-1'],
  },
  'aws-us-gov': {
    partition: 'aws-us-gov',
    signinHost: 'signin.amazonaws-us-gov.com',
    signinSuffix: 'signin.amazonaws-us-gov.com',
    consoleHost: 'console.amazonaws-us-gov.com',
    cookieDomain: '.amazonaws-us-gov.com',
    defaultRegion: 'us-gov-west-1',
    regions: ['us-gov-west-1', 'us-gov-east-1'],
  },
};

export const ALL_PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** Region code shape: `us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `ap-southeast-5`. */
const REGION_SHAPE = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** The partition a region belongs to, or undefined when the text is not a region code. */
export function partitionOfRegion(region: string): Partition | undefined {
  if (!REGION_SHAPE.test(region)) return undefined;
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  // ISO partitions (us-iso-east-1, ...) are out of scope.
  if (/-iso[a-z]?-/.test(region)) return undefined;
  return 'aws';
}

/** The STS host the SDK uses by default for a region (regional endpoints; China uses `.amazonaws.com.cn`). */
export function stsHostForRegion(region: string): string {
  return partitionOfRegion(region) === 'aws-cn' ? `sts.${region}.amazonaws.com.cn` : `sts.${region}.amazonaws.com`;
}

/** `arn:aws:iam::111111111111:root` etc. */
export function accountRootArn(partition: Partition, account: string): string {
  return `arn:${partition}:iam::${account}:root`;
}
