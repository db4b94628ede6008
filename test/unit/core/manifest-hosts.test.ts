/** Every host the code can build must be in host_permissions, or the worker's fetch fails as an opaque CORS error. */
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { allHosts } from '../../../src/core/partitions';

function matches(pattern: string, host: string): boolean {
  const hostPattern = new URL(pattern.replace('*.', 'wildcard.')).host.replace(/^wildcard\./, '*.');
  if (hostPattern.startsWith('*.')) return host.endsWith(hostPattern.slice(1));
  return host === hostPattern;
}

describe('manifest host permissions', () => {
  it('cover every STS, IAM Identity Center (OIDC, portal), sign-in and console host the code can build', () => {
    const missing = allHosts().filter((host) => !manifest.host_permissions.some((pattern) => matches(pattern, host)));
    expect(missing).toEqual([]);
  });

  it('are https only and name no broader wildcard than a service host', () => {
    for (const pattern of manifest.host_permissions) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?(sts|signin|console|oidc|portal\.sso)\.[a-z0-9.-]+\/\*$|^https:\/\/\*\.(signin|console)\./);
    }
    expect(manifest.host_permissions).not.toContain('<all_urls>');
  });
});
