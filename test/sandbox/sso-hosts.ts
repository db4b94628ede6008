/**
 * Identity Center's host names per region, as the SDK's endpoint rules build them (`oidc.{Region}.{dnsSuffix}`,
 * `portal.sso.{Region}.{dnsSuffix}`), plus the device verification page AWS links in StartDeviceAuthorization.
 */
import { partitionOfRegion } from './partitions.js';

export function dnsSuffix(region: string): string {
  return partitionOfRegion(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

export function oidcHost(region: string): string {
  return `oidc.${region}.${dnsSuffix(region)}`;
}

export function portalHost(region: string): string {
  return `portal.sso.${region}.${dnsSuffix(region)}`;
}

export function deviceHost(region: string): string {
  return `device.sso.${region}.${dnsSuffix(region)}`;
}
