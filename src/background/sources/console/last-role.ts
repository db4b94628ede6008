/**
 * Auto-assume's memory (storage.local `console.lastRoles`; rules in src/core/console-switch/auto-assume.ts): per
 * console base identity, the profile last switched to from it with the console's switch-role. A profile name is no
 * secret. Written after every console switch that landed, whether auto-assume is on or not, so turning it on uses
 * the role the person last switched to; forgotten when the profile is gone from the configuration.
 */
import type { Partition } from '../../../core/arn';
import { baseKey, forgetGone, readLastRoles, rememberRole, type LastRoles } from '../../../core/console-switch/auto-assume';
import type { ConsoleBase } from '../../../core/console-switch/offer';
import { readStored, writeStored } from '../../../platform/storage';
import { loadConfig } from '../../config/store';

export async function lastRoles(): Promise<LastRoles> {
  return readLastRoles(await readStored('console.lastRoles'));
}

/** After a switch from `base` to `profile` landed. Never fails the switch: the memory is a convenience. */
export async function rememberSwitch(partition: Partition, base: ConsoleBase, profile: string): Promise<void> {
  try {
    const memory = await lastRoles();
    const next = rememberRole(memory, baseKey(partition, base), profile);
    if (next !== memory) await writeStored('console.lastRoles', next);
  } catch {
    // Not remembered; the switch itself succeeded.
  }
}

/** On every configuration change: profiles no longer configured are forgotten. */
export async function forgetGoneProfiles(): Promise<void> {
  const memory = await lastRoles();
  if (Object.keys(memory).length === 0) return;
  const next = forgetGone(memory, (await loadConfig()).roles.map((role) => role.name));
  if (next !== memory) await writeStored('console.lastRoles', next);
}
