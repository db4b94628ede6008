/**
 * Where to call STS as a key source itself (GetCallerIdentity, GetSessionToken): its partition comes from the
 * roles it is the root of (an IAM user lives in one partition), its region from the source's own `region`, else
 * the first such role's, else the partition's default. Keys of an aws-cn or aws-us-gov user only work there.
 */
import type { Partition } from './arn';
import type { ConfigModel } from './config';
import { effectiveRegion } from './partitions';

export function sourceEndpoint(config: ConfigModel, source: string): { partition: Partition; region: string } {
  const role = config.roles.find((r) => r.chain[0] === source);
  const section = config.sources.find((s) => s.name === source);
  const partition = role?.partition ?? 'aws';
  return { partition, region: effectiveRegion(partition, section?.region ?? role?.region) };
}
