/**
 * Reading the seed's Identity Center directories, and checking them at start so a typo in a test's seed fails
 * loudly.
 */
import { partitionOfRegion } from './partitions.js';
import type { Seed } from './seed.js';
import { accountPartition } from './seed-lookup.js';
import { directoryPartition, type SsoDirectory, type SsoUser } from './sso-seed.js';

/**
 * Start URLs compare without a trailing `/`, `#` or `/#` (people paste `https://x.awsapps.com/start/#`), and the
 * host case-insensitively.
 */
export function normalizeStartUrl(url: string): string {
  let out = url.trim().replace(/[#/]+$/, '');
  try {
    const parsed = new URL(out);
    out = `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Not a URL: compared as given, and matches nothing.
  }
  return out;
}

export function directories(seed: Seed): SsoDirectory[] {
  return seed.sso ?? [];
}

export function findDirectoryByStartUrl(seed: Seed, startUrl: string): SsoDirectory | undefined {
  const wanted = normalizeStartUrl(startUrl);
  return directories(seed).find((d) => normalizeStartUrl(d.startUrl) === wanted);
}

export function findDirectory(seed: Seed, id: string): SsoDirectory | undefined {
  return directories(seed).find((d) => d.id === id);
}

export function findSsoUser(directory: SsoDirectory, username: string): SsoUser | undefined {
  // Identity Center user names are case-insensitive.
  return directory.users.find((u) => u.username.toLowerCase() === username.trim().toLowerCase());
}

/** The accounts a user is assigned, in directory order. */
export function assignedAccounts(directory: SsoDirectory, user: SsoUser): SsoDirectory['accounts'] {
  const ids = new Set(user.assignments.map((a) => a.accountId));
  return directory.accounts.filter((a) => ids.has(a.id));
}

/** The permission sets a user holds in an account, in assignment order. */
export function assignedRoles(user: SsoUser, accountId: string): string[] {
  return user.assignments.filter((a) => a.accountId === accountId).map((a) => a.permissionSet);
}

export function permissionSetDuration(directory: SsoDirectory, name: string): number {
  return directory.permissionSets.find((p) => p.name === name)?.sessionDurationSeconds ?? 3600;
}

export function validateSsoSeed(seed: Seed): string[] {
  const problems: string[] = [];
  const startUrls = new Set<string>();
  for (const d of directories(seed)) {
    const where = `sso directory ${d.name}`;
    if (!partitionOfRegion(d.region)) problems.push(`${where}: unknown region ${d.region}`);
    const url = normalizeStartUrl(d.startUrl);
    if (startUrls.has(url)) problems.push(`${where}: start URL ${d.startUrl} appears twice`);
    startUrls.add(url);
    for (const account of d.accounts) {
      if (!/^\d{12}$/.test(account.id)) problems.push(`${where}: account id ${account.id} is not 12 digits`);
      // An account of the seed's organisation must be in the directory's partition.
      const known = seed.accounts.some((a) => a.id === account.id);
      if (known && accountPartition(seed, account.id) !== directoryPartition(d)) {
        problems.push(`${where}: account ${account.id} is in another partition than the directory`);
      }
    }
    for (const user of d.users) {
      for (const a of user.assignments) {
        if (!d.accounts.some((x) => x.id === a.accountId)) problems.push(`${where}: ${user.username}: unknown account ${a.accountId}`);
        if (!d.permissionSets.some((p) => p.name === a.permissionSet)) {
          problems.push(`${where}: ${user.username}: unknown permission set ${a.permissionSet}`);
        }
      }
    }
  }
  return problems;
}
